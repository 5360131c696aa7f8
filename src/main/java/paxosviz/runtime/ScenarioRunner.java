package paxosviz.runtime;

import paxosviz.scenario.Scenario;

/**
 * Runs a scenario to its end: the steps until {@code durationMs}; then no new client
 * operations while the cluster settles (every live node level and every client answered, or
 * the settle limit passed); then unanswered operations time out and the end state is recorded.
 */
public final class ScenarioRunner {

    /** How long past the scenario's duration the cluster may take to settle. */
    public static final long SETTLE_LIMIT_MICROS = 10_000_000;
    public static final long SETTLE_STEP_MICROS = 10_000;

    private ScenarioRunner() {
    }

    public static void run(Scenario scenario, Cluster cluster) throws InterruptedException {
        run(scenario, cluster, SETTLE_LIMIT_MICROS);
    }

    public static void run(Scenario scenario, Cluster cluster, long settleLimitMicros) throws InterruptedException {
        cluster.start();
        new ScenarioDriver(scenario, cluster).schedule();
        long end = ScenarioDriver.micros(scenario.durationMs());
        cluster.advanceTo(end);
        cluster.stopClients();
        long deadline = end + settleLimitMicros;
        long time = end;
        while (time < deadline && !(cluster.clientsIdle() && cluster.converged())) {
            time += SETTLE_STEP_MICROS;
            cluster.advanceTo(time);
        }
        cluster.finish();
    }
}
