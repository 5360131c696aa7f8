package paxosviz.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.kv.KvStore;

class LearnerRulesTest {

    private final Command a = NodeHarness.put("alice", 1, "x", "a");
    private final Command b = Command.append("alice", 2, "x", "b");
    private final Command c = Command.get("alice", 3, "x");

    @Test
    void appliesInSlotOrderWhateverOrderDecisionsArrive() {
        NodeHarness node = new NodeHarness(1, NodeHarness.config(3));
        node.receive(0, new Message.Decide(2, List.of(c)));
        node.receive(0, new Message.Decide(1, List.of(b)));
        assertThat(node.node.status().applied()).isEqualTo(-1);

        node.receive(0, new Message.Decide(0, List.of(a)));

        assertThat(node.drain()).filteredOn(line -> line.startsWith("event Applied")).containsExactly(
                "event Applied[slot=0, cmd=alice#1 put x=a, result=done]",
                "event Applied[slot=1, cmd=alice#2 append x=b, result=done]",
                "event Applied[slot=2, cmd=alice#3 get x, result=value=ab]");
    }

    @Test
    void aDuplicatedDecisionChangesNothing() {
        NodeHarness node = new NodeHarness(1, NodeHarness.config(3));
        node.receive(0, new Message.Decide(0, List.of(b))).drain();

        node.receive(0, new Message.Decide(0, List.of(b)));

        assertThat(node.drain()).isEmpty();
    }

    @Test
    void followerBehindTheLeaderAsksForWhatItMissed() {
        NodeHarness node = new NodeHarness(1, NodeHarness.config(3));
        node.receive(0, new Message.Decide(0, List.of(a))).drain();

        node.receive(0, new Message.Heartbeat(new Ballot(1, 0), 5));

        assertThat(node.sentOf(Message.CatchupRequest.class)).containsExactly(new Message.CatchupRequest(1));
    }

    @Test
    void servesCatchupFromItsLogWhileTheSlotsAreKept() {
        NodeHarness node = new NodeHarness(1, NodeHarness.config(3));
        node.receive(0, new Message.Decide(0, List.of(a, b, c))).drain();

        node.receive(2, new Message.CatchupRequest(1));

        assertThat(node.sentOf(Message.CatchupReply.class)).containsExactly(new Message.CatchupReply(1, List.of(b, c), 2));
    }

    @Test
    void compactsIntoSnapshotsAndKeepsMemoryBounded() {
        PaxosConfig config = NodeHarness.config(3).withCompaction(10, 5);
        NodeHarness node = new NodeHarness(1, config);
        for (int slot = 0; slot < 1000; slot++) {
            Command cmd = NodeHarness.put("alice", slot + 1, "x", "v" + slot);
            node.receive(0, new Message.Accept(new Ballot(1, 0), slot, List.of(cmd)));
            node.receive(0, new Message.Decide(slot, List.of(cmd)));
        }

        assertThat(node.storage.snapshot().upTo()).isEqualTo(999);
        assertThat(node.storage.compactedUpTo()).isEqualTo(994);
        assertThat(node.storage.accepted(100)).isNull();
        assertThat(node.storage.accepted(995)).isNotNull();
    }

    @Test
    void peerBehindTheCompactionPointGetsTheSnapshotThenTheRest() {
        PaxosConfig config = NodeHarness.config(3).withCompaction(10, 5);
        NodeHarness leader = new NodeHarness(0, config);
        List<Command> log = commands(23);
        leader.receive(1, new Message.Decide(0, log.subList(0, 20)));
        leader.receive(1, new Message.Decide(20, log.subList(20, 23))).drain();

        leader.receive(2, new Message.CatchupRequest(0));

        assertThat(leader.sentKinds()).containsExactly("n2 snapshot", "n2 catchup-reply");
        Message.SnapshotTransfer transfer = leader.sentOf(Message.SnapshotTransfer.class).get(0);
        Message.CatchupReply rest = leader.sentOf(Message.CatchupReply.class).get(0);
        assertThat(transfer.snapshot().upTo()).isEqualTo(19);
        assertThat(rest.firstSlot()).isEqualTo(20);
        assertThat(rest.cmds()).isEqualTo(log.subList(20, 23));

        NodeHarness lagging = new NodeHarness(2, config);
        lagging.receive(0, transfer).receive(0, rest);
        assertThat(lagging.node.status().applied()).isEqualTo(22);
        assertThat(lagging.node.status().digest()).isEqualTo(leader.node.status().digest());
        assertThat(lagging.drain()).contains("event SnapshotInstalled[upTo=19, from=0]");
    }

    @Test
    void restartedReplicaComesBackFromItsSnapshot() {
        PaxosConfig config = NodeHarness.config(3).withCompaction(10, 5);
        NodeHarness node = new NodeHarness(1, config);
        List<Command> log = commands(15);
        node.receive(0, new Message.Decide(0, log.subList(0, 12)));
        node.receive(0, new Message.Decide(12, log.subList(12, 15)));

        node.boot();

        assertThat(node.node.status().applied()).isEqualTo(11);
        KvStore expected = new KvStore();
        log.subList(0, 12).forEach(expected::apply);
        assertThat(node.node.status().digest()).isEqualTo(expected.digest());
    }

    private static List<Command> commands(int count) {
        List<Command> log = new ArrayList<>();
        for (int slot = 0; slot < count; slot++) {
            log.add(NodeHarness.put("alice", slot + 1, "x", "v" + slot));
        }
        return log;
    }
}
