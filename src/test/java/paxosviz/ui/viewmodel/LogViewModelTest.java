package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.session.ScriptedSession;
import paxosviz.viewstate.SlotState;

/**
 * The log view model over a session's folded log: each cell's state, ballot and command (what
 * that node holds), the tooltip, and where the view looks. The fold's size and speed figures
 * are in {@code paxosviz.viewstate.LogStateTest}.
 */
class LogViewModelTest {

    private static final Ballot B1 = new Ballot(1, 0);
    private static final Ballot B4 = new Ballot(4, 1);
    private static final Command PUT = Command.put("alice", 3, "x", "1");
    private static final Command OTHER = Command.put("bob", 7, "y", "2");

    private final ScriptedSession session = new ScriptedSession(3, true);
    private final LogViewModel log = new LogViewModel(session);
    private long seq;

    // ---------------------------------------------------------------- transitions

    @Test
    void aCellGoesFromEmptyThroughAcceptedAndChosenToApplied() {
        assertThat(log.state(0, 5)).isEqualTo(SlotState.EMPTY);

        feed(accepted(0, 5, B4, PUT));
        assertThat(log.state(0, 5)).isEqualTo(SlotState.ACCEPTED);
        assertThat(log.ballot(0, 5)).isEqualTo(B4);
        assertThat(log.command(0, 5)).isEqualTo(PUT);

        feed(chosen(0, 5, PUT));
        assertThat(log.state(0, 5)).isEqualTo(SlotState.CHOSEN);

        feed(applied(0, 5, PUT));
        assertThat(log.state(0, 5)).isEqualTo(SlotState.APPLIED);
        assertThat(log.ballot(0, 5)).as("the accepted ballot stays with the cell").isEqualTo(B4);
        assertThat(log.state(1, 5)).as("other nodes are untouched").isEqualTo(SlotState.EMPTY);
        assertThat(log.head()).isEqualTo(5);
    }

    @Test
    void aLaterAcceptDoesNotUnlearnAChosenSlot() {
        feed(accepted(0, 2, B1, PUT), chosen(0, 2, PUT), accepted(0, 2, B4, PUT));

        assertThat(log.state(0, 2)).isEqualTo(SlotState.CHOSEN);
        assertThat(log.ballot(0, 2)).isEqualTo(B4);
    }

    @Test
    void aSnapshotCompactsEverySlotThroughItsBoundAndReleasesTheirCells() {
        for (long slot = 0; slot < 10_000; slot++) {
            feed(accepted(0, slot, B1, PUT), chosen(0, slot, PUT), applied(0, slot, PUT));
        }
        feed(accepted(1, 100, B1, PUT), chosen(1, 100, PUT));
        long before = footprintBytes();

        feed(step(0, new NodeEvent.SnapshotTaken(8_999)));

        assertThat(log.state(0, 0)).isEqualTo(SlotState.COMPACTED);
        assertThat(log.state(0, 8_999)).isEqualTo(SlotState.COMPACTED);
        assertThat(log.state(0, 9_000)).isEqualTo(SlotState.APPLIED);
        assertThat(log.ballot(0, 100)).as("a compacted slot keeps no ballot").isNull();
        assertThat(log.command(0, 100)).as("nor a command: the cell is released with its chunk").isNull();
        assertThat(log.command(0, 9_000)).as("slots past the snapshot keep theirs").isEqualTo(PUT);
        assertThat(log.describe(0, 100)).as("the tooltip names the command a node that still holds the slot learned")
                .isEqualTo("slot 100 at n0: compacted into a snapshot — alice#3 put x=1");
        assertThat(footprintBytes()).as("two of three chunks of the row released").isLessThan(before);
    }

    @Test
    void installingASnapshotMakesTheRowJumpOverItsGap() {
        feed(applied(1, 0, PUT));
        assertThat(log.state(1, 40)).isEqualTo(SlotState.EMPTY);

        feed(step(1, new NodeEvent.SnapshotInstalled(4_999, 0)));

        assertThat(log.state(1, 40)).isEqualTo(SlotState.COMPACTED);
        assertThat(log.state(1, 4_999)).isEqualTo(SlotState.COMPACTED);
        assertThat(log.state(1, 5_000)).isEqualTo(SlotState.EMPTY);
        assertThat(log.head()).isEqualTo(4_999);
    }

