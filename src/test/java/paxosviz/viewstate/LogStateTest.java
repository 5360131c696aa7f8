package paxosviz.viewstate;

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

/** The folded log's size and speed: seven nodes by a hundred thousand slots, with and without snapshots. */
class LogStateTest {

    @Test
    void sevenNodesTimesAHundredThousandSlotsStaySmallAndFeedFast() {
        int nodes = 7;
        int slots = 100_000;
        List<EventBody> events = syntheticRun(nodes, slots, 1_000);
        LogState big = new LogState(nodes);
        long usedBefore = usedMemory();

        long started = System.nanoTime();
        for (EventBody event : events) {
            big.accept(event);
        }
        double millis = (System.nanoTime() - started) / 1e6;
        long retained = usedMemory() - usedBefore;

        System.out.printf("log state: %d events (7 nodes x 100,000 slots) folded in %.0f ms (%.0f ns each); "
                + "arrays %d bytes; heap grew by %d bytes%n",
                events.size(), millis, millis * 1e6 / events.size(), big.footprintBytes(), retained);
        assertThat(big.head()).isEqualTo(slots - 1);
        assertThat(big.state(6, slots - 1)).isEqualTo(SlotState.APPLIED);
        assertThat(big.state(6, slots - 600)).isEqualTo(SlotState.COMPACTED);
        assertThat(big.learned(3, slots - 1)).isEqualTo(syntheticCommand(slots - 1));
        assertThat(big.accepted(3, slots - 1)).isEqualTo(syntheticCommand(slots - 1));
        assertThat(big.learned(3, 12_345)).as("a compacted cell is released with its command").isNull();
        assertThat(big.footprintBytes()).as("rows only for their uncompacted tails").isLessThan(2_000_000);
        assertThat(retained).as("heap growth, commands shared with the events").isLessThan(100L << 20);
        assertThat(millis).as("a generous sanity bound; see the printed figure").isLessThan(5_000);
    }

    @Test
    void withoutSnapshotsARowCostsThirteenBytesACell() {
        int nodes = 7;
        int slots = 100_000;
        LogState big = new LogState(nodes);
        for (EventBody event : syntheticRun(nodes, slots, Integer.MAX_VALUE)) {
            big.accept(event);
        }

        // per cell: its state (1 byte), the ballot and command it accepted and the command it learned (4 bytes each)
        long perCells = (long) nodes * slots * 13;
        System.out.printf("log state without snapshots: arrays %d bytes for 7 x 100,000 cells%n", big.footprintBytes());
        assertThat(big.state(0, 0)).isEqualTo(SlotState.APPLIED);
        assertThat(big.learned(0, 0)).isEqualTo(syntheticCommand(0));
        assertThat(big.footprintBytes()).isBetween(perCells, perCells * 11 / 10);
    }

    /** A leader accepting on every node, then every node learning and applying; snapshots at slots every/2, every/2 + every, … */
    private static List<EventBody> syntheticRun(int nodes, int slots, int every) {
        List<EventBody> events = new ArrayList<>(nodes * slots * 3 + 1000);
        Ballot ballot = new Ballot(1, 0);
        for (int slot = 0; slot < slots; slot++) {
            Command cmd = syntheticCommand(slot);
            for (int node = 0; node < nodes; node++) {
                events.add(new EventBody.NodeStep(node, new NodeEvent.Accepted(slot, ballot, cmd)));
            }
            for (int node = 0; node < nodes; node++) {
                events.add(new EventBody.NodeStep(node, new NodeEvent.Chosen(slot, cmd)));
                events.add(new EventBody.NodeStep(node, new NodeEvent.Applied(slot, cmd, Result.of(OpType.PUT))));
                if (slot % every == every / 2) {
                    events.add(new EventBody.NodeStep(node, new NodeEvent.SnapshotTaken(slot)));
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
}
