package paxosviz.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;

import paxosviz.core.NodeEvent;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Scenario;
import paxosviz.trace.model.EventBody;

/**
 * How often leadership changes hands over the random fault sweep's schedules: counts the
 * {@code elect} (phase 1 started), {@code leader} (phase 1 won) and {@code stepdown} events,
 * the last by reason, and those in the calm stretch after the final heal. The schedules and
 * seeds are those of {@link RandomFaultSweepTest}, so the numbers of two versions of the
 * protocol can be compared seed for seed.
 *
 * <p>{@link ElectionCountTest} guards the first 200 schedules by default and counts any number
 * when asked: {@code mvn -B -o test -Dtest=ElectionCountTest -Delections.seeds=2000}.
 */
final class ElectionCount {

    /** Totals over a range of seeds. */
    record Counts(long seeds, long elections, long leaders, long calmElections, long calmLeaders,
            Map<String, Long> stepdowns) {

        long stepdownTotal() {
            return stepdowns.values().stream().mapToLong(Long::longValue).sum();
        }

        Counts plus(Counts other) {
            Map<String, Long> reasons = new TreeMap<>(stepdowns);
            other.stepdowns.forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
            return new Counts(seeds + other.seeds, elections + other.elections, leaders + other.leaders,
                    calmElections + other.calmElections, calmLeaders + other.calmLeaders, reasons);
        }

        @Override
        public String toString() {
            return String.format("%d seeds: %d elect events (%.2f per seed), %d leader events (%.2f per seed), "
                    + "%d stepdowns %s; after the final heal: %d elect, %d leader", seeds, elections,
                    elections / (double) seeds, leaders, leaders / (double) seeds, stepdownTotal(), stepdowns,
                    calmElections, calmLeaders);
        }
    }

    private ElectionCount() {
    }

    /** Runs the sweep's schedules for seeds {@code first..last} on two threads and adds up their events. */
    static Counts over(long first, long last) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            return pool.submit(() -> LongStream.rangeClosed(first, last).parallel()
                    .mapToObj(ElectionCount::of)
                    .reduce(new Counts(0, 0, 0, 0, 0, Map.of()), Counts::plus)).get();
        } finally {
            pool.shutdown();
        }
    }

    /** The counts of one seed's schedule. */
    static Counts of(long seed) {
        Scenario scenario = RandomFaults.scenario(seed);
        EventStream events = new EventStream();
        double calmFrom = scenario.durationMs() - RandomFaults.CALM_MS;
        long[] counts = new long[4];
        Map<String, Long> stepdowns = new TreeMap<>();
        events.subscribe(event -> {
            if (event.body() instanceof EventBody.NodeStep step) {
                boolean calm = event.t() >= calmFrom;
                if (step.event() instanceof NodeEvent.ElectionStarted) {
                    counts[calm ? 2 : 0]++;
                } else if (step.event() instanceof NodeEvent.LeaderElected) {
                    counts[calm ? 3 : 1]++;
                } else if (step.event() instanceof NodeEvent.SteppedDown down) {
                    stepdowns.merge(String.valueOf(down.reason()), 1L, Long::sum);
                }
            }
        });
        try {
            ScenarioRunner.run(scenario, new Simulation(ClusterSpec.of(scenario), seed, events));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Counts(1, counts[0] + counts[2], counts[1] + counts[3], counts[2], counts[3], stepdowns);
    }
}
