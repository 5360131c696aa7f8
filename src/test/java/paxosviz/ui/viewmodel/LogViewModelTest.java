package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpType;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

class LogViewModelTest {

    private static final Ballot B1 = new Ballot(1, 0);
    private static final Ballot B4 = new Ballot(4, 1);
    private static final Command PUT = Command.put("alice", 3, "x", "1");
    private static final Command OTHER = Command.put("bob", 7, "y", "2");

    private final LogViewModel log = new LogViewModel(3);
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
        long before = log.footprintBytes();

        feed(step(0, new NodeEvent.SnapshotTaken(8_999)));

        assertThat(log.state(0, 0)).isEqualTo(SlotState.COMPACTED);
        assertThat(log.state(0, 8_999)).isEqualTo(SlotState.COMPACTED);
        assertThat(log.state(0, 9_000)).isEqualTo(SlotState.APPLIED);
        assertThat(log.ballot(0, 100)).as("a compacted slot keeps no ballot").isNull();
        assertThat(log.command(0, 100)).as("but the shared table still knows its command").isEqualTo(PUT);
        assertThat(log.footprintBytes()).as("two of three chunks of the row released").isLessThan(before);
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
        assertThat(log.describe(2, 1234)).isEqualTo("slot 1234 at n2: applied — alice#3 put x=1 (accepted under ballot 4.1)");

        feed(accepted(1, 1234, B4, PUT));
        assertThat(log.describe(1, 1234)).isEqualTo("slot 1234 at n1: accepted under ballot 4.1 — alice#3 put x=1");

        assertThat(log.describe(0, 1234)).isEqualTo("slot 1234 at n0: empty (chosen elsewhere: alice#3 put x=1)");
        feed(chosen(0, 1234, PUT));
        assertThat(log.describe(0, 1234)).isEqualTo("slot 1234 at n0: chosen — alice#3 put x=1 (learned, not accepted here)");

        feed(step(2, new NodeEvent.SnapshotTaken(1234)), new EventBody.Crash(2));
        assertThat(log.describe(2, 1234)).isEqualTo("slot 1234 at n2: compacted into a snapshot — alice#3 put x=1 · n2 is down");
    }

    @Test
    void anAcceptUnderAnOlderBallotIsNotPassedOffAsTheSlotsCommand() {
        feed(accepted(0, 7, B1, OTHER), accepted(1, 7, B4, PUT));

        assertThat(log.command(0, 7)).isNull();
        assertThat(log.describe(0, 7))
                .isEqualTo("slot 7 at n0: accepted under ballot 1.0 (the slot's latest command: alice#3 put x=1, ballot 4.1)");

        feed(chosen(1, 7, PUT));
        assertThat(log.describe(0, 7)).isEqualTo("slot 7 at n0: accepted under ballot 1.0 (the slot's chosen command: alice#3 put x=1)");
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
    void theVersionMovesOnlyWhenABatchChangedTheLog() {
        long start = log.versionProperty().get();
        log.endBatch();
        assertThat(log.versionProperty().get()).isEqualTo(start);

        log.accept(event(step(0, new NodeEvent.Promised(B1))));
        log.endBatch();
        assertThat(log.versionProperty().get()).as("a promise is not in the log").isEqualTo(start);

        log.accept(event(accepted(0, 0, B1, PUT)));
        log.accept(event(accepted(1, 0, B1, PUT)));
        log.endBatch();
        assertThat(log.versionProperty().get()).as("once per batch").isEqualTo(start + 1);
    }

    // ---------------------------------------------------------------- size

    @Test
    void sevenNodesTimesAHundredThousandSlotsStaySmallAndFeedFast() {
        int nodes = 7;
        int slots = 100_000;
        List<TraceEvent> events = syntheticRun(nodes, slots, 1_000);
        LogViewModel big = new LogViewModel(nodes);
        long usedBefore = usedMemory();

        long started = System.nanoTime();
        for (TraceEvent event : events) {
            big.accept(event);
        }
        big.endBatch();
        double millis = (System.nanoTime() - started) / 1e6;
        long retained = usedMemory() - usedBefore;

        System.out.printf("log view model: %d events (7 nodes x 100,000 slots) fed in %.0f ms (%.0f ns each); "
                + "arrays %d bytes; heap grew by %d bytes%n",
                events.size(), millis, millis * 1e6 / events.size(), big.footprintBytes(), retained);
        assertThat(big.head()).isEqualTo(slots - 1);
        assertThat(big.state(6, slots - 1)).isEqualTo(SlotState.APPLIED);
        assertThat(big.state(6, slots - 600)).isEqualTo(SlotState.COMPACTED);
        assertThat(big.command(3, 12_345)).isEqualTo(syntheticCommand(12_345));
        assertThat(big.footprintBytes()).as("the shared table's 9 bytes a slot, rows only for their uncompacted tails")
                .isLessThan(2_000_000);
        assertThat(retained).as("heap growth, commands shared with the events").isLessThan(100L << 20);
        assertThat(millis).as("a generous sanity bound; see the printed figure").isLessThan(5_000);
    }

    @Test
    void withoutSnapshotsARowCostsFiveBytesACell() {
        int nodes = 7;
        int slots = 100_000;
        LogViewModel big = new LogViewModel(nodes);
        for (TraceEvent event : syntheticRun(nodes, slots, Integer.MAX_VALUE)) {
            big.accept(event);
        }

        long perCells = (long) nodes * slots * 5;
        long table = slots * 9L;
        System.out.printf("log view model without snapshots: arrays %d bytes for 7 x 100,000 cells%n", big.footprintBytes());
        assertThat(big.state(0, 0)).isEqualTo(SlotState.APPLIED);
        assertThat(big.footprintBytes()).isBetween(perCells, (perCells + table) * 11 / 10);
    }

    /** A leader accepting on every node, then every node learning and applying; snapshots at slots every/2, every/2 + every, … */
    private static List<TraceEvent> syntheticRun(int nodes, int slots, int every) {
        List<TraceEvent> events = new ArrayList<>(nodes * slots * 3 + 1000);
        Ballot ballot = new Ballot(1, 0);
        long seq = 0;
        for (int slot = 0; slot < slots; slot++) {
            Command cmd = syntheticCommand(slot);
            for (int node = 0; node < nodes; node++) {
                events.add(new TraceEvent(++seq, slot, new EventBody.NodeStep(node, new NodeEvent.Accepted(slot, ballot, cmd))));
            }
            for (int node = 0; node < nodes; node++) {
                events.add(new TraceEvent(++seq, slot, new EventBody.NodeStep(node, new NodeEvent.Chosen(slot, cmd))));
                events.add(new TraceEvent(++seq, slot, new EventBody.NodeStep(node, new NodeEvent.Applied(slot, cmd, Result.of(OpType.PUT)))));
                if (slot % every == every / 2) {
                    events.add(new TraceEvent(++seq, slot, new EventBody.NodeStep(node, new NodeEvent.SnapshotTaken(slot))));
                }
            }
        }
        return events;
    }

    private static Command syntheticCommand(int slot) {
        return Command.put("client" + (slot % 16), slot, "k" + (slot % 100), "v" + slot);
    }

    private static long usedMemory() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    // ---------------------------------------------------------------- events

    private void feed(EventBody... bodies) {
        for (EventBody body : bodies) {
            log.accept(event(body));
        }
        log.endBatch();
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
