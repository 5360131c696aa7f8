package paxosviz.ui.viewmodel;

import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/**
 * Every node's log, slot by slot, built from events: what each node accepted (durable), knows
 * chosen and applied (volatile: a restart takes it back), and compacted into a snapshot. Also
 * where the view looks: at the head while it follows it, else where the user scrolled.
 * Each event costs O(1) amortized; memory is a few bytes per uncompacted cell and per slot.
 */
public final class LogViewModel implements EventBatchListener {

    /** Empty slots shown after the head while following, so that new slots appear at the edge. */
    static final int SLACK = 1;

    private final LogRow[] rows;
    private final SlotCommands commands = new SlotCommands();
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();
    private final BooleanProperty followHead = new SimpleBooleanProperty(true);
    private long head = -1;
    private long scrolledTo;
    private boolean changed;

    public LogViewModel(int nodes) {
        rows = new LogRow[nodes];
        for (int node = 0; node < nodes; node++) {
            rows[node] = new LogRow();
        }
    }

    public int nodes() {
        return rows.length;
    }

    /** The highest slot any event mentioned, or -1. */
    public long head() {
        return head;
    }

    public SlotState state(int node, long slot) {
        return rows[node].state(slot);
    }

    /** The ballot under which the node accepted the slot, or null (never accepted there, or compacted). */
    public Ballot ballot(int node, long slot) {
        return PackedBallot.unpack(rows[node].ballot(slot));
    }

    /** The command the node holds for the slot, or null when unknown (see {@link #describe}). */
    public Command command(int node, long slot) {
        SlotState state = rows[node].state(slot);
        boolean sameAsTable = state == SlotState.ACCEPTED
                ? rows[node].ballot(slot) == commands.ballot(slot)
                : state != SlotState.EMPTY && commands.isChosen(slot);
        return sameAsTable ? commands.command(slot) : null;
    }

    /** The last slot of the node's snapshot, or -1: every slot up to it is {@link SlotState#COMPACTED}. */
    public long compactedUpTo(int node) {
        return rows[node].compactedUpTo();
    }

    public boolean isUp(int node) {
        return rows[node].isUp();
    }

    /** Bumped at the end of each batch that changed something: the view redraws when it moves. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- where the view looks

    /** Whether the view keeps the head in sight; scrolling back turns it off. */
    public BooleanProperty followHeadProperty() {
        return followHead;
    }

    /** The first slot a window of {@code visibleSlots} cells shows. */
    public long firstSlot(int visibleSlots) {
        long last = lastFirstSlot(visibleSlots);
        return followHead.get() ? last : Math.min(scrolledTo, last);
    }

    /** The furthest the window can scroll: the head (and a little room) at its right edge. */
    public long lastFirstSlot(int visibleSlots) {
        return Math.max(0, head + 1 + SLACK - visibleSlots);
    }

    /** The user scrolled: back from the head stops following it, all the way to it follows again. */
    public void scrollTo(long firstSlot, int visibleSlots) {
        long last = lastFirstSlot(visibleSlots);
        scrolledTo = Math.max(0, Math.min(firstSlot, last));
        followHead.set(scrolledTo >= last);
    }

    // ---------------------------------------------------------------- events

    @Override
    public void accept(TraceEvent event) {
        EventBody body = event.body();
        if (body instanceof EventBody.NodeStep step) {
            onNodeEvent(rows[step.node()], step.event());
        } else if (body instanceof EventBody.Crash crash) {
            rows[crash.node()].crash();
            changed = true;
        } else if (body instanceof EventBody.Restart restart) {
            rows[restart.node()].restart(restart.restoredUpTo(), restart.amnesia());
            changed = true;
        }
    }

    private void onNodeEvent(LogRow row, NodeEvent event) {
        if (event instanceof NodeEvent.Accepted accepted) {
            int ballot = PackedBallot.pack(accepted.ballot());
            row.accept(accepted.slot(), ballot);
            commands.accepted(accepted.slot(), ballot, accepted.cmd());
            saw(accepted.slot());
        } else if (event instanceof NodeEvent.Chosen chosen) {
            row.learn(chosen.slot(), SlotState.CHOSEN);
            commands.chosen(chosen.slot(), chosen.cmd());
            saw(chosen.slot());
        } else if (event instanceof NodeEvent.Applied applied) {
            row.learn(applied.slot(), SlotState.APPLIED);
            commands.chosen(applied.slot(), applied.cmd());
            saw(applied.slot());
        } else if (event instanceof NodeEvent.SnapshotTaken taken) {
            row.compact(taken.upTo());
            saw(taken.upTo());
        } else if (event instanceof NodeEvent.SnapshotInstalled installed) {
            row.compact(installed.upTo());
            saw(installed.upTo());
        }
    }

    private void saw(long slot) {
        head = Math.max(head, slot);
        changed = true;
    }

    @Override
    public void endBatch() {
        if (changed) {
            changed = false;
            version.set(version.get() + 1);
        }
    }

    // ---------------------------------------------------------------- words

    /** The tooltip of a cell: "slot 1234 at n2: applied — alice#3 put x=1 (accepted under ballot 4.1)". */
    public String describe(int node, long slot) {
        String where = "slot " + slot + " at n" + node + ": ";
        String down = rows[node].isUp() ? "" : " · n" + node + " is down";
        Command latest = commands.command(slot);
        Ballot ballot = ballot(node, slot);
        SlotState state = rows[node].state(slot);
        return switch (state) {
            case EMPTY -> where + "empty"
                    + (commands.isChosen(slot) ? " (chosen elsewhere: " + latest + ")" : "") + down;
            case ACCEPTED -> where + "accepted under ballot " + ballot
                    + (command(node, slot) != null ? " — " + latest : latestValue(slot)) + down;
            case CHOSEN, APPLIED -> where + state.name().toLowerCase(Locale.ROOT) + " — " + latest
                    + (ballot != null ? " (accepted under ballot " + ballot + ")" : " (learned, not accepted here)") + down;
            case COMPACTED -> where + "compacted into a snapshot"
                    + (commands.isChosen(slot) ? " — " + latest : "") + down;
        };
    }

    /** For a cell whose own ballot is not the one the table knows: what the slot holds now. */
    private String latestValue(long slot) {
        Command latest = commands.command(slot);
        if (commands.isChosen(slot)) {
            return " (the slot's chosen command: " + latest + ")";
        }
        return " (the slot's latest command: " + latest + ", ballot " + PackedBallot.unpack(commands.ballot(slot)) + ")";
    }

    /** Bytes held by the per-cell and per-slot arrays, not counting the commands the events share. */
    long footprintBytes() {
        long bytes = commands.footprintBytes();
        for (LogRow row : rows) {
            bytes += row.footprintBytes();
        }
        return bytes;
    }
}
