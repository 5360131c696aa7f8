package paxosviz.core;

/** An immutable image of a state machine, opaque to the protocol. */
public interface SnapshotData {

    /** A rough size (entries) for display and traces. */
    int size();
}
