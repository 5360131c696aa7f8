package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import paxosviz.check.Checker;
import paxosviz.check.Verdict;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioWriter;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;

/**
 * Safety under any schedule, progress whenever a majority can talk: random fault schedules
 * (partitions, three-way splits, one-way cuts, isolation, crashes of a majority, drops up to
 * 30%, duplicates), each checked for agreement, validity, order, results and linearizability;
 * and, once everything is repaired for the last stretch, convergence and answered operations.
 *
 * <p>{@code -Dsweep.seeds=N} runs seeds 1..N (default 2000); {@code -Dsweep.seed=S} replays one.
 */
class RandomFaultSweepTest {

    @Test
    void everyRandomFaultScheduleStaysSafeAndRecovers() throws Exception {
        long single = Long.getLong("sweep.seed", 0);
        long seeds = Long.getLong("sweep.seeds", 2000);
        LongStream range = single > 0 ? LongStream.of(single) : LongStream.rangeClosed(1, seeds);
        Set<String> failures = new ConcurrentSkipListSet<>();
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            pool.submit(() -> range.parallel().forEach(seed -> {
                String failure = judge(seed);
                if (failure != null) {
                    failures.add(failure);
                    System.out.println(failure);
                }
            })).get();
        } finally {
            pool.shutdown();
        }
        System.out.printf("random fault sweep: %d seeds, %d failed%n", single > 0 ? 1 : seeds, failures.size());
        assertThat(failures).isEmpty();
    }

    /** Runs one seed; returns null if all is well, else what went wrong and how to replay it. */
    private static String judge(long seed) {
        Scenario scenario = RandomFaults.scenario(seed);
        EventStream events = new EventStream();
        Checker checker = new Checker(scenario.nodes());
        events.subscribe(checker);
        double calmFrom = scenario.durationMs() - RandomFaults.CALM_MS + 500;
        long[] answeredWhenCalm = {0};
        java.util.Map<String, Double> invokedAt = new java.util.HashMap<>();
        events.subscribe(event -> {
            if (event.body() instanceof EventBody.Invoke invoke) {
                invokedAt.put(invoke.op().id().toString(), event.t());
            } else if (event.body() instanceof EventBody.Return r && r.outcome() == Outcome.OK
                    && invokedAt.get(r.op().id().toString()) >= calmFrom) {
                answeredWhenCalm[0]++;
            }
        });
        try {
            ScenarioRunner.run(scenario, new Simulation(ClusterSpec.of(scenario), seed, events));
        } catch (RuntimeException | InterruptedException crash) {
            return describe(seed, scenario, List.of("the run crashed: " + crash));
        }
        Verdict verdict = Verdict.of(checker.report(), scenario.expect());
        if (!verdict.ok()) {
            return describe(seed, scenario, verdict.failures());
        }
        if (answeredWhenCalm[0] == 0) {
            return describe(seed, scenario, List.of("no operation answered after every fault was repaired"));
        }
        return null;
    }

    private static String describe(long seed, Scenario scenario, List<String> problems) {
        String file = "target/sweep-failures/seed-" + seed + ".json";
        try {
            Files.createDirectories(Path.of("target/sweep-failures"));
            ScenarioWriter.save(scenario, Path.of(file));
        } catch (IOException e) {
            file = "(could not write the scenario: " + e.getMessage() + ")";
        }
        return "seed " + seed + " FAILED: " + problems.subList(0, Math.min(3, problems.size()))
                + "\n  replay: mvn -B test -Dtest=RandomFaultSweepTest -Dsweep.seed=" + seed
                + "\n  or:     java -jar target/paxos-visualizer.jar run " + file;
    }
}
