package paxosviz.cli;

import picocli.CommandLine.Command;

/** The top-level command; the launcher adds {@code gui}, which lives with the views. */
@Command(name = "paxos-visualizer",
        mixinStandardHelpOptions = true,
        version = "paxos-visualizer 0.1",
        description = "Runs real Multi-Paxos nodes, shows them live, and records, checks and replays their traces.",
        subcommands = {RunCommand.class, CheckCommand.class, ExportCommand.class, BenchCommand.class})
public final class MainCommand {
}
