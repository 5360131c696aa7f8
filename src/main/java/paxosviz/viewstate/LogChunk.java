package paxosviz.viewstate;

/**
 * {@link Chunks#SIZE} slots of one node's log: per slot its state, the ballot and command it
 * accepted, and the command it learned chosen (or applied). Copied on write: a chunk belongs
 * to the row whose owner token it carries, and a row that finds another token copies it first,
 * so copies of a view state share every chunk neither of them changed.
 */
final class LogChunk {

    final byte[] states;
    final int[] ballots;
    final int[] accepted;
    final int[] learned;
    final Object owner;

    LogChunk(Object owner) {
        this(owner, new byte[Chunks.SIZE], new int[Chunks.SIZE], new int[Chunks.SIZE], new int[Chunks.SIZE]);
    }

    private LogChunk(Object owner, byte[] states, int[] ballots, int[] accepted, int[] learned) {
        this.owner = owner;
        this.states = states;
        this.ballots = ballots;
        this.accepted = accepted;
        this.learned = learned;
    }

    LogChunk copyFor(Object newOwner) {
        return new LogChunk(newOwner, states.clone(), ballots.clone(), accepted.clone(), learned.clone());
    }

    static long bytes() {
        return 4L * Chunks.ARRAY_HEADER_BYTES + Chunks.SIZE * (1L + 3 * Integer.BYTES);
    }
}
