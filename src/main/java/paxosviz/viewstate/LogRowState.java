package paxosviz.viewstate;

import java.util.Arrays;

/**
 * One node's log: for every slot, what it accepted (durable) and what it learned chosen or
 * applied (volatile: a restart takes it back), and the slot through which it compacted into a
 * snapshot. Chunks are allocated as slots fill, released once a snapshot covers them, and
 * shared with copies until one side writes (see {@link LogChunk}).
 */
final class LogRowState {

    private LogChunk[] chunks;
    private Object owner = new Object();
    /** Slots at or below this are inside the node's snapshot. */
    private long compactedUpTo = -1;
    /** Chunks below this index have been released. */
    private int releasedBelow;
    private boolean up = true;

    LogRowState() {
        chunks = new LogChunk[8];
    }

    private LogRowState(LogRowState from) {
        chunks = from.chunks.clone();
        compactedUpTo = from.compactedUpTo;
        releasedBelow = from.releasedBelow;
        up = from.up;
    }

    /** A copy; from now on neither this row nor the copy writes into a chunk they share. */
    LogRowState copy() {
        owner = new Object();
        return new LogRowState(this);
    }

    // ---------------------------------------------------------------- reads

    SlotState state(long slot) {
        if (slot <= compactedUpTo) {
            return SlotState.COMPACTED;
        }
        LogChunk chunk = chunk(slot);
        return chunk == null ? SlotState.EMPTY : SlotState.of(chunk.states[Chunks.offset(slot)]);
    }

    /** The packed ballot under which the node accepted the slot, or {@link PackedBallot#NONE}. */
    int ballot(long slot) {
        LogChunk chunk = slot > compactedUpTo ? chunk(slot) : null;
        return chunk == null ? PackedBallot.NONE : chunk.ballots[Chunks.offset(slot)];
    }

    /** The number of the command the node accepted for the slot, or {@link CommandTable#NONE}. */
    int accepted(long slot) {
        LogChunk chunk = slot > compactedUpTo ? chunk(slot) : null;
        return chunk == null ? CommandTable.NONE : chunk.accepted[Chunks.offset(slot)];
    }

    /** The number of the command the node learned chosen or applied for the slot, or {@link CommandTable#NONE}. */
    int learned(long slot) {
        LogChunk chunk = slot > compactedUpTo ? chunk(slot) : null;
        return chunk == null ? CommandTable.NONE : chunk.learned[Chunks.offset(slot)];
    }

    long compactedUpTo() {
        return compactedUpTo;
    }

    boolean isUp() {
        return up;
    }

    private LogChunk chunk(long slot) {
        int index = Chunks.index(slot);
        return index < chunks.length ? chunks[index] : null;
    }

    // ---------------------------------------------------------------- writes

    /** The acceptor accepted {@code cmd} under {@code ballot}; what it knew chosen stays chosen. */
    void accept(long slot, int ballot, int cmd) {
        if (slot <= compactedUpTo) {
            return;
        }
        LogChunk chunk = writable(slot);
        int offset = Chunks.offset(slot);
        raise(chunk, offset, SlotState.ACCEPTED);
        chunk.ballots[offset] = ballot;
        chunk.accepted[offset] = cmd;
    }

    /** The node learned {@code cmd} chosen for the slot ({@link SlotState#CHOSEN}), or applied it ({@link SlotState#APPLIED}). */
    void learn(long slot, SlotState state, int cmd) {
        if (slot <= compactedUpTo) {
            return;
        }
        LogChunk chunk = writable(slot);
        int offset = Chunks.offset(slot);
        raise(chunk, offset, state);
        chunk.learned[offset] = cmd;
    }

    private static void raise(LogChunk chunk, int offset, SlotState state) {
        if (chunk.states[offset] < state.code()) {
            chunk.states[offset] = state.code();
        }
    }

    /** A snapshot through {@code upTo} was taken or installed: the row jumps to it. */
    void compact(long upTo) {
        if (upTo <= compactedUpTo) {
            return;
        }
        compactedUpTo = upTo;
        int covered = Chunks.index(upTo + 1);
        for (int index = releasedBelow; index < Math.min(covered, chunks.length); index++) {
            chunks[index] = null;
        }
        releasedBelow = Math.max(releasedBelow, covered);
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
            chunks = new LogChunk[8];
            compactedUpTo = restoredUpTo;
            releasedBelow = 0;
            return;
        }
        compact(restoredUpTo);
        for (int index = releasedBelow; index < chunks.length; index++) {
            if (chunks[index] != null && learnedAny(chunks[index])) {
                forgetVolatile(writable(index));
            }
        }
    }

    private static boolean learnedAny(LogChunk chunk) {
        for (byte state : chunk.states) {
            if (state >= SlotState.CHOSEN.code()) {
                return true;
            }
        }
        return false;
    }

    private static void forgetVolatile(LogChunk chunk) {
        for (int offset = 0; offset < Chunks.SIZE; offset++) {
            SlotState state = SlotState.of(chunk.states[offset]);
            if (state == SlotState.CHOSEN || state == SlotState.APPLIED) {
                SlotState durable = chunk.ballots[offset] != PackedBallot.NONE ? SlotState.ACCEPTED : SlotState.EMPTY;
                chunk.states[offset] = durable.code();
                chunk.learned[offset] = CommandTable.NONE;
            }
        }
    }

    private LogChunk writable(long slot) {
        int index = Chunks.index(slot);
        if (index >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(chunks.length * 2, index + 1));
        }
        return writable(index);
    }

    private LogChunk writable(int index) {
        LogChunk chunk = chunks[index];
        if (chunk == null) {
            chunk = new LogChunk(owner);
            chunks[index] = chunk;
        } else if (chunk.owner != owner) {
            chunk = chunk.copyFor(owner);
            chunks[index] = chunk;
        }
        return chunk;
    }

    /** Bytes held by this row's chunks (shared ones counted too). */
    long footprintBytes() {
        long bytes = Chunks.outerBytes(chunks);
        for (LogChunk chunk : chunks) {
            if (chunk != null) {
                bytes += LogChunk.bytes();
            }
        }
        return bytes;
    }
}
