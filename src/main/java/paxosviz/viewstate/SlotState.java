package paxosviz.viewstate;

/**
 * What one node knows of one slot, as the log view draws it. The order matters: a node's
 * knowledge only moves up this list until a crash takes back what was volatile.
 */
public enum SlotState {
    /** Nothing accepted, chosen or applied here. */
    EMPTY,
    /** The acceptor accepted a command under some ballot (durable). */
    ACCEPTED,
    /** The node learned the command chosen for the slot (volatile). */
    CHOSEN,
    /** The node applied the slot to its key-value store (volatile). */
    APPLIED,
    /** The slot lies inside the node's snapshot: its log entry is gone. */
    COMPACTED;

    private static final SlotState[] BY_CODE = values();

    byte code() {
        return (byte) ordinal();
    }

    static SlotState of(byte code) {
        return BY_CODE[code];
    }
}
