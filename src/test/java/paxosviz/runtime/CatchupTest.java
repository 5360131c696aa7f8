package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.NodeEvent;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Protocol;
import paxosviz.trace.model.EventBody;

/** A replica that missed many decisions rejoins by snapshot, not by replaying every entry. */
class CatchupTest {

    private static final int MISSED = 100_000;

    @Test
    void replicaThatMissedAHundredThousandSlotsCatchesUpBySnapshotWithinASecond() throws Exception {
        EventStream events = new EventStream();
        int[] installs = {0};
        long[] entriesSent = {0};
        events.subscribe(event -> {
            if (event.body() instanceof EventBody.NodeStep step && step.node() == 4
                    && step.event() instanceof NodeEvent.SnapshotInstalled) {
                installs[0]++;
            }
            if (event.body() instanceof EventBody.Send send && send.to().equals(paxosviz.core.Address.node(4))
                    && send.msg().message() instanceof paxosviz.core.Message.CatchupReply reply) {
                entriesSent[0] += reply.cmds().size();
            }
        });
        Simulation sim = new Simulation(ClusterSpec.defaults(5, Protocol.MULTIPAXOS), 5, events);
        sim.start();
        sim.advanceTo(500_000);
        sim.crash(4);
        sim.startLoad(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "w10", "w11", "w12", "w13", "w14", "w15", "w16"),
                List.of("a", "b", "c", "d"), 1_000_000, Long.MAX_VALUE);
        while (sim.status(0).applied() < MISSED) {
            sim.advanceTo(sim.now() + 100_000);
        }
        sim.stopClients();
        sim.advanceTo(sim.now() + 100_000);
        long target = sim.status(0).applied();

        long restartedAt = sim.now();
        sim.restart(4);
        while (sim.status(4).applied() < target && sim.now() - restartedAt < 5_000_000) {
            sim.advanceTo(sim.now() + 1_000);
        }
        long catchupMicros = sim.now() - restartedAt;

        System.out.printf("caught up %d slots in %.1f ms of simulated time; %d entries sent besides the snapshot%n",
                target + 1, catchupMicros / 1000.0, entriesSent[0]);
        assertThat(sim.status(4).applied()).isEqualTo(target);
        assertThat(sim.status(4).digest()).isEqualTo(sim.status(0).digest());
        assertThat(catchupMicros).isLessThan(1_000_000);
        assertThat(installs[0]).isGreaterThanOrEqualTo(1);
        assertThat(entriesSent[0]).isLessThan(5_000);
    }
}
