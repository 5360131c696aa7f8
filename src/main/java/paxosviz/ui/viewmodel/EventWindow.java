package paxosviz.ui.viewmodel;

import paxosviz.trace.model.TraceEvent;

/**
 * The most recent events in a ring of fixed size: adding to a full window forgets the oldest.
 * Events come in increasing seq, so one is found by binary search.
 */
final class EventWindow {

    private final TraceEvent[] ring;
    private int oldest;
    private int size;

    EventWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        ring = new TraceEvent[capacity];
    }

    void add(TraceEvent event) {
        if (size < ring.length) {
            ring[(oldest + size) % ring.length] = event;
            size++;
        } else {
            ring[oldest] = event;
            oldest = (oldest + 1) % ring.length;
        }
    }

    void clear() {
        java.util.Arrays.fill(ring, null);
        oldest = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    /** The {@code index}-th event held, 0 being the oldest. */
    TraceEvent get(int index) {
        return ring[(oldest + index) % ring.length];
    }

    /** The seq of the oldest event held; Long.MAX_VALUE while empty, so everything counts as older. */
    long oldestSeq() {
        return size == 0 ? Long.MAX_VALUE : get(0).seq();
    }

    /** The event with this seq, or null if it is not (or no longer) held. */
    TraceEvent find(long seq) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long found = get(middle).seq();
            if (found < seq) {
                low = middle + 1;
            } else if (found > seq) {
                high = middle - 1;
            } else {
                return get(middle);
            }
        }
        return null;
    }
}
