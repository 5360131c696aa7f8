package paxosviz.core;

/** A read-only picture of a replica, for the end of a run and for display. */
public record ReplicaStatus(
        Role role,
        Ballot ballot,
        Ballot promised,
        int leader,
        long applied,
        long compactedUpTo,
        long snapshotUpTo,
        String digest) {
}
