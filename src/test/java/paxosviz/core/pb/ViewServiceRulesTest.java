package paxosviz.core.pb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpId;
import paxosviz.core.Role;
import paxosviz.core.TimerKind;

class ViewServiceRulesTest {

    private static final long DEAD = PbHarness.TIMING.deadMicros();

    private final PbHarness vs = PbHarness.viewService(5);

    /** Every server pings with the given view number. */
    private void pingAll(int viewnum, int... servers) {
        for (int server : servers) {
            vs.receive(server, new Message.Ping(viewnum));
        }
    }

    private Message.ViewReply view() {
        vs.clear().receive(4, new Message.Ping(0));
        return vs.last(Message.ViewReply.class);
    }

    @Test
    void firstViewMakesNodeOnePrimaryAndNodeTwoBackup() {
        vs.receive(3, new Message.Ping(0));

        assertThat(vs.last(Message.ViewReply.class)).isEqualTo(new Message.ViewReply(1, 1, 2));
        assertThat(vs.replica.status().role()).isEqualTo(Role.VIEW_SERVICE);
    }

    @Test
    void reportsEveryViewItMovesTo() {
        assertThat(vs.events).containsExactly(new NodeEvent.ViewChanged(1, 1, 2));
        vs.clear();
        pingAll(1, 1, 2, 3);
        vs.advance(DEAD);
        pingAll(1, 2, 3);
        vs.fire(TimerKind.HEARTBEAT);

        assertThat(vs.events).containsExactly(new NodeEvent.ViewChanged(2, 2, 3));
        vs.clear();
        vs.advance(PbHarness.TIMING.beatMicros());
        pingAll(1, 2, 3);
        vs.fire(TimerKind.HEARTBEAT);
        assertThat(vs.events).as("no new view, nothing reported").isEmpty();
    }

    @Test
    void waitsForThePrimaryToAcknowledgeBeforeChangingViews() {
        pingAll(0, 1, 2, 3);
        vs.advance(DEAD);
        pingAll(1, 2, 3); // the backup has the state; the primary went silent before acknowledging view 1
        vs.fire(TimerKind.HEARTBEAT);

        assertThat(view().viewnum()).isEqualTo(1);

        vs.receive(1, new Message.Ping(1)); // acknowledged
        vs.advance(DEAD);
        pingAll(1, 2, 3);
        vs.fire(TimerKind.HEARTBEAT);

        assertThat(view()).isEqualTo(new Message.ViewReply(2, 2, 3));
    }

    @Test
    void aNewViewIsStuckUntilItsPrimaryAcknowledgesEvenIfItsBackupDies() {
        pingAll(1, 1, 2, 3);
        vs.advance(DEAD);
        pingAll(1, 2, 3);
        vs.fire(TimerKind.HEARTBEAT); // view 2: primary 2, backup 3; not acknowledged
        vs.advance(DEAD);
        pingAll(1, 2);
        vs.fire(TimerKind.HEARTBEAT);

        assertThat(view()).isEqualTo(new Message.ViewReply(2, 2, 3));
    }

    @Test
    void aPrimaryThatPingsWithZeroRestartedAndIsReplaced() {
        pingAll(1, 1, 2);
        vs.advance(PbHarness.TIMING.beatMicros());
        pingAll(1, 2);
        vs.receive(1, new Message.Ping(0)); // restarted: alive, but its state is gone
        vs.fire(TimerKind.HEARTBEAT);

        // the backup takes over; the restarted server is alive and empty, so it may be the new backup
        assertThat(view()).isEqualTo(new Message.ViewReply(2, 2, 1));
    }

    @Test
    void neverMakesAnIdleServerPrimary() {
        pingAll(1, 1, 2, 3);
        vs.advance(DEAD);
        pingAll(1, 3); // primary and backup both silent; only idle 3 is alive
        vs.fire(TimerKind.HEARTBEAT);

        assertThat(view()).isEqualTo(new Message.ViewReply(1, 1, 2));
    }

    @Test
    void replacesADeadBackupWithAnIdleServer() {
        pingAll(1, 1, 2, 3);
        vs.advance(DEAD);
        pingAll(1, 1, 3);
        vs.fire(TimerKind.HEARTBEAT);

        assertThat(view()).isEqualTo(new Message.ViewReply(2, 1, 3));
    }

    @Test
    void redirectsClientsToThePrimary() {
        Command put = Command.put("alice", 1, "x", "1");
        vs.request("alice", put);

        assertThat(vs.last(Message.Redirect.class)).isEqualTo(new Message.Redirect(new OpId("alice", 1), 1));
    }

    @Test
    void resumesFromItsDurableViewNumberAfterARestart() {
        pingAll(1, 1, 2, 3);
        vs.advance(DEAD);
        pingAll(1, 2, 3);
        vs.fire(TimerKind.HEARTBEAT); // view 2: primary 2, backup 3

        PbHarness restarted = new PbHarness();
        restarted.replica = new ViewService(5, PbHarness.TIMING, vs.storage, restarted);
        restarted.replica.start(vs.now);
        restarted.receive(2, new Message.Ping(2));

        assertThat(restarted.last(Message.ViewReply.class)).isEqualTo(new Message.ViewReply(2, 2, -1));
    }
}
