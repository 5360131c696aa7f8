package paxosviz.runtime.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.check.Checker;
import paxosviz.check.Verdict;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.RandomFaults;
import paxosviz.runtime.ScenarioRunner;
import paxosviz.scenario.Scenario;

/**
 * Real threads under random faults: short random fault schedules run on the threaded runtime
 * at double speed, each judged by the checker. Thread interleavings are not reproducible, so a
 * failure names the seed of its fault schedule, which replays the same faults.
 *
 * <p>{@code -Dstress.runs=N} (default 100).
 */
class ThreadStressTest {

    @Test
    void randomFaultsOnRealThreadsStaySafeAndConverge() throws Exception {
        int runs = Integer.getInteger("stress.runs", 100);
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= runs; seed++) {
            Scenario scenario = RandomFaults.scenario(seed, 1500, 1000, 1000);
            EventStream events = new EventStream();
            Checker checker = new Checker(scenario.nodes());
            events.subscribe(event -> {
                synchronized (checker) {
                    checker.accept(event);
                }
            });
            try (ThreadedCluster cluster = new ThreadedCluster(ClusterSpec.of(scenario), events)) {
                cluster.setSpeed(2.0);
                ScenarioRunner.run(scenario, cluster, 6_000_000);
            }
            Verdict verdict;
            synchronized (checker) {
                verdict = Verdict.of(checker.report(), scenario.expect());
            }
            if (!verdict.ok()) {
                String failure = "stress seed " + seed + " FAILED: " + verdict.failures()
                        + "\n  replay the fault schedule: mvn -B test -Dtest=ThreadStressTest -Dstress.runs=" + seed;
                System.out.println(failure);
                failures.add(failure);
            }
        }
        System.out.printf("thread stress: %d runs, %d failed%n", runs, failures.size());
        assertThat(failures).isEmpty();
    }
}
