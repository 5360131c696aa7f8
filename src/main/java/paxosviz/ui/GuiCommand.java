package paxosviz.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gui [FILE] [--record OUT.jsonl]}: opens the visualizer. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Opens the visualizer. FILE may be a scenario (.json) to load or a trace (.jsonl, .jsonl.gz) to replay.")
public final class GuiCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a scenario to load or a trace to replay")
    private Path file;

    @Option(names = "--record", paramLabel = "OUT.jsonl", description = "write the live session's trace here on exit")
    private Path record;

    @Option(names = "--frame-bench", description = "benchmark mode: fill a 7-node log to 100,000 slots, keep about 300"
            + " messages in flight, measure frame times and memory, print them and exit")
    private boolean frameBench;

    @Option(names = "--bench-seconds", defaultValue = "20", description = "how long --frame-bench measures (default ${DEFAULT-VALUE})")
    private double benchSeconds;

    @Option(names = "--bench-tab", defaultValue = "Node", description = "which tab --frame-bench shows: a side tab, or Space-time (default ${DEFAULT-VALUE})")
    private String benchTab;

    @Override
    public Integer call() {
        String cannot = DesktopCheck.problem();
        if (cannot != null) {
            System.err.println(cannot);
            return 1;
        }
        VisualizerApp.configure(file, record, frameBench ? benchSeconds : 0, benchTab);
        try {
            Application.launch(VisualizerApp.class);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.err.println("The window cannot open here: " + rootMessage(e));
            return 1;
        }
        return 0;
    }

    /** The innermost reason, in one line. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
