package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.core.Role;
import paxosviz.core.Snapshot;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;
import paxosviz.ui.session.ScriptedSession;

class ClusterViewModelTest {

    private final ScriptedSession session = new ScriptedSession(3, true);
    private final ClusterViewModel model = new ClusterViewModel(session);
    private final Events events = new Events();
    private final Ballot ballot = new Ballot(2, 1);

    /** One frame with these events. */
    private void frame(TraceEvent... fed) {
        session.feed(fed);
        model.refresh(session.frame().changed());
    }

    private TraceEvent applied(int node, long slot, Command cmd) {
        return events.node(node, new NodeEvent.Applied(slot, cmd, Result.of(cmd.type())));
    }

    @Test
    void rolesFollowElectionEvents() {
        frame(events.node(1, new NodeEvent.ElectionStarted(ballot)));
        assertThat(model.nodes().get(1).role()).isEqualTo(Role.CANDIDATE);

        frame(events.node(1, new NodeEvent.LeaderElected(ballot)));
        assertThat(model.nodes().get(1).role()).isEqualTo(Role.LEADER);
        assertThat(model.leader()).isEqualTo(1);
        assertThat(model.nodes().get(1).ballotProperty().get()).isEqualTo(ballot);

        frame(events.node(1, new NodeEvent.SteppedDown(new Ballot(3, 2), "nack")));
        assertThat(model.leader()).isEqualTo(-1);
    }

    @Test
    void followersLearnTheirLeaderFromItsMessagesAndTheirPromiseFromEvents() {
        frame(events.node(2, new NodeEvent.Promised(ballot)));
        frame(events.next(new EventBody.Deliver(Address.node(2), Address.node(1),
                Wire.of(7, new Message.Heartbeat(ballot, 3)))));

        assertThat(model.nodes().get(2).promisedProperty().get()).isEqualTo(ballot);
        assertThat(model.nodes().get(2).leaderProperty().get()).isEqualTo(1);
    }

    @Test
    void aNodeThatLagsShowsHowFarBehindItIs() {
        for (long slot = 0; slot < 10; slot++) {
            frame(applied(0, slot, Command.put("a", slot + 1, "x", "v" + slot)));
        }
        frame(applied(1, 0, Command.put("a", 1, "x", "v0")));

        assertThat(model.nodes().get(1).behind()).isEqualTo(9);
        assertThat(model.nodes().get(0).behind()).isZero();
    }

    @Test
    void crashesAndRestartsShowAndARestartedNodeResumesFromItsSnapshot() {
        frame(events.next(new EventBody.Crash(2)));
        assertThat(model.nodes().get(2).isUp()).isFalse();

        frame(events.next(new EventBody.Restart(2, 41, false)));
        assertThat(model.nodes().get(2).isUp()).isTrue();
        assertThat(model.nodes().get(2).applied()).isEqualTo(41);
    }

    @Test
    void linkEventsMarkEachDirection() {
        frame(events.next(new EventBody.Link(0, 2, false)));

        assertThat(model.isLinkUp(0, 2)).isFalse();
        assertThat(model.isLinkUp(2, 0)).isTrue();
    }

    @Test
    void contentsAreRebuiltFromAppliedSlotsAndFromTheAgreedLogOnInstall() {
        Command put = Command.put("a", 1, "x", "1");
        Command append = Command.append("a", 2, "x", "2");
        frame(applied(0, 0, put), applied(0, 1, append));
        assertThat(model.contents(0)).containsEntry("x", "12");

        frame(events.node(2, new NodeEvent.SnapshotInstalled(1, 0)));
        assertThat(model.contents(2)).containsEntry("x", "12");
        assertThat(model.contents(1)).isEmpty();
    }

    @Test
    void clientsAppearAsTheyInvoke() {
        frame(events.next(new EventBody.Invoke("carol", Command.get("carol", 1, "x"))));
        frame(events.next(new EventBody.Invoke("dave", Command.get("dave", 1, "x"))));

        assertThat(model.clients()).containsExactly("carol", "dave");
    }

    @Test
    void selectingAMessageThatIsGoneFindsNothing() {
        model.selectedMessageProperty().set(MessageRef.of(99));
        assertThat(model.selectedDot()).isNull();
        assertThat(model.messages()).isEqualTo(List.of());
    }

    @Test
    void messagesInFlightComeFromEventsAndMoveWithTheClock() {
        Wire heartbeat = Wire.of(7, new Message.Heartbeat(ballot, 3));
        session.setNow(10);
        frame(events.at(10, new EventBody.Send(Address.node(1), Address.node(2), heartbeat, 20)));
        assertThat(model.messages()).singleElement().satisfies(dot -> {
            assertThat(dot.id()).isEqualTo(7);
            assertThat(dot.progress()).isZero();
        });

        session.setNow(15);
        frame();
        assertThat(model.messages().get(0).progress()).isEqualTo(0.5);

        frame(events.at(20, new EventBody.Deliver(Address.node(2), Address.node(1), heartbeat)));
        assertThat(model.messages()).isEmpty();
    }

    @Test
    void actionsOnTheSelectedCopyGoToTheLiveControls() {
        Wire accept = Wire.of(8, new Message.Heartbeat(ballot, 3));
        frame(events.at(0, new EventBody.Send(Address.node(1), Address.node(2), accept, 30)),
                events.next(new EventBody.Duplicate(Address.node(1), Address.node(2), accept, 1, 40)));
        model.selectedMessageProperty().set(new MessageRef(8, 1));

        model.dropSelected();
        model.toggleHoldSelected();
        model.toggleCrash(0);
        model.toggleLink(0, 1, true);

        assertThat(session.actions()).containsExactly("drop 8/1", "hold 8/1", "crash 0", "cut 0 1 oneWay=true");
    }

    @Test
    void aReplayRefusesActionsAndSaysWhy() {
        ScriptedSession replay = new ScriptedSession(3, false);
        ClusterViewModel watching = new ClusterViewModel(replay);

        watching.toggleCrash(1);

        assertThat(watching.isLive()).isFalse();
        assertThat(watching.refusal()).contains("replay", "fork");
    }

    @Test
    void snapshotMessagesAreDescribedForTheTooltip() {
        MessageDot dot = new MessageDot(5, 0, 1, Address.node(0), Address.node(2),
                Wire.of(5, new Message.SnapshotTransfer(new Snapshot(99, () -> 3))), MessageKind.SNAPSHOT, 0.5, true);

        assertThat(MessageText.describe(dot)).contains("snapshot #5", "n0 → n2", "(held)", "through slot 99", "3 keys");
    }
}
