package paxosviz.core;

import java.util.Locale;

/** The kinds of command a slot can hold: the four client operations and a leader's filler. */
public enum OpType {
    NOOP, PUT, GET, APPEND, CAS;

    /** The lower-case name used on the wire and in traces. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; returns null for an unknown one so callers can report it in context. */
    public static OpType fromWireName(String name) {
        for (OpType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
