package paxosviz.check;

import paxosviz.core.Command;
import paxosviz.core.OpType;
import paxosviz.core.Result;

/**
 * The sequential specification of one key, written apart from the replicas' store: put sets,
 * append concatenates onto the current value (missing is empty), get reads (missing is null),
 * cas sets {@code value} only if the current value equals {@code expect} (null is missing).
 * Values are ids of one {@link ValueTable}; commands are compiled to ids once, so a search that
 * runs a command many times does no string work.
 */
final class KvSpec {

    /**
     * A command with its arguments as value ids, and what its client was told: for a get the
     * value read, for a cas whether it swapped. {@code answered} is false when that is unknown.
     */
    record Op(OpType type, int value, int expect, boolean answered, int read, boolean swapped) {
    }

    private static final int SHOWN_CHARS = 60;

    private final ValueTable values;

    KvSpec(ValueTable values) {
        this.values = values;
    }

    /** Compiles {@code cmd}; {@code returned} is what its client was told, or null if unknown. */
    Op compile(Command cmd, Result returned) {
        String piece = cmd.type() == OpType.APPEND && cmd.value() == null ? "" : cmd.value();
        return new Op(cmd.type(), values.of(piece), values.of(cmd.expect()), returned != null,
                returned == null ? ValueTable.MISSING : values.of(returned.value()), returned != null && returned.ok());
    }

    /** The key's value after {@code op} runs on {@code current}. */
    int next(int current, Op op) {
        switch (op.type()) {
            case PUT:
                return op.value();
            case APPEND:
                return values.append(current, op.value());
            case CAS:
                return current == op.expect() ? op.value() : current;
            default:
                return current;
        }
    }

    /**
     * Whether what the client was told is what {@code op} gives on {@code current}. Put and
     * append always match; so does a get that was told nothing, whose value reads as missing
     * (as the reference checker reads an absent result); a cas told nothing never matches.
     */
    static boolean matches(int current, Op op) {
        if (op.type() == OpType.GET) {
            return op.read() == current;
        }
        if (op.type() == OpType.CAS) {
            return op.answered() && op.swapped() == (current == op.expect());
        }
        return true;
    }

    /** What {@code cmd} gives on {@code current}, in words for a message. */
    String expected(int current, Command cmd) {
        if (cmd.type() == OpType.GET) {
            return "value=" + shorten(values.text(current));
        }
        if (cmd.type() == OpType.CAS) {
            return "ok=" + (current == values.of(cmd.expect()));
        }
        return "done";
    }

    /** What a client was told {@code cmd} gave, in words for a message. */
    static String describe(Command cmd, Result returned) {
        if (returned == null) {
            return "no result";
        }
        if (cmd.type() == OpType.GET) {
            return "value=" + shorten(returned.value());
        }
        if (cmd.type() == OpType.CAS) {
            return "ok=" + returned.ok();
        }
        return "done";
    }

    private static String shorten(String value) {
        if (value == null || value.length() <= SHOWN_CHARS) {
            return value;
        }
        return value.substring(0, SHOWN_CHARS) + "...(" + value.length() + " chars)";
    }
}
