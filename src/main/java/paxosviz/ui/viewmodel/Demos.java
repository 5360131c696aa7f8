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
    }

    private Demos() {
    }

    /** Every bundled demo, in the lecture's order. */
    public static List<Demo> all() {
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
