package paxosviz.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import paxosviz.core.Command;

/**
 * The log the trace reveals. A slot's command is fixed by its first {@code chosen} event, or
 * by its first {@code apply} when no node reported it chosen before; every later report of
 * the slot must agree. What a slot holds must have been invoked. The log is replayed as it
 * grows (see {@link LogReplay}).
 */
final class AgreedLog {

    private record SlotEntry(Command cmd, long seq, int node, boolean byChosen) {
        String how() {
            return (byChosen ? "chosen" : "applied") + " as " + cmd + " at node " + node;
        }
    }

    private final ClientHistory history;
    private final ViolationList violations;
    private final Map<Long, SlotEntry> slots = new HashMap<>();

    private final LogReplay replay;

    /** Slots holding an operation before any invoke named it; resolved when the invoke comes. */
    private final Map<ClientOp, List<Long>> awaitingInvoke = new LinkedHashMap<>();

    AgreedLog(ClientHistory history, ViolationList violations) {
        this.history = history;
        this.violations = violations;
        this.replay = new LogReplay(history, slot -> {
            SlotEntry entry = slots.get(slot);
            return entry == null ? null : entry.cmd;
        });
    }

    void chosen(long seq, int node, long slot, Command cmd) {
        SlotEntry known = slots.get(slot);
        if (known == null) {
            define(slot, new SlotEntry(cmd, seq, node, true), seq);
        } else if (!known.cmd.equals(cmd)) {
            String message = known.byChosen
                    ? "slot " + slot + " chosen as " + known.cmd + " at node " + known.node + " but as " + cmd + " at node " + node
                    : "slot " + slot + " " + known.how() + " but chosen as " + cmd + " at node " + node;
            violations.add(Violation.atSlot(Violation.AGREEMENT, seq, slot, message));
        }
    }

    void applied(long seq, int node, long slot, Command cmd) {
        SlotEntry known = slots.get(slot);
        if (known == null) {
            define(slot, new SlotEntry(cmd, seq, node, false), seq);
        } else if (!known.cmd.equals(cmd)) {
            violations.add(Violation.atSlot(Violation.AGREEMENT, seq, slot,
                    "node " + node + " applied slot " + slot + " as " + cmd + " but it was " + known.how()));
        }
    }

    /** A client invoked {@code op}: settles slots that held it before. */
    void invoked(ClientOp op, long seq) {
        List<Long> held = awaitingInvoke.remove(op);
        if (held != null) {
            for (long slot : held) {
                checkInvoked(slot, slots.get(slot).cmd, op.invoked, seq);
            }
        }
    }

    /** A client got an answer or gave up. */
    void returned(ClientOp op, long seq) {
        replay.returned(op, seq);
    }

    long slotsKnown() {
        return slots.size();
    }

    /** Adds what can only be judged on everything seen so far: unmatched slots, wrong results, lost writes. */
    void reportPending(ViolationList out, List<String> notes) {
        awaitingInvoke.forEach((op, held) -> {
            for (long slot : held) {
                SlotEntry entry = slots.get(slot);
                out.add(Violation.atSlot(Violation.VALIDITY, entry.seq, slot,
                        "slot " + slot + " holds " + entry.cmd + ", which no client invoked"));
            }
        });
        replay.report(out, notes);
    }

    /** Whether every acknowledged operation is in the replayed log. */
    boolean coversAcknowledged() {
        return replay.coversAcknowledged();
    }

    private void define(long slot, SlotEntry entry, long seq) {
        slots.put(slot, entry);
        Command cmd = entry.cmd;
        if (!cmd.isNoop()) {
            ClientOp op = history.getOrCreate(cmd);
            if (op.invoked == null) {
                awaitingInvoke.computeIfAbsent(op, o -> new ArrayList<>()).add(slot);
            } else {
                checkInvoked(slot, cmd, op.invoked, seq);
            }
        }
        replay.slotKnown(slot, seq);
    }

    private void checkInvoked(long slot, Command held, Command invoked, long seq) {
        if (!held.equals(invoked)) {
            violations.add(Violation.atSlot(Violation.VALIDITY, seq, slot,
                    "slot " + slot + " holds " + held + " but the client invoked " + invoked));
        }
    }
}
