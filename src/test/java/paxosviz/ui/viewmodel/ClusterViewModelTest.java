package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
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
import paxosviz.trace.model.Wire;

class ClusterViewModelTest {

    private final LiveSession session = new LiveSession(LiveDefaults.spec(3), null);
    private final ClusterViewModel model = new ClusterViewModel(session);
    private final Events events = new Events();
    private final Ballot ballot = new Ballot(2, 1);

    @AfterEach
    void close() {
        session.close();
    }

    private void apply(int node, long slot, Command cmd) {
        model.accept(events.node(node, new NodeEvent.Applied(slot, cmd, Result.of(cmd.type()))));
    }

    @Test
    void rolesFollowElectionEvents() {
        model.accept(events.node(1, new NodeEvent.ElectionStarted(ballot)));
        assertThat(model.nodes().get(1).role()).isEqualTo(Role.CANDIDATE);

        model.accept(events.node(1, new NodeEvent.LeaderElected(ballot)));
        assertThat(model.nodes().get(1).role()).isEqualTo(Role.LEADER);
        assertThat(model.leader()).isEqualTo(1);
        assertThat(model.nodes().get(1).ballotProperty().get()).isEqualTo(ballot);

        model.accept(events.node(1, new NodeEvent.SteppedDown(new Ballot(3, 2), "nack")));
        assertThat(model.leader()).isEqualTo(-1);
    }

    @Test
    void followersLearnTheirLeaderFromItsMessagesAndTheirPromiseFromEvents() {
        model.accept(events.node(2, new NodeEvent.Promised(ballot)));
        model.accept(events.next(new EventBody.Deliver(Address.node(2), Address.node(1),
                Wire.of(7, new Message.Heartbeat(ballot, 3)))));

        assertThat(model.nodes().get(2).promisedProperty().get()).isEqualTo(ballot);
        assertThat(model.nodes().get(2).leaderProperty().get()).isEqualTo(1);
    }

    @Test
    void aNodeThatLagsShowsHowFarBehindItIs() {
        for (long slot = 0; slot < 10; slot++) {
            apply(0, slot, Command.put("a", slot + 1, "x", "v" + slot));
        }
        apply(1, 0, Command.put("a", 1, "x", "v0"));
        model.endBatch();

        assertThat(model.nodes().get(1).behind()).isEqualTo(9);
        assertThat(model.nodes().get(0).behind()).isZero();
    }

    @Test
    void crashesAndRestartsShowAndARestartedNodeResumesFromItsSnapshot() {
        model.accept(events.next(new EventBody.Crash(2)));
        assertThat(model.nodes().get(2).isUp()).isFalse();

        model.accept(events.next(new EventBody.Restart(2, 41, false)));
        assertThat(model.nodes().get(2).isUp()).isTrue();
        assertThat(model.nodes().get(2).applied()).isEqualTo(41);
    }

    @Test
    void linkEventsMarkEachDirection() {
        model.accept(events.next(new EventBody.Link(0, 2, false)));

        assertThat(model.isLinkUp(0, 2)).isFalse();
        assertThat(model.isLinkUp(2, 0)).isTrue();
    }

    @Test
    void contentsAreRebuiltFromAppliedSlotsAndFromTheAgreedLogOnInstall() {
        Command put = Command.put("a", 1, "x", "1");
        Command append = Command.append("a", 2, "x", "2");
        apply(0, 0, put);
        apply(0, 1, append);
        assertThat(model.contents(0)).containsEntry("x", "12");

        model.accept(events.node(2, new NodeEvent.SnapshotInstalled(1, 0)));
        assertThat(model.contents(2)).containsEntry("x", "12");
        assertThat(model.contents(1)).isEmpty();
    }

    @Test
    void clientsAppearAsTheyInvoke() {
        model.accept(events.next(new EventBody.Invoke("carol", Command.get("carol", 1, "x"))));
        model.accept(events.next(new EventBody.Invoke("dave", Command.get("dave", 1, "x"))));

        assertThat(model.clients()).containsExactly("carol", "dave");
    }

    @Test
    void selectingAMessageThatIsGoneFindsNothing() {
        model.selectedMessageProperty().set(99);
        assertThat(model.message(99)).isNull();
        assertThat(model.messages()).isEqualTo(List.of());
    }

    @Test
    void snapshotMessagesAreDescribedForTheTooltip() {
        MessageDot dot = new MessageDot(5, Address.node(0), Address.node(2),
                Wire.of(5, new Message.SnapshotTransfer(new Snapshot(99, () -> 3))), MessageKind.SNAPSHOT, 0.5, true);

        assertThat(MessageText.describe(dot)).contains("snapshot #5", "n0 → n2", "(held)", "through slot 99", "3 keys");
    }
}
