package paxosviz.ui.control;

/**
 * A stretch of trace time in milliseconds, {@code from} to {@code until} inclusive; the ends
 * may be given either way round and are put in order. A range of length zero is one instant.
 */
public record TimeRange(double from, double until) {

    public TimeRange {
        if (Double.isNaN(from) || Double.isNaN(until)) {
            throw new IllegalArgumentException("a time range needs two times, got " + from + " and " + until);
        }
        if (from > until) {
            double swap = from;
            from = until;
            until = swap;
        }
    }

    public double length() {
        return until - from;
    }

    public boolean contains(double t) {
        return t >= from && t <= until;
    }
}
