package paxosviz.core;

import java.util.Locale;

/** The kinds of command a slot can hold: the four client operations and a leader's filler. */
public enum OpType {
    NOOP, PUT, GET, APPEND, CAS;

    /** Computed once: traces write and read a wire name for every command. */
    private final String wireName = name().toLowerCase(Locale.ROOT);
    private static final OpType[] ALL = values();

    /** The lower-case name used on the wire and in traces. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; returns null for an unknown one so callers can report it in context. */
    public static OpType fromWireName(String name) {
        for (OpType type : ALL) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