    @Test
    void aCrashDimsTheRowAndTheRestartKeepsWhatWasAcceptedButForgetsWhatWasLearned() {
        for (long slot = 0; slot <= 9; slot++) {
            feed(accepted(2, slot, B1, PUT), chosen(2, slot, PUT));
        }
        for (long slot = 0; slot <= 7; slot++) {
            feed(applied(2, slot, PUT));
        }
        feed(chosen(2, 10, OTHER), applied(2, 10, OTHER)); // learned by catch-up: never accepted here
        feed(step(2, new NodeEvent.SnapshotTaken(3)));

        feed(new EventBody.Crash(2));
        assertThat(log.isUp(2)).isFalse();
        assertThat(log.state(2, 5)).as("a crashed row still shows what it had").isEqualTo(SlotState.APPLIED);

        feed(new EventBody.Restart(2, 3, false));
        assertThat(log.isUp(2)).isTrue();
        assertThat(log.state(2, 3)).isEqualTo(SlotState.COMPACTED);
        assertThat(log.state(2, 4)).as("applied, but only the accept was durable").isEqualTo(SlotState.ACCEPTED);
        assertThat(log.state(2, 9)).as("chosen, but only the accept was durable").isEqualTo(SlotState.ACCEPTED);
        assertThat(log.ballot(2, 9)).isEqualTo(B1);
        assertThat(log.state(2, 10)).as("learned and applied without an accept: nothing durable").isEqualTo(SlotState.EMPTY);
    }

    @Test
    void aRestartedRowRefillsAsTheNodeCatchesUp() {
        for (long slot = 0; slot <= 5; slot++) {
            feed(accepted(0, slot, B1, PUT), chosen(0, slot, PUT), applied(0, slot, PUT));
        }
        feed(new EventBody.Crash(0), new EventBody.Restart(0, -1, false));
        assertThat(log.state(0, 5)).isEqualTo(SlotState.ACCEPTED);

        for (long slot = 0; slot <= 8; slot++) {
            feed(chosen(0, slot, PUT), applied(0, slot, PUT));
        }

        for (long slot = 0; slot <= 8; slot++) {
            assertThat(log.state(0, slot)).as("slot %d", slot).isEqualTo(SlotState.APPLIED);
        }
    }

    @Test
    void aRestartWithAmnesiaForgetsEvenTheAccepts() {
        feed(accepted(1, 0, B1, PUT), accepted(1, 1, B1, PUT), step(1, new NodeEvent.SnapshotTaken(0)));

        feed(new EventBody.Crash(1), new EventBody.Restart(1, -1, true));

        assertThat(log.state(1, 0)).isEqualTo(SlotState.EMPTY);
        assertThat(log.state(1, 1)).isEqualTo(SlotState.EMPTY);
    }

    // ---------------------------------------------------------------- words

    @Test
    void theTooltipNamesStateCommandAndBallot() {
        feed(accepted(2, 1234, B4, PUT), chosen(2, 1234, PUT), applied(2, 1234, PUT));
        assertThat(log.describe(2, 1234)).isEqualTo("slot 1234 at n2: applied — alice#3 put x=1 (accepted here under ballot 4.1)");

        feed(accepted(1, 1234, B4, PUT));
        assertThat(log.describe(1, 1234)).isEqualTo("slot 1234 at n1: accepted alice#3 put x=1 under ballot 4.1");

        assertThat(log.describe(0, 1234)).isEqualTo("slot 1234 at n0: empty (chosen elsewhere: alice#3 put x=1)");
        feed(chosen(0, 1234, PUT));
        assertThat(log.describe(0, 1234)).isEqualTo("slot 1234 at n0: chosen — alice#3 put x=1 (learned, not accepted here)");

        feed(step(2, new NodeEvent.SnapshotTaken(1234)), new EventBody.Crash(2));
        assertThat(log.describe(2, 1234)).isEqualTo("slot 1234 at n2: compacted into a snapshot — alice#3 put x=1 · n2 is down");
    }

    @Test
    void aCellNamesWhatThisNodeAcceptedNotTheSlotsLatestCommand() {
        feed(accepted(0, 7, B1, OTHER), accepted(1, 7, B4, PUT));

        assertThat(log.command(0, 7)).as("n0's acceptor holds the older command").isEqualTo(OTHER);
        assertThat(log.command(1, 7)).isEqualTo(PUT);
        assertThat(log.describe(0, 7)).isEqualTo("slot 7 at n0: accepted bob#7 put y=2 under ballot 1.0");

        feed(chosen(1, 7, PUT));
        assertThat(log.command(0, 7)).as("learning elsewhere does not change what n0 holds").isEqualTo(OTHER);
        assertThat(log.describe(0, 7))
                .isEqualTo("slot 7 at n0: accepted bob#7 put y=2 under ballot 1.0 (chosen elsewhere: alice#3 put x=1)");

        feed(chosen(0, 7, PUT));
        assertThat(log.command(0, 7)).as("once learned, the cell names the chosen command").isEqualTo(PUT);
        assertThat(log.describe(0, 7))
                .isEqualTo("slot 7 at n0: chosen — alice#3 put x=1 (this node's acceptor holds bob#7 put y=2 under ballot 1.0)");
        assertThat(log.diverged(7)).as("one command learned: no divergence").isFalse();
    }

