package paxosviz.viewstate;

import java.util.Objects;

import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;

/**
 * Every node's log, slot by slot, folded from events: what each node accepted (with the
 * ballot), what it learned chosen and applied, and what it compacted into a snapshot. Each
 * cell keeps that node's own commands, so a slot where nodes learned different commands (a
 * broken run) shows as diverged. O(1) amortized per event; a few bytes per uncompacted cell.
 */
public final class LogState {

    private final LogRowState[] rows;
    private final CommandTable commands;
    /** Slots where two nodes learned different commands; once there, always there: it happened. */
    private final java.util.TreeSet<Long> diverged;
    private long head = -1;
    /** Counts the events that changed something here (not compared: two equal logs may differ in it). */
    private long changes;

    LogState(int nodes) {
        rows = new LogRowState[nodes];
        for (int node = 0; node < nodes; node++) {
            rows[node] = new LogRowState();
        }
        commands = new CommandTable();
        diverged = new java.util.TreeSet<>();
    }

    private LogState(LogState from) {
        rows = new LogRowState[from.rows.length];
        for (int node = 0; node < rows.length; node++) {
            rows[node] = from.rows[node].copy();
        }
        commands = from.commands;
        diverged = new java.util.TreeSet<>(from.diverged);
        head = from.head;
        changes = from.changes;
    }

    LogState copy() {
        return new LogState(this);
    }

    // ---------------------------------------------------------------- reads

    public int nodes() {
        return rows.length;
    }

    /** The highest slot any event mentioned, or -1. */
    public long head() {
        return head;
    }

    /** How many events changed this log so far: a view redraws when it moves. */
    public long changes() {
        return changes;
    }

    public SlotState state(int node, long slot) {
        return rows[node].state(slot);
    }

    /** The ballot under which the node accepted the slot, or null (never accepted there, or compacted). */
    public Ballot ballot(int node, long slot) {
        return PackedBallot.unpack(rows[node].ballot(slot));
    }

    /** What the node's acceptor accepted for the slot, or null. */
    public Command accepted(int node, long slot) {
        return commands.command(rows[node].accepted(slot));
    }

    /** What the node learned chosen for the slot, or applied there; null when it learned nothing (or compacted it). */
    public Command learned(int node, long slot) {
        return commands.command(rows[node].learned(slot));
    }

    /** The last slot of the node's snapshot, or -1: every slot up to it is {@link SlotState#COMPACTED}. */
    public long compactedUpTo(int node) {
        return rows[node].compactedUpTo();
    }

    public boolean isUp(int node) {
        return rows[node].isUp();
    }

    /** Whether two nodes learned different commands for the slot: agreement broke there. */
    public boolean diverged(long slot) {
        return !diverged.isEmpty() && diverged.contains(slot);
    }

    /** The slots where agreement broke, in order. */
    public java.util.SortedSet<Long> divergedSlots() {
        return java.util.Collections.unmodifiableSortedSet(diverged);
    }

    /**
     * At a diverged slot, which of the commands learned there this node holds: 'A' for the one
     * the lowest-numbered node holds, 'B' for the next different one, and so on; 0 when the slot
     * did not diverge or the node holds none.
     */
    public char divergedValue(int node, long slot) {
        if (!diverged(slot)) {
            return 0;
        }
        int mine = rows[node].learned(slot);
        if (mine == CommandTable.NONE) {
            return 0;
        }
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        for (LogRowState row : rows) {
            int learned = row.learned(slot);
            if (learned != CommandTable.NONE && !seen.contains(learned)) {
                seen.add(learned);
            }
        }
        return (char) ('A' + Math.min(25, seen.indexOf(mine)));
    }

    private boolean learnedDifferently(long slot, int cmd) {
        for (LogRowState row : rows) {
            int learned = row.learned(slot);
            if (learned != CommandTable.NONE && learned != cmd) {
                return true;
            }
        }
        return false;
    }

    /** The command some node learned for the slot (the lowest-numbered such node), or null. */
    public Command learnedAnywhere(long slot) {
        for (LogRowState row : rows) {
            int learned = row.learned(slot);
            if (learned != CommandTable.NONE) {
                return commands.command(learned);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- events

    void accept(EventBody body) {
        if (body instanceof EventBody.NodeStep step) {
            if (step.node() >= 0 && step.node() < rows.length) {
                onNodeEvent(rows[step.node()], step.event());
            }
        } else if (body instanceof EventBody.Crash crash && crash.node() < rows.length) {
            rows[crash.node()].crash();
            changes++;
        } else if (body instanceof EventBody.Restart restart && restart.node() < rows.length) {
            rows[restart.node()].restart(restart.restoredUpTo(), restart.amnesia());
            changes++;
        }
    }

    private void onNodeEvent(LogRowState row, NodeEvent event) {
        if (event instanceof NodeEvent.Accepted accepted && accepted.slot() >= 0) {
            row.accept(accepted.slot(), PackedBallot.pack(accepted.ballot()), commands.number(accepted.cmd()));
            saw(accepted.slot());
        } else if (event instanceof NodeEvent.Chosen chosen && chosen.slot() >= 0) {
            learn(row, chosen.slot(), SlotState.CHOSEN, chosen.cmd());
        } else if (event instanceof NodeEvent.Applied applied && applied.slot() >= 0) {
            learn(row, applied.slot(), SlotState.APPLIED, applied.cmd());
        } else if (event instanceof NodeEvent.SnapshotTaken taken) {
            row.compact(taken.upTo());
            saw(taken.upTo());
        } else if (event instanceof NodeEvent.SnapshotInstalled installed) {
            row.compact(installed.upTo());
            saw(installed.upTo());
        }
    }

    private void learn(LogRowState row, long slot, SlotState state, Command cmd) {
        int number = commands.number(cmd);
        if (learnedDifferently(slot, number)) {
            diverged.add(slot);
        }
        row.learn(slot, state, number);
        saw(slot);
    }

    private void saw(long slot) {
        head = Math.max(head, slot);
        changes++;
    }

    /** Bytes held by the rows' chunks, not counting the commands the events share. */
    public long footprintBytes() {
        long bytes = 0;
        for (LogRowState row : rows) {
            bytes += row.footprintBytes();
        }
        return bytes;
    }

    // ---------------------------------------------------------------- comparing

    /** Same cells, slot by slot, at every node (compares commands, not their numbers). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof LogState that) || that.rows.length != rows.length || that.head != head
                || !diverged.equals(that.diverged)) {
            return false;
        }
        for (int node = 0; node < rows.length; node++) {
            if (!sameRow(node, that)) {
                return false;
            }
        }
        return true;
    }

    private boolean sameRow(int node, LogState that) {
        LogRowState mine = rows[node];
        LogRowState theirs = that.rows[node];
        if (mine.isUp() != theirs.isUp() || mine.compactedUpTo() != theirs.compactedUpTo()) {
            return false;
        }
        for (long slot = mine.compactedUpTo() + 1; slot <= head; slot++) {
            if (mine.state(slot) != theirs.state(slot) || mine.ballot(slot) != theirs.ballot(slot)
                    || !Objects.equals(accepted(node, slot), that.accepted(node, slot))
                    || !Objects.equals(learned(node, slot), that.learned(node, slot))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows.length, head);
    }
}
