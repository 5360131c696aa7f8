package paxosviz.check;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The operations a linearizability search has placed so far, in a short exact form for its
 * memo. Operations with a known outcome are numbered in call order; every one below the first
 * not yet placed is placed, so the key stores only that index and the window above it, whose
 * width is bounded by how many operations overlap. Operations with an unknown outcome may stay
 * unplaced for ever, so they have their own numbering and bits, kept apart from the key.
 */
final class LinearizedSet {

    /** A value with the placed known-outcome operations. */
    static final class Key {
        private final long[] words;
        private final int hash;

        private Key(long[] words) {
            this.words = words;
            this.hash = Arrays.hashCode(words);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && hash == ((Key) other).hash && Arrays.equals(words, ((Key) other).words);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final long[] NONE = new long[0];

    private final BitSet known = new BitSet();
    private final BitSet unknown = new BitSet();
    /** The lowest known-outcome index not placed. */
    private int firstOut;

    void add(boolean knownOutcome, int index) {
        if (!knownOutcome) {
            unknown.set(index);
            return;
        }
        known.set(index);
        if (index == firstOut) {
            firstOut = known.nextClearBit(firstOut);
        }
    }

    void remove(boolean knownOutcome, int index) {
        if (!knownOutcome) {
            unknown.clear(index);
            return;
        }
        known.clear(index);
        firstOut = Math.min(firstOut, index);
    }

    /** The value {@code state} with the placed known-outcome operations. */
    Key key(int state) {
        long[] window = known.get(firstOut, Math.max(firstOut, known.length())).toLongArray();
        long[] words = new long[2 + window.length];
        words[0] = state;
        words[1] = firstOut;
        System.arraycopy(window, 0, words, 2, window.length);
        return new Key(words);
    }

    /** The placed unknown-outcome operations as bits, without trailing zero words. */
    long[] unknownPlaced() {
        return unknown.isEmpty() ? NONE : unknown.toLongArray();
    }
}