    @Test
    void nodesThatLearnedDifferentCommandsForASlotShowAsDiverged() {
        Command a = Command.put("alice", 1, "x", "a");
        Command b = Command.put("bob", 1, "x", "b");
        feed(chosen(0, 0, a), chosen(1, 0, b), chosen(0, 1, a), chosen(1, 1, a));

        assertThat(log.diverged(0)).isTrue();
        assertThat(log.diverged(1)).isFalse();
        assertThat(log.divergedValue(0, 0)).isEqualTo('A');
        assertThat(log.divergedValue(1, 0)).isEqualTo('B');
        assertThat(log.divergedValue(2, 0)).as("n2 learned nothing there").isEqualTo((char) 0);
        assertThat(log.divergedValue(0, 1)).as("no letters where the nodes agree").isEqualTo((char) 0);
        assertThat(log.command(0, 0)).isEqualTo(a);
        assertThat(log.command(1, 0)).isEqualTo(b);

        String divergence = "\nDIVERGED: nodes learned different commands for this slot —"
                + "\n  A: alice#1 put x=a at n0"
                + "\n  B: bob#1 put x=b at n1";
        assertThat(log.describe(0, 0)).isEqualTo("slot 0 at n0: chosen — alice#1 put x=a (learned, not accepted here)" + divergence);
        assertThat(log.describe(1, 0)).isEqualTo("slot 0 at n1: chosen — bob#1 put x=b (learned, not accepted here)" + divergence);
        assertThat(log.describe(2, 0)).startsWith("slot 0 at n2: empty").endsWith(divergence);
        assertThat(log.describe(0, 1)).doesNotContain("DIVERGED");

        feed(applied(2, 0, a));
        assertThat(log.divergedValue(2, 0)).isEqualTo('A');
        assertThat(log.describe(1, 0)).contains("A: alice#1 put x=a at n0, n2", "B: bob#1 put x=b at n1");
    }

    // ---------------------------------------------------------------- following the head

    @Test
    void theViewFollowsTheHeadUntilScrolledBackAndFollowsAgainAtTheEnd() {
        int visible = 100;
        feed(applied(0, 999, PUT));
        assertThat(log.followHeadProperty().get()).isTrue();
        assertThat(log.firstSlot(visible)).as("the head and one empty slot at the right edge").isEqualTo(901);

        log.scrollTo(500, visible);
        feed(applied(0, 1999, PUT));
        assertThat(log.followHeadProperty().get()).isFalse();
        assertThat(log.firstSlot(visible)).as("scrolled back, the view stays put as the head moves").isEqualTo(500);

        log.scrollTo(-40, visible);
        assertThat(log.firstSlot(visible)).isZero();

        log.scrollTo(Long.MAX_VALUE, visible);
        assertThat(log.followHeadProperty().get()).as("scrolling all the way to the head follows it again").isTrue();

        log.scrollTo(10, visible);
        log.followHeadProperty().set(true);
        assertThat(log.firstSlot(visible)).isEqualTo(1901);
    }

    @Test
    void aShortLogStartsAtSlotZero() {
        feed(applied(0, 3, PUT));
        assertThat(log.firstSlot(100)).isZero();
        assertThat(log.lastFirstSlot(100)).isZero();
    }

    @Test
    void theVersionMovesOnlyWhenAFrameChangedTheLog() {
        long start = log.versionProperty().get();
        feed();
        assertThat(log.versionProperty().get()).isEqualTo(start);

        feed(step(0, new NodeEvent.Promised(B1)));
        assertThat(log.versionProperty().get()).as("a promise is not in the log").isEqualTo(start);

        feed(accepted(0, 0, B1, PUT), accepted(1, 0, B1, PUT));
        assertThat(log.versionProperty().get()).as("once per frame").isEqualTo(start + 1);

        feed(new EventBody.Crash(2));
        assertThat(log.versionProperty().get()).as("a crash dims a row").isEqualTo(start + 2);
    }

    // ---------------------------------------------------------------- events

    /** One frame with these events. */
    private void feed(EventBody... bodies) {
        for (EventBody body : bodies) {
            session.feed(event(body));
        }
        log.refresh(session.frame().changed());
    }

    private long footprintBytes() {
        return session.state().log().footprintBytes();
    }

    private TraceEvent event(EventBody body) {
        return new TraceEvent(++seq, seq, body);
    }

    private static EventBody step(int node, NodeEvent event) {
        return new EventBody.NodeStep(node, event);
    }

    private static EventBody accepted(int node, long slot, Ballot ballot, Command cmd) {
        return step(node, new NodeEvent.Accepted(slot, ballot, cmd));
    }

    private static EventBody chosen(int node, long slot, Command cmd) {
        return step(node, new NodeEvent.Chosen(slot, cmd));
    }

    private static EventBody applied(int node, long slot, Command cmd) {
        return step(node, new NodeEvent.Applied(slot, cmd, Result.of(cmd.type())));
    }
}
