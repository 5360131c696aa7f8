package paxosviz;

import paxosviz.cli.MainCommand;
import paxosviz.ui.GuiCommand;
import picocli.CommandLine;

/**
 * The jar's entry point. With no arguments it opens the visualizer; otherwise it runs a
 * subcommand. A plain class rather than the JavaFX Application itself, so that the
 * self-contained jar starts JavaFX from the classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new MainCommand())
                .addSubcommand("gui", new GuiCommand());
        String[] effective = args.length == 0 ? new String[] {"gui"} : args;
        System.exit(commandLine.execute(effective));
    }
}
