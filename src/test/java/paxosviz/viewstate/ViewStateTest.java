package paxosviz.viewstate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.core.Role;
import paxosviz.scenario.Protocol;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

class ViewStateTest {

    private final ViewState state = new ViewState(3, Protocol.MULTIPAXOS);
    private long seq;

    private void at(double millis, EventBody body) {
        state.apply(new TraceEvent(++seq, millis, body));
    }

    private void node(int node, NodeEvent event) {
        at(state.lastMillis(), new EventBody.NodeStep(node, event));
    }

    private static final Address N0 = Address.node(0);
    private static final Address N1 = Address.node(1);
    private final Wire accept = Wire.of(7, new Message.CatchupRequest(3));

    @Test
    void aMessageTravelsFromItsSendToItsDeliveryAtItsDueTime() {
        at(10, new EventBody.Send(N0, N1, accept, 30));

        Flying flying = state.flight().find(7, EventBody.ANY_COPY);
        assertThat(flying.progress(20)).isEqualTo(0.5);
        assertThat(flying.held()).isFalse();

        at(30, new EventBody.Deliver(N1, N0, accept));
        assertThat(state.flight().all()).isEmpty();
    }

    @Test
    void copiesAreHeldReleasedAndLostOneByOne() {
        at(0, new EventBody.Send(N0, N1, accept, 40));
        at(0, new EventBody.Duplicate(N0, N1, accept, 1, 20));
        at(5, new EventBody.Hold(N0, N1, accept, 1));

        assertThat(state.flight().copies(7)).isEqualTo(2);
        assertThat(state.flight().find(7, 1).held()).isTrue();
        assertThat(state.flight().find(7, 0).held()).isFalse();

        at(6, new EventBody.Release(N0, N1, accept, 1, 6));
        assertThat(state.flight().find(7, 1).held()).isFalse();
        assertThat(state.flight().find(7, 1).dueMs()).isEqualTo(6);

        at(7, new EventBody.Drop(N0, N1, accept, "manual", 1));
        assertThat(state.flight().find(7, 1)).isNull();
        assertThat(state.flight().find(7, 0)).isNotNull();
        assertThat(state.flight().gone(7)).isEqualTo(new FlightState.Gone(7, 1, "was dropped by hand", 7));

        at(9, new EventBody.Deliver(N1, N0, accept));
        assertThat(state.flight().gone(7).fate()).isEqualTo("arrived at n1");
    }

    @Test
    void aDeliveryThatNamesNoCopyTakesTheOneDueFirst() {
        at(0, new EventBody.Send(N0, N1, accept, 40));
        at(0, new EventBody.Duplicate(N0, N1, accept, 1, 20));

        at(20, new EventBody.Deliver(N1, N0, accept));

        assertThat(state.flight().all()).singleElement().extracting(Flying::copy).isEqualTo(0);
    }

    @Test
    void aLeaderThatPromisesAHigherBallotIsNoLongerLeaderWithoutAnyStepdownEvent() {
        node(1, new NodeEvent.LeaderElected(new Ballot(2, 1)));
        assertThat(state.nodes().role(1)).isEqualTo(Role.LEADER);
        assertThat(state.nodes().currentLeader()).isEqualTo(1);

        node(1, new NodeEvent.Promised(new Ballot(3, 2)));

        assertThat(state.nodes().role(1)).isEqualTo(Role.FOLLOWER);
        assertThat(state.nodes().currentLeader()).isEqualTo(-1);
    }

    @Test
    void nodesThatLearnDifferentCommandsForASlotShowItAsDiverged() {
        Command a = Command.put("alice", 1, "x", "a");
        Command b = Command.put("bob", 1, "x", "b");
        node(0, new NodeEvent.Accepted(0, new Ballot(1, 0), a));
        node(0, new NodeEvent.Applied(0, a, Result.of(a.type())));
        node(1, new NodeEvent.Accepted(0, new Ballot(3, 2), b));
        assertThat(state.log().diverged(0)).isFalse();

        node(1, new NodeEvent.Chosen(0, b));

        assertThat(state.log().diverged(0)).isTrue();
        assertThat(state.log().learned(0, 0)).isEqualTo(a);
        assertThat(state.log().learned(1, 0)).isEqualTo(b);
        assertThat(state.log().divergedValue(0, 0)).isEqualTo('A');
        assertThat(state.log().divergedValue(1, 0)).isEqualTo('B');
        assertThat(state.log().divergedValue(2, 0)).isEqualTo((char) 0);
    }

