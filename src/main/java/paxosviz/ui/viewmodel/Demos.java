package paxosviz.ui.viewmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import paxosviz.BadInputException;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;

/** The lecture's demos, bundled as scenario files: each one click away. */
public final class Demos {

    private static final String FOLDER = "/demos/";

    /** One bundled scenario. */
    public record Demo(String file, Scenario scenario) {
        public String name() {
            return scenario.name();
        }

        public String description() {
            return scenario.description();
        }

        @Override
        public String toString() {
            return file;
        }

        /** The description's first sentence: the one line the menu shows under the question. */
        public String summary() {
            String text = scenario.description() == null ? "" : scenario.description();
            int end = text.indexOf(". ");
            return end < 0 ? text : text.substring(0, end + 1);
        }

        public boolean unsafe() {
            return scenario.unsafe();
        }

        /** Why the demo is unsafe, for its label; empty when it is not. */
        public String unsafeWhy() {
            return scenario.unsafeWhy();
        }
    }

    private Demos() {
    }

    /** Read once, when first asked for: the menu, the demo keys and the comparisons all ask. */
    private static final class Bundled {
        static final List<Demo> ALL = List.copyOf(load());
    }

    /** Every bundled demo, in the lecture's order. */
    public static List<Demo> all() {
        return Bundled.ALL;
    }

    private static List<Demo> load() {
        List<Demo> demos = new ArrayList<>();
        for (String file : read("index.txt").split("\n")) {
            if (!file.isBlank()) {
                try {
                    demos.add(new Demo(file.strip(), ScenarioReader.read(read(file.strip()), file.strip())));
                } catch (BadInputException broken) {
                    throw new IllegalStateException("a bundled demo is broken: " + broken.getMessage(), broken);
                }
            }
        }
        return demos;
    }

    private static String read(String name) {
        try (InputStream in = Demos.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
