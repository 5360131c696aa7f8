package paxosviz.runtime;

/**
 * A runtime's agenda: entries ordered by time, then by the order they were scheduled, so that
 * equal times never depend on anything but the schedule itself. A binary heap over parallel
 * arrays, because the simulator spends much of its time here. Not thread-safe.
 */
public final class Agenda<T> {

    private long[] times = new long[1024];
    private long[] orders = new long[1024];
    private Object[] actions = new Object[1024];
    private int size;
    private long nextOrder;

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public long peekTime() {
        return times[0];
    }

    public void add(long time, T action) {
        if (size == times.length) {
            grow();
        }
        int i = size++;
        long order = nextOrder++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, order, times[parent], orders[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, time, order, action);
    }

    /** Removes and returns the earliest entry; its time is {@link #peekTime()} before the call. */
    @SuppressWarnings("unchecked")
    public T poll() {
        T first = (T) actions[0];
        int last = --size;
        long time = times[last];
        long order = orders[last];
        Object action = actions[last];
        actions[last] = null;
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(times[right], orders[right], times[child], orders[child])) {
                child = right;
            }
            if (!before(times[child], orders[child], time, order)) {
                break;
            }
            move(child, i);
            i = child;
        }
        if (size > 0) {
            set(i, time, order, action);
        }
        return first;
    }

    private static boolean before(long timeA, long orderA, long timeB, long orderB) {
        return timeA < timeB || (timeA == timeB && orderA < orderB);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        orders[to] = orders[from];
        actions[to] = actions[from];
    }

    private void set(int i, long time, long order, Object action) {
        times[i] = time;
        orders[i] = order;
        actions[i] = action;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = java.util.Arrays.copyOf(times, capacity);
        orders = java.util.Arrays.copyOf(orders, capacity);
        actions = java.util.Arrays.copyOf(actions, capacity);
    }
}