    @Test
    void aRestartForgetsWhatWasLearnedButKeepsWhatWasAccepted() {
        Command a = Command.put("alice", 1, "x", "a");
        node(2, new NodeEvent.Accepted(0, new Ballot(1, 0), a));
        node(2, new NodeEvent.Applied(0, a, Result.of(a.type())));
        node(2, new NodeEvent.Applied(1, Command.NOOP, Result.of(Command.NOOP.type())));
        assertThat(state.stores().contents(2)).containsEntry("x", "a");

        at(5, new EventBody.Crash(2));
        at(6, new EventBody.Restart(2, -1, false));

        assertThat(state.log().state(2, 0)).isEqualTo(SlotState.ACCEPTED);
        assertThat(state.log().learned(2, 0)).isNull();
        assertThat(state.log().state(2, 1)).isEqualTo(SlotState.EMPTY);
        assertThat(state.nodes().applied(2)).isEqualTo(-1);
        assertThat(state.stores().contents(2)).isEmpty();
    }

    @Test
    void aCopyIsUntouchedByWhatIsFoldedIntoTheOriginalAfterwards() {
        Command a = Command.put("alice", 1, "x", "a");
        node(0, new NodeEvent.Accepted(0, new Ballot(1, 0), a));
        ViewState before = state.copy();
        assertThat(before).isEqualTo(state);

        node(0, new NodeEvent.Applied(0, a, Result.of(a.type())));
        at(3, new EventBody.Link(0, 1, false));
        at(3, new EventBody.Send(N0, N1, accept, 9));

        assertThat(before).isNotEqualTo(state);
        assertThat(before.log().state(0, 0)).isEqualTo(SlotState.ACCEPTED);
        assertThat(state.log().state(0, 0)).isEqualTo(SlotState.APPLIED);
        assertThat(before.links().isUp(0, 1)).isTrue();
        assertThat(before.flight().all()).isEmpty();
        assertThat(before.stores().contents(0)).isEmpty();
    }

    @Test
    void primaryBackupRolesComeFromTheViewEventsAndOnlyServersKeepingStateLag() {
        ViewState pb = new ViewState(4, Protocol.PRIMARY_BACKUP);
        assertThat(pb.nodes().role(0)).isEqualTo(Role.VIEW_SERVICE);
        assertThat(pb.nodes().role(3)).isEqualTo(Role.IDLE);

        pb.apply(new TraceEvent(1, 0, new EventBody.NodeStep(0, new NodeEvent.ViewChanged(1, 1, 2))));
        pb.apply(new TraceEvent(2, 0, new EventBody.NodeStep(1, new NodeEvent.ViewChanged(1, 1, 2))));
        pb.apply(new TraceEvent(3, 0, new EventBody.NodeStep(2, new NodeEvent.ViewChanged(1, 1, 2))));
        Command put = Command.put("alice", 1, "x", "1");
        pb.apply(new TraceEvent(4, 1, new EventBody.NodeStep(1, new NodeEvent.Applied(0, put, Result.of(put.type())))));

        assertThat(pb.nodes().role(0)).isEqualTo(Role.VIEW_SERVICE);
        assertThat(pb.nodes().role(1)).isEqualTo(Role.PRIMARY);
        assertThat(pb.nodes().role(2)).isEqualTo(Role.BACKUP);
        assertThat(pb.nodes().view(2)).isEqualTo(1);
        assertThat(pb.nodes().currentLeader()).isEqualTo(1);
        assertThat(pb.nodes().behind(2)).isEqualTo(1);
        assertThat(pb.nodes().behind(0)).as("the view service keeps no state").isZero();
        assertThat(pb.nodes().behind(3)).as("an idle server keeps no state").isZero();
    }

    @Test
    void theClockEventTellsSpeedAndPause() {
        at(1, new EventBody.Clock(0.25, true));

        assertThat(state.speed()).isEqualTo(0.25);
        assertThat(state.paused()).isTrue();
        assertThat(state.lastSeq()).isEqualTo(1);
    }
}
