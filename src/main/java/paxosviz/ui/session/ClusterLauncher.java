package paxosviz.ui.session;

import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.LiveCluster;
import paxosviz.runtime.ScenarioDriver;
import paxosviz.runtime.sim.Lockstep;
import paxosviz.runtime.sim.PacedSimulation;
import paxosviz.runtime.sim.SimulatedRun;
import paxosviz.runtime.threads.ThreadedCluster;
import paxosviz.scenario.Scenario;

/**
 * Builds and starts a live session's cluster, on the session's command thread (a fork may
 * take a while to re-run its prefix). The cluster reports on {@code events}, to which the
 * session is already listening, so not one event is missed.
 */
@FunctionalInterface
public interface ClusterLauncher {

    LiveCluster launch(EventStream events);

    /** Nodes on threads against the wall clock; with a scenario, its steps run on the cluster's clock. */
    static ClusterLauncher threads(ClusterSpec spec, Scenario scenario) {
        return events -> {
            ThreadedCluster cluster = new ThreadedCluster(spec, events);
            cluster.start();
            if (scenario != null) {
                long end = ScenarioDriver.micros(scenario.durationMs());
                new ScenarioDriver(scenario, cluster).schedule();
                cluster.scheduleAt(end, cluster::stopClients);
            }
            return cluster;
        };
    }

    /**
     * The scenario on the simulator, paced live: with no hand on it, its events are exactly
     * those {@code run} writes for that seed, so its trace re-runs and forks from any point.
     */
    static ClusterLauncher simulated(Scenario scenario, long seed) {
        return events -> new PacedSimulation(new SimulatedRun(scenario, seed, events));
    }

    /** As {@link #simulated}, on the clock of {@code lockstep}, shared with the other simulations in it. */
    static ClusterLauncher inLockstep(Scenario scenario, long seed, Lockstep lockstep) {
        return events -> new PacedSimulation(new SimulatedRun(scenario, seed, events), lockstep);
    }

    /**
     * A simulator run of {@code scenario} with {@code seed}, re-run exactly as {@code run} did
     * through the event with seq {@code throughSeq}, then going on live and paused: the
     * scenario's clients carry on, its faults are left to the user.
     */
    static ClusterLauncher fork(Scenario scenario, long seed, long throughSeq) {
        return events -> {
            SimulatedRun run = new SimulatedRun(scenario, seed, events);
            run.runThrough(throughSeq);
            return new PacedSimulation(run.goLive(), true);
        };
    }
}
