package paxosviz.core.pb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpId;
import paxosviz.core.Result;
import paxosviz.core.Role;
import paxosviz.core.Snapshot;
import paxosviz.core.TimerKind;
import paxosviz.kv.KvStore;

class PrimaryBackupServerRulesTest {

    private static final int VS = ViewService.NODE;

    private final Command put = Command.put("alice", 1, "x", "1");
    private final Command get = Command.get("bob", 1, "x");

    /** Server 1 as the primary of view 1, its backup 2 holding its state. */
    private PbHarness servingPrimary() {
        PbHarness primary = PbHarness.server(1);
        primary.receive(VS, new Message.ViewReply(1, 1, 2));
        primary.receive(2, new Message.StateAck(1, -1));
        return primary.clear();
    }

    /** Server 2 as the backup of view 1, holding primary 1's (empty) state. */
    private PbHarness readyBackup() {
        PbHarness backup = PbHarness.server(2);
        backup.receive(VS, new Message.ViewReply(1, 1, 2));
        backup.receive(1, new Message.StateTransfer(1, new Snapshot(-1, new KvStore().snapshot())));
        return backup.clear();
    }

    private int lastPing(PbHarness server) {
        server.clear().fire(TimerKind.HEARTBEAT);
        return server.last(Message.Ping.class).viewnum();
    }

    @Test
    void reportsEachNewerViewItLearnsOnce() {
        PbHarness idle = PbHarness.server(3);
        idle.receive(VS, new Message.ViewReply(1, 1, 2));
        idle.receive(VS, new Message.ViewReply(1, 1, 2));
        idle.receive(VS, new Message.ViewReply(2, 2, 3));
        idle.receive(VS, new Message.ViewReply(1, 1, 2)); // late: an older view

        assertThat(idle.events).containsExactly(new NodeEvent.ViewChanged(1, 1, 2), new NodeEvent.ViewChanged(2, 2, 3));
    }

    @Test
    void aPromotedBackupReportsTheViewBeforeItLeads() {
        PbHarness backup = readyBackup();
        backup.receive(VS, new Message.ViewReply(2, 2, -1));

        assertThat(backup.events).containsExactly(new NodeEvent.ViewChanged(2, 2, -1),
                new NodeEvent.LeaderElected(new Ballot(2, 2)));
    }

    @Test
    void primaryAcknowledgesTheViewOnlyOnceItsBackupHasTheState() {
        PbHarness primary = PbHarness.server(1);
        primary.receive(VS, new Message.ViewReply(1, 1, 2));

        assertThat(primary.last(Message.StateTransfer.class).viewnum()).isEqualTo(1);
        assertThat(lastPing(primary)).isZero();
        assertThat(primary.last(Message.StateTransfer.class)).as("retransmitted").isNotNull();

        primary.receive(2, new Message.StateAck(1, -1));
        assertThat(lastPing(primary)).isEqualTo(1);
    }

    @Test
    void primaryAnswersOnlyAfterTheBackupAcknowledged() {
        PbHarness primary = servingPrimary();
        primary.request("alice", put);

        assertThat(primary.sentOf(Message.Forward.class)).containsExactly(new Message.Forward(1, 0, put));
        assertThat(primary.sentOf(Message.ClientReply.class)).isEmpty();

        primary.clear().fire(TimerKind.HEARTBEAT);
        assertThat(primary.sentOf(Message.Forward.class)).as("retransmitted").containsExactly(new Message.Forward(1, 0, put));

        primary.clear().receive(2, new Message.ForwardAck(1, 0));
        assertThat(primary.events).containsExactly(
                new NodeEvent.Chosen(0, put), new NodeEvent.Applied(0, put, Result.of(put.type())));
        assertThat(primary.sentOf(Message.ClientReply.class)).containsExactly(
                new Message.ClientReply(put.id(), Result.of(put.type())));
    }

    @Test
    void readsAreForwardedToo() {
        PbHarness primary = servingPrimary();
        primary.request("bob", get);

        assertThat(primary.sentOf(Message.Forward.class)).containsExactly(new Message.Forward(1, 0, get));
        assertThat(primary.sentOf(Message.ClientReply.class)).isEmpty();
    }

    @Test
    void backupAppliesTheNextSlotAcknowledgesDuplicatesAndRefusesGaps() {
        PbHarness backup = readyBackup();
        backup.receive(1, new Message.Forward(1, 0, put));
        backup.receive(1, new Message.Forward(1, 0, put));
        backup.receive(1, new Message.Forward(1, 5, get));

        assertThat(backup.sent).extracting(PbHarness.Sent::message).containsExactly(
                new Message.ForwardAck(1, 0), new Message.ForwardAck(1, 0), new Message.ForwardRefused(1, 5, 1));
        assertThat(backup.eventsOf(NodeEvent.Applied.class)).hasSize(1);
    }

    @Test
    void backupRefusesTheDeposedPrimaryOnceANewViewPromotedIt() {
        PbHarness backup = readyBackup();
        backup.receive(VS, new Message.ViewReply(2, 2, 3));
        assertThat(backup.eventsOf(NodeEvent.LeaderElected.class)).containsExactly(new NodeEvent.LeaderElected(new Ballot(2, 2)));

        backup.clear().receive(1, new Message.Forward(1, 0, put));
        assertThat(backup.sentOf(Message.ForwardRefused.class)).containsExactly(new Message.ForwardRefused(1, 0, 2));
        assertThat(backup.eventsOf(NodeEvent.Applied.class)).isEmpty();
    }

    @Test
    void deposedPrimaryStopsAnsweringWhenItsBackupRefuses() {
        PbHarness primary = servingPrimary();
        primary.request("alice", put);
        primary.clear().receive(2, new Message.ForwardRefused(1, 0, 2));

        assertThat(primary.eventsOf(NodeEvent.SteppedDown.class)).hasSize(1);
        assertThat(primary.replica.status().role()).isEqualTo(Role.IDLE);
        primary.clear().request("alice", put);
        assertThat(primary.sent).extracting(PbHarness.Sent::message).containsExactly(new Message.Redirect(new OpId("alice", 1), -1));
    }

    @Test
    void aRestartedServerNeverActsAsPrimaryOfALaterView() {
        PbHarness restarted = PbHarness.server(1); // empty, knows no view
        restarted.receive(VS, new Message.ViewReply(3, 1, 2));

        assertThat(restarted.eventsOf(NodeEvent.LeaderElected.class)).isEmpty();
        assertThat(restarted.sentOf(Message.StateTransfer.class)).isEmpty();
        assertThat(lastPing(restarted)).isZero();
    }

    @Test
    void nonPrimariesRedirectToThePrimaryTheyKnow() {
        PbHarness backup = readyBackup();
        backup.request("alice", put);

        assertThat(backup.sent).extracting(PbHarness.Sent::message).containsExactly(new Message.Redirect(put.id(), 1));
    }
}
