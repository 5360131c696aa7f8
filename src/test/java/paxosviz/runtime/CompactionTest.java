package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.PaxosConfig;
import paxosviz.core.ReplicaStatus;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Protocol;

/** Replicas forget what a snapshot covers: the log each keeps stays bounded however long the run. */
class CompactionTest {

    @Test
    void everyReplicaKeepsOnlyASnapshotAndABoundedTailOfItsLog() {
        int interval = 100;
        int tail = 50;
        ClusterSpec defaults = ClusterSpec.defaults(3, Protocol.MULTIPAXOS);
        PaxosConfig config = defaults.paxos().withCompaction(interval, tail);
        Simulation sim = new Simulation(defaults.withPaxos(config), 9, new EventStream());
        sim.start();
        sim.startLoad(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"), List.of("a", "b"), 100_000, Long.MAX_VALUE);

        long checks = 0;
        while (sim.status(0).applied() < 20_000) {
            sim.advanceTo(sim.now() + 50_000);
            for (int node = 0; node < 3; node++) {
                ReplicaStatus status = sim.status(node);
                assertThat(status.applied() - status.compactedUpTo())
                        .as("slots node %d keeps at %d", node, status.applied())
                        .isLessThanOrEqualTo(interval + tail);
                checks++;
            }
        }
        assertThat(checks).isGreaterThan(30);
        assertThat(sim.status(2).snapshotUpTo()).isGreaterThan(19_000);
    }
}
