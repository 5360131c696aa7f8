package paxosviz.core;

/**
 * Values indexed by slot, for a window of slots that moves forward: a ring buffer that grows
 * as needed. Slots below {@link #base()} have been discarded and read as absent.
 */
public final class SlotMap<V> {

    /**
     * The widest window kept: a replica asked to hold a slot further past its base is far
     * behind and must catch up (by snapshot) first, rather than grow its ring without bound.
     */
    public static final long MAX_SPAN = 1L << 20;

    private Object[] ring = new Object[16];
    private long base;
    private long end;

    public SlotMap() {
        this(0);
    }

    public SlotMap(long base) {
        this.base = base;
        this.end = base;
    }

    /** The lowest slot that may still hold a value. */
    public long base() {
        return base;
    }

    /** One past the highest slot ever stored. */
    public long end() {
        return end;
    }

    /** Whether {@link #put} accepts this slot now. */
    public boolean fits(long slot) {
        return slot >= base && slot - base < MAX_SPAN;
    }

    @SuppressWarnings("unchecked")
    public V get(long slot) {
        if (slot < base || slot >= end) {
            return null;
        }
        return (V) ring[index(slot)];
    }

    public void put(long slot, V value) {
        if (slot < base) {
            throw new IllegalArgumentException("slot " + slot + " is below the base " + base);
        }
        if (slot - base >= MAX_SPAN) {
            throw new IllegalArgumentException("slot " + slot + " is too far past the base " + base + "; check fits() first");
        }
        if (slot - base >= ring.length) {
            grow(slot - base + 1);
        }
        if (slot >= end) {
            for (long s = end; s < slot; s++) {
                ring[index(s)] = null;
            }
            end = slot + 1;
        }
        ring[index(slot)] = value;
    }

    public void remove(long slot) {
        if (slot >= base && slot < end) {
            ring[index(slot)] = null;
        }
    }

    /** Forgets every slot below {@code slot}. */
    public void discardBelow(long slot) {
        if (slot <= base) {
            return;
        }
        for (long s = base, stop = Math.min(slot, end); s < stop; s++) {
            ring[index(s)] = null;
        }
        base = slot;
        end = Math.max(end, base);
    }

    private int index(long slot) {
        return (int) (slot & (ring.length - 1));
    }

    private void grow(long needed) {
        int capacity = ring.length;
        while (capacity < needed) {
            capacity <<= 1;
        }
        Object[] bigger = new Object[capacity];
        for (long s = base; s < end; s++) {
            bigger[(int) (s & (capacity - 1))] = ring[index(s)];
        }
        ring = bigger;
    }
}
