package paxosviz.core.pb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.core.Role;
import paxosviz.core.TimerKind;
import paxosviz.kv.KvStore;

class AutoFailoverRulesTest {

    private static final long DEAD = PbHarness.TIMING.deadMicros();

    private final Command cas = Command.cas("alice", 1, "stock", "1", "0");

    @Test
    void nodeZeroStartsAsPrimaryAndNodeOneAsBackup() {
        assertThat(PbHarness.auto(0, 3).replica.status().role()).isEqualTo(Role.PRIMARY);
        assertThat(PbHarness.auto(1, 3).replica.status().role()).isEqualTo(Role.BACKUP);
        assertThat(PbHarness.auto(2, 3).replica.status().role()).isEqualTo(Role.IDLE);
    }

    @Test
    void backupPromotesItselfAfterItsPrimaryFallsSilent() {
        PbHarness backup = PbHarness.auto(1, 3);
        backup.advance(DEAD).fire(TimerKind.ELECTION);

        assertThat(backup.events).containsExactly(new NodeEvent.ViewChanged(1, 0, 1),
                new NodeEvent.ViewChanged(2, 1, -1), new NodeEvent.LeaderElected(new Ballot(2, 1)));
        assertThat(backup.replica.status().role()).isEqualTo(Role.PRIMARY);
        assertThat(backup.sentOf(Message.Beat.class)).containsExactly(new Message.Beat(2), new Message.Beat(2));
    }

    @Test
    void backupThatHearsItsPrimaryStaysBackup() {
        PbHarness backup = PbHarness.auto(1, 3);
        backup.advance(DEAD - 1).receive(0, new Message.Beat(1));
        backup.advance(1).fire(TimerKind.ELECTION);

        assertThat(backup.events).containsExactly(new NodeEvent.ViewChanged(1, 0, 1));
        assertThat(backup.replica.status().role()).isEqualTo(Role.BACKUP);
    }

    @Test
    void primaryDropsASilentBackupAndAnswersAlone() {
        PbHarness primary = PbHarness.auto(0, 3).clear();
        primary.request("alice", cas);
        primary.advance(DEAD).fire(TimerKind.HEARTBEAT);

        assertThat(primary.events).containsExactly(new NodeEvent.ViewChanged(1, 0, -1),
                new NodeEvent.Chosen(0, cas), new NodeEvent.Applied(0, cas, Result.swapped(false)));
        assertThat(primary.sentOf(Message.ClientReply.class)).containsExactly(
                new Message.ClientReply(cas.id(), Result.swapped(false)));
        assertThat(primary.replica.status().role()).isEqualTo(Role.PRIMARY);
    }

    @Test
    void primaryStopsServingWhenItHearsANewerPrimary() {
        PbHarness primary = PbHarness.auto(0, 3).clear();
        primary.receive(1, new Message.Beat(2));

        assertThat(primary.eventsOf(NodeEvent.SteppedDown.class)).hasSize(1);
        assertThat(primary.replica.status().leader()).isEqualTo(1);
        primary.clear().request("alice", cas);
        assertThat(primary.sent).extracting(PbHarness.Sent::message).containsExactly(new Message.Redirect(cas.id(), 1));
    }

    @Test
    void aRestartedServerComesBackIdleAndEmpty() {
        PbHarness primary = PbHarness.auto(0, 3);
        PbHarness restarted = new PbHarness();
        restarted.replica = new AutoFailoverServer(0, 3, PbHarness.TIMING, primary.storage, new KvStore(), restarted);
        restarted.replica.start(0);

        assertThat(restarted.replica.status().role()).isEqualTo(Role.IDLE);
        assertThat(restarted.events).isEmpty();
    }
}
