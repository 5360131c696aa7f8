package paxosviz.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import paxosviz.BadInputException;
import paxosviz.check.Checker;
import paxosviz.replay.ReplayBenchmark;
import paxosviz.runtime.sim.SimulatorBenchmark;
import paxosviz.runtime.threads.ThroughputBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: measures the live threaded runtime (or, with --runtime sim, the simulator). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the live threaded runtime with no simulated network delay: closed-loop clients each doing"
                + " one put after another. Last line: {\"opsPerSec\": ..., \"p50Ms\": ..., \"p99Ms\": ...}."
                + " With --runtime sim, measures the simulator instead: messages delivered per second on one core.")
final class BenchCommand implements Callable<Integer> {

    enum RuntimeKind { threads, sim }

    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "3", description = "cluster size (default ${DEFAULT-VALUE})")
    private int nodes;

    @Option(names = "--clients", defaultValue = "16", description = "closed-loop clients (default ${DEFAULT-VALUE})")
    private int clients;

    @Option(names = "--seconds", defaultValue = "10", description = "how long to measure (default ${DEFAULT-VALUE})")
    private double seconds;

    @Option(names = "--warmup", defaultValue = "2", description = "seconds to run before measuring (default ${DEFAULT-VALUE})")
    private double warmup;

    @Option(names = "--runtime", defaultValue = "threads", description = "threads (default) or sim")
    private RuntimeKind runtime;

    @Option(names = "--check", description = "with --runtime sim: feed every event to the checker, as `run` does")
    private boolean check;

    @Option(names = "--replay", paramLabel = "TRACE.jsonl", description = "measure the replay model instead: open this trace"
            + " without a display, then seek at random and step back; last line {\"events\": ..., \"openMs\": ...,"
            + " \"seekP50Ms\": ..., \"seekP99Ms\": ..., \"stepBackP99Ms\": ..., \"heapMb\": ...}")
    private java.nio.file.Path replay;

    @Option(names = "--seeks", defaultValue = "1000", description = "with --replay: how many random seeks (default ${DEFAULT-VALUE})")
    private int seeks;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (replay != null) {
            return benchReplay(out);
        }
        if (nodes < 1 || nodes > 63 || clients < 1 || seconds <= 0 || warmup < 0) {
            spec.commandLine().getErr().println("bench: need 1..63 nodes, at least one client, seconds > 0 and warmup >= 0");
            return ExitCodes.BAD_INPUT;
        }
        if (runtime == RuntimeKind.sim) {
            SimulatorBenchmark.Result r = new SimulatorBenchmark(nodes, clients, check ? new Checker(nodes) : null)
                    .run(warmup, seconds);
            out.printf(Locale.ROOT, "simulator, %d nodes, %d clients%s: %d messages delivered in %.1f s, %.1f s simulated, %d operations%n",
                    r.nodes(), r.clients(), check ? ", checked" : "", r.delivered(), r.seconds(), r.simulatedSeconds(), r.operations());
            out.printf(Locale.ROOT, "{\"deliveredPerSec\": %.0f, \"opsPerSec\": %.0f, \"simulatedSecondsPerSecond\": %.2f}%n",
                    r.deliveredPerSec(), r.operations() / r.seconds(), r.simulatedSeconds() / r.seconds());
        } else {
            ThroughputBenchmark.Result r = new ThroughputBenchmark(nodes, clients).run(warmup, seconds);
            out.printf(Locale.ROOT, "threads, %d nodes, %d clients, no network delay: %d puts in %.1f s, max latency %.2f ms%n",
                    r.nodes(), r.clients(), r.operations(), r.seconds(), r.maxMs());
            out.printf(Locale.ROOT, "{\"opsPerSec\": %.0f, \"p50Ms\": %.3f, \"p99Ms\": %.3f}%n", r.opsPerSec(), r.p50Ms(), r.p99Ms());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int benchReplay(PrintWriter out) {
        if (seeks < 1) {
            spec.commandLine().getErr().println("bench: --seeks must be at least 1");
            return ExitCodes.BAD_INPUT;
        }
        ReplayBenchmark.Result r;
        try {
            r = ReplayBenchmark.run(replay, seeks, 1);
        } catch (BadInputException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        out.printf(Locale.ROOT, "replay of %s: %,d events, a checkpoint every %,d events; %d random seeks and as many steps back%n",
                replay, r.events(), r.checkpointInterval(), seeks);
        out.printf(Locale.ROOT, "{\"events\": %d, \"openMs\": %.0f, \"seekP50Ms\": %.3f, \"seekP99Ms\": %.3f, \"stepBackP99Ms\": %.3f,"
                + " \"heapMb\": %d}%n", r.events(), r.openMs(), r.seekP50Ms(), r.seekP99Ms(), r.stepBackP99Ms(), r.heapMb());
        out.flush();
        return ExitCodes.OK;
    }
}
