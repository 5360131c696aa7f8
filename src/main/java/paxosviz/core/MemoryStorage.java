package paxosviz.core;

/**
 * Durable state kept in memory, apart from the replica: the host keeps this object when it
 * throws a crashed replica away and hands it to the replica that restarts. Nothing else of
 * the old replica survives.
 */
public final class MemoryStorage implements Storage {

    private Ballot promised = Ballot.ZERO;
    private final SlotMap<AcceptedValue> accepted = new SlotMap<>();
    private long highestAccepted = -1;
    private Snapshot snapshot;
    private long writes;

    @Override
    public Ballot promised() {
        return promised;
    }

    @Override
    public void promise(Ballot ballot) {
        promised = ballot;
        writes++;
    }

    @Override
    public boolean fits(long slot) {
        return slot <= compactedUpTo() || accepted.fits(slot);
    }

    @Override
    public void accept(long slot, Ballot ballot, Command cmd) {
        if (slot <= compactedUpTo()) {
            return;
        }
        accepted.put(slot, new AcceptedValue(ballot, cmd));
        highestAccepted = Math.max(highestAccepted, slot);
        writes++;
    }

    @Override
    public AcceptedValue accepted(long slot) {
        return accepted.get(slot);
    }

    @Override
    public long highestAccepted() {
        return highestAccepted;
    }

    @Override
    public long compactedUpTo() {
        return accepted.base() - 1;
    }

    @Override
    public void compact(long upTo) {
        accepted.discardBelow(upTo + 1);
    }

    @Override
    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        if (this.snapshot == null || snapshot.upTo() > this.snapshot.upTo()) {
            this.snapshot = snapshot;
            writes++;
        }
    }

    /** How many durable writes were made: a figure for the views and benchmarks. */
    public long writes() {
        return writes;
    }
}
