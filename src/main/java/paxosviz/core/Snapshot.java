package paxosviz.core;

/** A state-machine image that includes every slot through {@code upTo}. */
public record Snapshot(long upTo, SnapshotData data) {
}
