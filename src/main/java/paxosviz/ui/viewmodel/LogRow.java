package paxosviz.ui.viewmodel;

/**
 * One node's row of the log view: a state byte and the accepted ballot for each slot. Chunks
 * are allocated as slots fill and released once a snapshot covers them (a compacted slot needs
 * nothing but the snapshot's bound), so a row costs five bytes per slot of its uncompacted tail.
 * Slots are never negative.
 */
final class LogRow {

    private byte[][] states = new byte[8][];
    private int[][] ballots = new int[8][];
    /** Slots at or below this are inside the node's snapshot. */
    private long compactedUpTo = -1;
    /** Chunks below this index have been released. */
    private int releasedBelow;
    private boolean up = true;

    SlotState state(long slot) {
        if (slot <= compactedUpTo) {
            return SlotState.COMPACTED;
        }
        int index = Chunks.index(slot);
        byte[] chunk = index < states.length ? states[index] : null;
        return chunk == null ? SlotState.EMPTY : SlotState.of(chunk[Chunks.offset(slot)]);
    }

    /** The ballot under which the node accepted the slot, or {@link PackedBallot#NONE}. */
    int ballot(long slot) {
        int index = Chunks.index(slot);
        int[] chunk = slot > compactedUpTo && index < ballots.length ? ballots[index] : null;
        return chunk == null ? PackedBallot.NONE : chunk[Chunks.offset(slot)];
    }

    long compactedUpTo() {
        return compactedUpTo;
    }

    boolean isUp() {
        return up;
    }

    /** The acceptor accepted the slot under {@code ballot}; what it knew chosen stays chosen. */
    void accept(long slot, int ballot) {
        if (slot <= compactedUpTo) {
            return;
        }
        allocate(slot);
        int index = Chunks.index(slot);
        int offset = Chunks.offset(slot);
        raise(states[index], offset, SlotState.ACCEPTED);
        ballots[index][offset] = ballot;
    }

    /** The node learned the slot chosen, or applied it. */
    void learn(long slot, SlotState state) {
        if (slot <= compactedUpTo) {
            return;
        }
        allocate(slot);
        raise(states[Chunks.index(slot)], Chunks.offset(slot), state);
    }

    private static void raise(byte[] chunk, int offset, SlotState state) {
        if (chunk[offset] < state.code()) {
            chunk[offset] = state.code();
        }
    }

    /** A snapshot through {@code upTo} was taken or installed: the row jumps to it. */
    void compact(long upTo) {
        if (upTo <= compactedUpTo) {
            return;
        }
        compactedUpTo = upTo;
        int coveredChunks = Chunks.index(upTo + 1);
        for (int index = releasedBelow; index < Math.min(coveredChunks, states.length); index++) {
            states[index] = null;
            ballots[index] = null;
        }
        releasedBelow = Math.max(releasedBelow, coveredChunks);
    }

    void crash() {
        up = false;
    }

    /**
     * The node came back from its durable state: its snapshot through {@code restoredUpTo} and
     * what its acceptor accepted. What it knew chosen or applied above the snapshot was in
     * memory and is gone, so those slots fall back to accepted (or empty). With amnesia the
     * durable state was erased too.
     */
    void restart(long restoredUpTo, boolean amnesia) {
        up = true;
        if (amnesia) {
            states = new byte[8][];
            ballots = new int[8][];
            compactedUpTo = restoredUpTo;
            releasedBelow = 0;
            return;
        }
        compact(restoredUpTo);
        for (int index = releasedBelow; index < states.length; index++) {
            if (states[index] != null) {
                forgetVolatile(states[index], ballots[index]);
            }
        }
    }

    private static void forgetVolatile(byte[] states, int[] ballots) {
        for (int offset = 0; offset < states.length; offset++) {
            SlotState state = SlotState.of(states[offset]);
            if (state == SlotState.CHOSEN || state == SlotState.APPLIED) {
                SlotState durable = ballots[offset] != PackedBallot.NONE ? SlotState.ACCEPTED : SlotState.EMPTY;
                states[offset] = durable.code();
            }
        }
    }

    private void allocate(long slot) {
        int index = Chunks.index(slot);
        states = Chunks.fit(states, index);
        ballots = Chunks.fit(ballots, index);
        if (states[index] == null) {
            states[index] = new byte[Chunks.SIZE];
            ballots[index] = new int[Chunks.SIZE];
        }
    }

    /** Bytes held by this row's arrays. */
    long footprintBytes() {
        long bytes = Chunks.outerBytes(states) + Chunks.outerBytes(ballots);
        for (byte[] chunk : states) {
            if (chunk != null) {
                bytes += 2 * Chunks.ARRAY_HEADER_BYTES + Chunks.SIZE * (Byte.BYTES + Integer.BYTES);
            }
        }
        return bytes;
    }
}
