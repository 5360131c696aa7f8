package paxosviz.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import paxosviz.core.Command;
import paxosviz.core.Result;
import paxosviz.trace.model.Outcome;

/**
 * The client side of the trace: every operation by client and seq, grouped by key and kept in
 * invoke and in return order. As the reference checker does, the first invoke of an operation
 * counts and its latest return counts.
 */
final class ClientHistory {

    /** One key's operations in invoke order, and a version that changes with any of them. */
    static final class KeyHistory {
        final List<ClientOp> ops = new ArrayList<>();
        long version;
    }

    // By client, then seq: OpId's record hash collides for clients named c0, c1, ... (31 * h + seq).
    private final Map<String, Map<Long, ClientOp>> byClient = new HashMap<>();
    private final Map<String, KeyHistory> byKey = new LinkedHashMap<>();
    private final List<ClientOp> invokeOrder = new ArrayList<>();
    /** One return event. */
    record Returned(long seq, ClientOp op) {
        /** Whether this is the operation's latest return, the one that counts. */
        boolean latest() {
            return op.returnSeq == seq;
        }
    }

    private final List<Returned> returnOrder = new ArrayList<>();
    private final Set<ClientOp> acknowledgedUninvoked = new LinkedHashSet<>();
    private long acknowledged;

    /** The record of the operation {@code cmd} names, made on first mention. */
    ClientOp getOrCreate(Command cmd) {
        return byClient.computeIfAbsent(cmd.client(), c -> new HashMap<>())
                .computeIfAbsent(cmd.seq(), seq -> new ClientOp());
    }

    /** Records an invoke; returns the operation, or null when an earlier invoke already named it. */
    ClientOp invoke(long seq, Command cmd) {
        ClientOp op = getOrCreate(cmd);
        if (op.invoked != null) {
            return null;
        }
        op.invoked = cmd;
        op.invokeSeq = seq;
        acknowledgedUninvoked.remove(op);
        invokeOrder.add(op);
        KeyHistory key = byKey.computeIfAbsent(cmd.key(), k -> new KeyHistory());
        key.ops.add(op);
        key.version++;
        return op;
    }

    /** Records a return, replacing any earlier one for the same operation. */
    ClientOp returned(long seq, Command cmd, Outcome outcome, Result result) {
        ClientOp op = getOrCreate(cmd);
        if (op.acknowledged()) {
            acknowledged--;
        }
        op.returned = cmd;
        op.returnSeq = seq;
        op.outcome = outcome;
        op.result = result;
        returnOrder.add(new Returned(seq, op));
        if (op.acknowledged()) {
            acknowledged++;
        }
        if (op.invoked == null) {
            if (op.acknowledged()) {
                acknowledgedUninvoked.add(op);
            } else {
                acknowledgedUninvoked.remove(op);
            }
        } else {
            byKey.get(op.invoked.key()).version++;
        }
        return op;
    }

    /** Operations whose latest return is {@code ok}. */
    long acknowledged() {
        return acknowledged;
    }

    /** Invoked operations in trace order. */
    List<ClientOp> inInvokeOrder() {
        return invokeOrder;
    }

    /** Returns in trace order: an operation returned twice is listed at each return. */
    List<Returned> inReturnOrder() {
        return returnOrder;
    }

    Map<String, KeyHistory> byKey() {
        return byKey;
    }

    /** Acknowledged operations that no invoke named. */
    Collection<ClientOp> acknowledgedUninvoked() {
        return acknowledgedUninvoked;
    }
}
