package paxosviz.runtime.sim;

import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.ScenarioDriver;
import paxosviz.runtime.ScenarioRunner;
import paxosviz.scenario.Scenario;

/**
 * A scenario on the simulator exactly as {@link ScenarioRunner} runs it (its steps until the
 * duration, then settling, then the end state), but one agenda entry at a time, so that it can
 * stop right after any event. That is what re-executing a recorded trace and forking a live run
 * from the middle of one need: the same seed gives the same events, up to the point chosen.
 */
public final class SimulatedRun {

    private enum Phase { STEPS, SETTLING, DONE }

    private final Scenario scenario;
    private final Simulation simulation;
    private final ScenarioDriver driver;
    private final EventStream events;
    private final long end;
    private final long deadline;
    private Phase phase = Phase.STEPS;
    /** While settling: the time up to which the cluster runs before the next look. */
    private long settleTarget;

    /** Boots the cluster and schedules the steps; nothing has run yet but the boot. */
    public SimulatedRun(Scenario scenario, long seed, EventStream events) {
        this.scenario = scenario;
        this.events = events;
        this.simulation = new Simulation(ClusterSpec.of(scenario), seed, events);
        this.driver = new ScenarioDriver(scenario, simulation);
        this.end = ScenarioDriver.micros(scenario.durationMs());
        this.deadline = end + ScenarioRunner.SETTLE_LIMIT_MICROS;
        simulation.start();
        driver.schedule();
    }

    public Simulation simulation() {
        return simulation;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Whether the run recorded its end state. */
    public boolean finished() {
        return phase == Phase.DONE;
    }

    /** Runs to the end, as {@code run} does. */
    public void runToEnd() {
        while (phase != Phase.DONE) {
            step();
        }
    }

    /** Runs until the event with sequence number {@code seq} has happened (or the run ended); returns the last seq. */
    public long runThrough(long seq) {
        while (phase != Phase.DONE && events.lastSeq() < seq) {
            step();
        }
        return events.lastSeq();
    }

    /**
     * From here on the run is a live experiment: the scenario's client operations and load go on,
     * but its faults are left to the user, and it neither settles nor ends by itself.
     */
    public Simulation goLive() {
        driver.stopFaults();
        phase = Phase.DONE;
        return simulation;
    }

    /**
     * Runs everything due by {@code micros}, as {@link #runToEnd()} would have, and moves the
     * clock there: a live window paces the run this way and still gets exactly {@code run}'s events.
     */
    public void advanceTo(long micros) {
        while (phase != Phase.DONE && nextMove() <= micros) {
            step();
        }
        simulation.advanceTo(micros);
    }

    /** When the next agenda entry or move of the runner is due. */
    public long nextDue() {
        return phase == Phase.DONE ? simulation.nextDue() : nextMove();
    }

    /** Runs exactly the next agenda entry or move of the runner. */
    public void runNext() {
        if (phase == Phase.DONE) {
            simulation.runNext();
        } else {
            step();
        }
    }

    private long nextMove() {
        return Math.min(simulation.nextDue(), phase == Phase.STEPS ? end : settleTarget);
    }

    /** One agenda entry, or one of the runner's own moves between them. */
    private void step() {
        switch (phase) {
            case STEPS -> {
                if (simulation.nextDue() <= end) {
                    simulation.runNext();
                } else {
                    simulation.advanceTo(end);
                    simulation.stopClients();
                    settleTarget = end;
                    phase = Phase.SETTLING;
                    lookWhetherSettled();
                }
            }
            case SETTLING -> {
                if (simulation.nextDue() <= settleTarget) {
                    simulation.runNext();
                } else {
                    simulation.advanceTo(settleTarget);
                    lookWhetherSettled();
                }
            }
            case DONE -> {
            }
        }
    }

    /** As the runner does every settle step: finish once level and answered, or out of time; else run a little longer. */
    private void lookWhetherSettled() {
        if (settleTarget < deadline && !(simulation.clientsIdle() && simulation.converged())) {
            settleTarget += ScenarioRunner.SETTLE_STEP_MICROS;
        } else {
            simulation.finish();
            phase = Phase.DONE;
        }
    }
}
