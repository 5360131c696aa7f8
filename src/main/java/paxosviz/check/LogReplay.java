package paxosviz.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import paxosviz.core.Command;
import paxosviz.core.OpType;

/**
 * Replays the agreed log through {@link KvSpec} as it grows, which gives every logged client
 * operation its first slot and the result its client must have been told. As the reference
 * checker does, the replay runs from the lowest known slot while the slots stay contiguous,
 * and a command runs once per client operation and never after a later one of its client.
 * Should a slot below the lowest turn up later, the replay starts over from it.
 */
final class LogReplay {

    private final ClientHistory history;
    private final LongFunction<Command> slots;

    private KvSpec spec = new KvSpec(new ValueTable());
    private final Map<String, Integer> valueByKey = new HashMap<>();
    private final Map<String, Long> lastSeqByClient = new HashMap<>();
    private final List<ClientOp> logged = new ArrayList<>();
    private final Set<ClientOp> acknowledgedNotLogged = new LinkedHashSet<>();
    /** Wrong results found by this replay; dropped with it when it starts over. */
    private ViolationList results = new ViolationList();

    /** The lowest known slot (-1 while none), the next slot to replay, and how many slots are known. */
    private long base = -1;
    private long next;
    private long known;

    /** {@code slots} gives the command of a known slot, or null. */
    LogReplay(ClientHistory history, LongFunction<Command> slots) {
        this.history = history;
        this.slots = slots;
    }

    /** A slot's command became known at event {@code seq}. */
    void slotKnown(long slot, long seq) {
        known++;
        if (base < 0 || slot < base) {
            startOver(slot);
        }
        for (Command cmd = slots.apply(next); cmd != null; cmd = slots.apply(next)) {
            replay(next, cmd, seq);
            next++;
        }
    }

    /** A client got an answer or gave up: checks an answer against the replay. */
    void returned(ClientOp op, long seq) {
        if (!op.acknowledged()) {
            acknowledgedNotLogged.remove(op);
        } else if (op.inLog()) {
            checkResult(op, seq);
        } else {
            acknowledgedNotLogged.add(op);
        }
    }

    /** Adds wrong results, and acknowledged writes missing from a log without holes. */
    /** Whether every acknowledged operation sits in the replayed log, so the log's order can linearize them all. */
    boolean coversAcknowledged() {
        return acknowledgedNotLogged.isEmpty();
    }

    void report(ViolationList out, List<String> notes) {
        out.addAll(results);
        if (base > 0) {
            notes.add("no slot below " + base + " is known, so the log was replayed from slot " + base);
        }
        // As the reference does: a write missing from a log with a hole may sit in the hole.
        if (known > next - Math.max(base, 0)) {
            return;
        }
        String where = base < 0 ? "the log is empty" : "slots " + base + " to " + (next - 1);
        for (ClientOp op : acknowledgedNotLogged) {
            if (op.invoked != null && op.invoked.type() != OpType.GET) {
                out.add(Violation.atKey(Violation.DURABILITY, op.returnSeq, op.invoked.key(),
                        op.invoked + " was acknowledged but is not in the agreed log (" + where + ")"));
            }
        }
    }

    private void startOver(long slot) {
        for (ClientOp op : logged) {
            op.logged = null;
            op.slot = -1;
            op.loggedAtSeq = -1;
            if (op.acknowledged()) {
                acknowledgedNotLogged.add(op);
            }
        }
        logged.clear();
        results = new ViolationList();
        spec = new KvSpec(new ValueTable());
        valueByKey.clear();
        lastSeqByClient.clear();
        base = slot;
        next = slot;
    }

    /** Runs a slot's command unless it is a no-op or its client already has it or a later one. */
    private void replay(long slot, Command cmd, long seq) {
        if (cmd.isNoop()) {
            return;
        }
        ClientOp op = history.getOrCreate(cmd);
        Long lastSeq = lastSeqByClient.get(cmd.client());
        if (op.inLog() || (lastSeq != null && lastSeq >= cmd.seq())) {
            return;
        }
        int before = valueByKey.getOrDefault(cmd.key(), ValueTable.MISSING);
        valueByKey.put(cmd.key(), spec.next(before, spec.compile(cmd, null)));
        lastSeqByClient.put(cmd.client(), cmd.seq());
        op.logged = cmd;
        op.slot = slot;
        op.loggedAtSeq = seq;
        op.valueBefore = before;
        logged.add(op);
        acknowledgedNotLogged.remove(op);
        if (op.acknowledged()) {
            checkResult(op, seq);
        }
    }

    private void checkResult(ClientOp op, long seq) {
        if (!KvSpec.matches(op.valueBefore, spec.compile(op.logged, op.result))) {
            results.add(new Violation(Violation.RESULT,
                    op.logged + " returned " + KvSpec.describe(op.logged, op.result) + " but the agreed log gives "
                            + spec.expected(op.valueBefore, op.logged) + " (slot " + op.slot + ")",
                    seq, op.slot, op.logged.key()));
        }
    }
}
