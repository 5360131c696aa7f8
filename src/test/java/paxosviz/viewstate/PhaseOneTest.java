package paxosviz.viewstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

/**
 * Why a new leader proposed what it did, told from a hand-made trace of a leader change: n0
 * led with ballot 1.0 and accepted x in slot 0 and z in slot 2, but nobody else accepted them;
 * n1 takes over with ballot 2.1, hears n0's promise, re-proposes x and fills slot 1 with a no-op.
 */
class PhaseOneTest {

    private static final Ballot FIRST = new Ballot(1, 0);
    private static final Ballot SECOND = new Ballot(2, 1);
    private static final Command X = Command.put("alice", 1, "k", "x");
    private static final Command Z = Command.put("bob", 1, "k", "z");

    private final List<TraceEvent> events = new ArrayList<>();

    private long step(int node, NodeEvent event) {
        return add(new EventBody.NodeStep(node, event));
    }

    private long add(EventBody body) {
        long seq = events.size() + 1;
        events.add(new TraceEvent(seq, seq * 10.0, body));
        return seq;
    }

    private long promiseArrives(int from, int to, Message.Promise promise, boolean withPayload) {
        Wire wire = withPayload ? Wire.of(events.size(), promise) : new Wire(events.size(), "promise", null);
        return add(new EventBody.Deliver(Address.node(to), Address.node(from), wire));
    }

    /** The leader change; {@code withPayloads} false: promise messages carry only their id and kind, as in a foreign trace. */
    private long leaderChange(boolean withPayloads) {
        step(0, new NodeEvent.ElectionStarted(FIRST));
        step(0, new NodeEvent.Promised(FIRST));
        step(1, new NodeEvent.Promised(FIRST));
        promiseArrives(1, 0, new Message.Promise(FIRST, 0, -1, List.of()), withPayloads);
        step(0, new NodeEvent.LeaderElected(FIRST));
        step(0, new NodeEvent.Accepted(0, FIRST, X));
        long firstAccepts = step(0, new NodeEvent.Accepted(2, FIRST, Z));
        step(1, new NodeEvent.ElectionStarted(SECOND));
        step(1, new NodeEvent.Promised(SECOND));
        step(0, new NodeEvent.Promised(SECOND));
        promiseArrives(0, 1, new Message.Promise(SECOND, 0, -1,
                List.of(new Message.Vote(0, FIRST, X, false), new Message.Vote(2, FIRST, Z, false))), withPayloads);
        step(1, new NodeEvent.LeaderElected(SECOND));
        for (int node : new int[] {1, 0}) {
            step(node, new NodeEvent.Accepted(0, SECOND, X));
            step(node, new NodeEvent.Accepted(1, SECOND, Command.NOOP));
            step(node, new NodeEvent.Accepted(2, SECOND, Z));
        }
        step(1, new NodeEvent.Chosen(0, X));
        step(1, new NodeEvent.Chosen(1, Command.NOOP));
        return firstAccepts;
    }

    private SlotReport report(long slot, long upto) {
        SlotHistory history = new SlotHistory(slot, 3);
        events.forEach(history::offer);
        return history.report(upto);
    }

    @Test
    void theNewLeaderReProposesTheHighestBallotValueItsPromisesReported() {
        leaderChange(true);

        SlotReport report = report(0, Long.MAX_VALUE);

        assertThat(report.chosenBallot()).isEqualTo(SECOND);
        assertThat(report.phaseOnes()).extracting(PhaseOne::ballot).containsExactly(FIRST, SECOND);
        assertThat(report.phaseOnes().get(0).outcome()).isEqualTo(PhaseOne.Outcome.FREE_CHOICE);
        PhaseOne why = report.phaseOnes().get(1);
        assertThat(why.leader()).isEqualTo(1);
        assertThat(why.outcome()).isEqualTo(PhaseOne.Outcome.RE_PROPOSED);
        assertThat(why.picked()).isEqualTo(X);
        assertThat(why.pickedBallot()).isEqualTo(FIRST);
        assertThat(why.pickedFrom()).isZero();
        assertThat(why.reports()).extracting(PhaseOne.Report::from, PhaseOne.Report::own, PhaseOne.Report::voteCmd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true, null),
                        org.assertj.core.groups.Tuple.tuple(0, false, X));
    }

    @Test
    void aSlotNobodyReportedBelowOneSomebodyDidIsAHoleFilledWithANoop() {
        leaderChange(true);

        PhaseOne why = report(1, Long.MAX_VALUE).phaseOnes().get(0);
        assertThat(why.ballot()).isEqualTo(SECOND);

        assertThat(why.outcome()).isEqualTo(PhaseOne.Outcome.HOLE_NOOP);
        assertThat(why.picked()).isEqualTo(Command.NOOP);
        PhaseOne.Report fromN0 = why.reports().get(1);
        assertThat(fromN0.reported()).isFalse();
        assertThat(fromN0.laterSlots()).isTrue();
    }

    @Test
    void beforeTheLeaderChangeTheFirstLeaderWasFreeToProposeAFreshCommand() {
        long firstAccepts = leaderChange(true);

        SlotReport report = report(0, firstAccepts);

        assertThat(report.chosenBallot()).isNull();
        assertThat(report.counts()).singleElement().satisfies(count -> {
            assertThat(count.ballot()).isEqualTo(FIRST);
            assertThat(count.acceptors()).isEqualTo(1);
            assertThat(count.reachedMajority()).isFalse();
        });
        assertThat(report.phaseOnes()).singleElement().satisfies(why -> {
            assertThat(why.ballot()).isEqualTo(FIRST);
            assertThat(why.outcome()).isEqualTo(PhaseOne.Outcome.FREE_CHOICE);
            assertThat(why.picked()).isEqualTo(X);
        });
    }

    @Test
    void aTraceWhosePromisesCarryNoPayloadSaysSoInsteadOfGuessing() {
        leaderChange(false);

        SlotReport report = report(0, Long.MAX_VALUE);

        assertThat(report.phaseOnes()).allSatisfy(why -> {
            assertThat(why.outcome()).isEqualTo(PhaseOne.Outcome.UNREPORTED);
            assertThat(why.picked()).isNull();
        });
        assertThat(report.chosenBallot()).isEqualTo(SECOND);
    }
}
