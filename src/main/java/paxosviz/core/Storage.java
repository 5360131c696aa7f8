package paxosviz.core;

/**
 * A replica's durable state: what survives a crash. Writes are synchronous: when a method
 * returns, the state is durable, so a reply sent afterwards never gets ahead of its write.
 */
public interface Storage {

    Ballot promised();

    void promise(Ballot ballot);

    /** Whether a value for {@code slot} can be stored now (a replica far behind must catch up first). */
    boolean fits(long slot);

    void accept(long slot, Ballot ballot, Command cmd);

    /** The value accepted for {@code slot}, or null if none (or discarded by compaction). */
    AcceptedValue accepted(long slot);

    /** The highest slot with an accepted value, or -1. */
    long highestAccepted();

    /** Accepted values at and below this slot are discarded; -1 if none are. */
    long compactedUpTo();

    /** Discards accepted values at and below {@code upTo}: those slots are chosen and in a snapshot. */
    void compact(long upTo);

    /** The latest snapshot, or null. */
    Snapshot snapshot();

    void saveSnapshot(Snapshot snapshot);
}
