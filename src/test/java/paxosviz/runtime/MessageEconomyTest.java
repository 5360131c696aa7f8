package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import paxosviz.core.OpType;
import paxosviz.core.Role;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Protocol;
import paxosviz.trace.model.EventBody;

/** Under a stable leader a command costs one accept round and one decision broadcast: no phase 1. */
class MessageEconomyTest {

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {3, 5, 7})
    void stableLeaderSpendsAtMostTwoMessagesPerPeerPlusTheDecisionPerCommand(int nodes) throws Exception {
        EventStream events = new EventStream();
        Map<String, Integer> sent = new HashMap<>();
        boolean[] counting = {false};
        events.subscribe(event -> {
            if (counting[0] && event.body() instanceof EventBody.Send send) {
                sent.merge(send.msg().kind(), 1, Integer::sum);
            }
        });
        Simulation sim = new Simulation(ClusterSpec.defaults(nodes, Protocol.MULTIPAXOS), 11, events);
        sim.start();
        sim.advanceTo(1_000_000);
        assertThat(leaders(sim)).isEqualTo(1);

        ClientSession client = sim.client("alice");
        // one command first, so the client knows the leader and the count has no redirect in it
        client.submit(new ClientSession.Request(OpType.PUT, "x", "warm-up", null));
        sim.advanceTo(sim.now() + 100_000);
        assertThat(client.busy()).as("warm-up command answered").isFalse();
        counting[0] = true;
        int commands = 200;
        for (int i = 0; i < commands; i++) {
            client.submit(new ClientSession.Request(OpType.PUT, "x", "v" + i, null));
            sim.advanceTo(sim.now() + 20_000);
            assertThat(client.busy()).as("command %d answered", i).isFalse();
        }

        int peers = nodes - 1;
        assertThat(sent.getOrDefault("prepare", 0)).isZero();
        assertThat(sent.get("accept") + sent.get("accepted")).isLessThanOrEqualTo(commands * 2 * peers);
        assertThat(sent.get("decide")).isLessThanOrEqualTo(commands * peers);
        assertThat(sent.get("accepted")).isGreaterThanOrEqualTo(commands * (nodes / 2));
    }

    private static int leaders(Simulation sim) {
        int leaders = 0;
        for (int node = 0; node < sim.spec().nodes(); node++) {
            if (sim.status(node).role() == Role.LEADER) {
                leaders++;
            }
        }
        return leaders;
    }
}
