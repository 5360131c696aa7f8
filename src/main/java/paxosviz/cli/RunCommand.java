package paxosviz.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import paxosviz.BadInputException;
import paxosviz.check.Checker;
import paxosviz.check.Verdict;
import paxosviz.replay.ReExecution;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.ScenarioRunner;
import paxosviz.runtime.sim.SimulatedRun;
import paxosviz.runtime.threads.ThreadedCluster;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.trace.json.TraceWriter;
import paxosviz.trace.model.TraceHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run SCENARIO.json}: runs a scenario headless, checks it as it runs, writes the trace.
 * {@code run --replay-check TRACE.jsonl}: runs a simulator trace's scenario again and compares.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario headless, checks it and writes its trace. Exit 0: safe and every expectation holds;"
                + " 1: a violation or a failed expectation; 2: bad input.",
                "With --replay-check TRACE.jsonl: runs the scenario in a simulator trace's header again with its seed and"
                + " compares the events with the recorded ones. Exit 0: identical; 1: they differ; 2: bad input."})
final class RunCommand implements Callable<Integer> {

    enum RuntimeKind { sim, threads }

    private static final long THREADS_SETTLE_LIMIT_MICROS = 5_000_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.json", description = "the scenario to run")
    private Path scenarioFile;

    @Option(names = "--replay-check", paramLabel = "TRACE.jsonl",
            description = "re-run a simulator trace (.jsonl or .jsonl.gz) from the scenario and seed in its header and compare"
                    + " event by event; last line {\"identical\": ...}")
    private Path replayTrace;

    @Option(names = "--runtime", defaultValue = "sim", description = "sim (deterministic, virtual time) or threads (a thread per node, wall clock); default ${DEFAULT-VALUE}")
    private RuntimeKind runtime;

    @Option(names = "--seed", description = "the seed for every random choice; default: the scenario's seed")
    private Long seed;

    @Option(names = "--trace", paramLabel = "OUT.jsonl", description = "where to write the trace (.jsonl or .jsonl.gz)")
    private Path traceFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replayTrace != null) {
            return replayCheck(out, err);
        }
        if (scenarioFile == null) {
            err.println("run: give a scenario (run SCENARIO.json) or a trace to re-run (run --replay-check TRACE.jsonl)");
            return ExitCodes.BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(scenarioFile);
        } catch (BadInputException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        long runSeed = seed != null ? seed : scenario.seed();
        EventStream events = new EventStream();
        Checker checker = new Checker(scenario.nodes());
        events.subscribe(checker);
        TraceWriter writer = null;
        try {
            if (traceFile != null) {
                writer = new TraceWriter(traceFile, new TraceHeader(TraceHeader.VERSION, scenario.nodes(), runtime.name(), runSeed, scenario));
                events.subscribe(writer);
            }
            runOn(scenario, runSeed, events);
        } catch (IOException e) {
            err.println(traceFile + ": cannot write the trace: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        Verdict verdict = Verdict.of(checker.report(), scenario.expect());
        Summary.print(out, describe(scenario, runSeed), verdict);
        return verdict.ok() ? ExitCodes.OK : ExitCodes.VIOLATION;
    }

    /** {@code --replay-check}: the same scenario, seed and simulator as the recorded run; the first event that differs. */
    private int replayCheck(PrintWriter out, PrintWriter err) {
        if (scenarioFile != null || seed != null || traceFile != null || runtime != RuntimeKind.sim) {
            err.println("run --replay-check: takes only the trace: it re-runs the scenario in the trace's header in the simulator"
                    + " with the header's seed (no SCENARIO, --seed, --trace or --runtime)");
            return ExitCodes.BAD_INPUT;
        }
        ReExecution.Result result;
        try {
            result = ReExecution.compare(replayTrace);
        } catch (BadInputException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (result.identical()) {
            out.println(replayTrace + ": re-run in the simulator: identical, " + result.events() + " events");
        } else {
            out.println(replayTrace + ": re-run in the simulator: differs at seq " + result.seq() + " (after "
                    + result.events() + " identical events)");
            out.println("  recorded: " + (result.recorded() != null ? result.recorded() : "(the recorded trace has ended)"));
            out.println("  re-run:   " + (result.rerun() != null ? result.rerun() : "(the re-run has ended)"));
        }
        out.println(result.toJson());
        out.flush();
        return result.identical() ? ExitCodes.OK : ExitCodes.VIOLATION;
    }

    /**
     * Runs on the chosen runtime. The threaded one works in wall-clock time, so it gets less time
     * to settle than the simulator, whose settling costs no real time.
     */
    private void runOn(Scenario scenario, long runSeed, EventStream events) throws InterruptedException {
        ClusterSpec clusterSpec = ClusterSpec.of(scenario);
        if (runtime == RuntimeKind.threads) {
            try (ThreadedCluster cluster = new ThreadedCluster(clusterSpec, events)) {
                ScenarioRunner.run(scenario, cluster, THREADS_SETTLE_LIMIT_MICROS);
            }
        } else {
            new SimulatedRun(scenario, runSeed, events).runToEnd();
        }
    }

    private String describe(Scenario scenario, long runSeed) {
        String name = scenario.name() != null ? scenario.name() : scenarioFile.getFileName().toString();
        return name + ": " + scenario.nodes() + " nodes, " + scenario.protocol().wireName() + ", runtime " + runtime
                + ", seed " + runSeed + (traceFile != null ? ", trace " + traceFile : "");
    }
}
