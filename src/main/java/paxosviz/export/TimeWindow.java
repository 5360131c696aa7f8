package paxosviz.export;

/** The part of a trace to export, in milliseconds of the trace's clock (inclusive). */
public record TimeWindow(double from, double until) {

    public static final TimeWindow ALL = new TimeWindow(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public boolean contains(double t) {
        return t >= from && t <= until;
    }
}
