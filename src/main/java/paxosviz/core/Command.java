package paxosviz.core;

import java.util.Objects;

/**
 * One command for the replicated log: a client operation identified by (client, seq), or the
 * no-op a new leader uses to fill a hole. Fields that an operation does not use are null.
 */
public record Command(String client, long seq, OpType type, String key, String value, String expect) {

    public static final Command NOOP = new Command(null, 0, OpType.NOOP, null, null, null);

    public Command {
        Objects.requireNonNull(type, "type");
        if (type != OpType.NOOP) {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(key, "key");
        }
    }

    public static Command put(String client, long seq, String key, String value) {
        return new Command(client, seq, OpType.PUT, key, value, null);
    }

    public static Command get(String client, long seq, String key) {
        return new Command(client, seq, OpType.GET, key, null, null);
    }

    public static Command append(String client, long seq, String key, String value) {
        return new Command(client, seq, OpType.APPEND, key, value, null);
    }

    public static Command cas(String client, long seq, String key, String expect, String value) {
        return new Command(client, seq, OpType.CAS, key, value, expect);
    }

    public boolean isNoop() {
        return type == OpType.NOOP;
    }

    /** The identity of a client operation; retries keep it. */
    public OpId id() {
        return new OpId(client, seq);
    }

    @Override
    public String toString() {
        if (isNoop()) {
            return "noop";
        }
        StringBuilder text = new StringBuilder().append(client).append('#').append(seq).append(' ')
                .append(type.wireName()).append(' ').append(key);
        if (type == OpType.CAS) {
            text.append(' ').append(expect).append("->").append(value);
        } else if (value != null) {
            text.append('=').append(value);
        }
        return text.toString();
    }
}
