package paxosviz.trace.json;

import paxosviz.core.SnapshotData;

/**
 * A snapshot read back from a trace. Traces record a snapshot's size, not its state, so this
 * one can be drawn but not restored into a state machine.
 */
public record TracedSnapshot(int size) implements SnapshotData {

    /** Always false: the state was not written to the trace. */
    public boolean restorable() {
        return false;
    }

    @Override
    public String toString() {
        return "snapshot of " + size + " entries (from a trace, not restorable)";
    }
}
