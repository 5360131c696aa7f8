package paxosviz.runtime.sim;

import java.util.ArrayList;
import java.util.List;

import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.Workload;
import paxosviz.scenario.Protocol;
import paxosviz.trace.model.TraceSink;

/**
 * How fast the simulator works: a cluster under a steady closed-loop load, measured in
 * messages delivered per second of real time, on the one thread the simulator uses.
 */
public final class SimulatorBenchmark {

    /** What one run measured; {@code simulatedSeconds} is how much virtual time passed, {@code operations} how many slots were applied. */
    public record Result(int nodes, int clients, double seconds, long delivered, double deliveredPerSec,
            double simulatedSeconds, long operations) {
    }

    private final int nodes;
    private final int clients;
    private final TraceSink listener;

    /** {@code listener} receives every event (null: nobody listens, as when nothing is recorded). */
    public SimulatorBenchmark(int nodes, int clients, TraceSink listener) {
        this.nodes = nodes;
        this.clients = clients;
        this.listener = listener;
    }

    public Result run(double warmupSeconds, double seconds) {
        EventStream events = new EventStream();
        if (listener != null) {
            events.subscribe(listener);
        }
        Simulation sim = new Simulation(ClusterSpec.defaults(nodes, Protocol.MULTIPAXOS), 1, events);
        sim.start();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            names.add("w" + i);
        }
        Workload load = sim.startLoad(names, List.of("a", "b", "c", "d"), 1_000_000, Long.MAX_VALUE);
        runFor(sim, warmupSeconds);
        long deliveredBefore = sim.delivered();
        long appliedBefore = sim.status(0).applied();
        long virtualBefore = sim.now();
        long start = System.nanoTime();
        runFor(sim, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        load.stop();
        long delivered = sim.delivered() - deliveredBefore;
        return new Result(nodes, clients, elapsed, delivered, delivered / elapsed,
                (sim.now() - virtualBefore) / 1e6, sim.status(0).applied() - appliedBefore);
    }

    /** Advances virtual time in slices until {@code seconds} of real time have passed. */
    private static void runFor(Simulation sim, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            sim.advanceTo(sim.now() + 100_000);
        }
    }
}
