package paxosviz.viewstate;

import java.util.Arrays;

/**
 * Slot-indexed arrays for the log view come in chunks of 4,096 slots: an outer array of chunk
 * references that doubles as slots grow, and chunks allocated only where something happened.
 */
final class Chunks {

    static final int BITS = 12;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;
    /** What an outer array costs per entry (a compressed reference), for footprint counts. */
    static final int REFERENCE_BYTES = 4;
    /** What an array costs besides its elements. */
    static final int ARRAY_HEADER_BYTES = 16;

    private Chunks() {
    }

    static int index(long slot) {
        return (int) (slot >>> BITS);
    }

    static int offset(long slot) {
        return (int) slot & MASK;
    }

    /** {@code outer}, grown if needed so that {@code index} fits. */
    static <T> T[] fit(T[] outer, int index) {
        if (index < outer.length) {
            return outer;
        }
        return Arrays.copyOf(outer, Math.max(outer.length * 2, index + 1));
    }

    static long outerBytes(Object[] outer) {
        return ARRAY_HEADER_BYTES + (long) outer.length * REFERENCE_BYTES;
    }
}
