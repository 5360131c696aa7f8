package paxosviz.viewstate;

import org.HdrHistogram.Histogram;

/** The operations answered in one second of cluster time, and how long each took from invoke to answer. */
final class SecondStats {

    private static final int SIGNIFICANT_DIGITS = 2;

    private final long second;
    private int answered;
    private int timed;
    private double latencySumMs;
    // in microseconds; made at the first latency and grown to the largest: memory stays small however many operations
    private Histogram latencies;

    SecondStats(long second) {
        this.second = second;
    }

    SecondStats copy() {
        SecondStats copy = new SecondStats(second);
        copy.answered = answered;
        copy.timed = timed;
        copy.latencySumMs = latencySumMs;
        copy.latencies = latencies == null ? null : latencies.copy();
        return copy;
    }

    long second() {
        return second;
    }

    /** An operation was answered; {@code latencyMs} is NaN when its invoke was not seen. */
    void answered(double latencyMs) {
        answered++;
        if (Double.isNaN(latencyMs)) {
            return;
        }
        if (latencies == null) {
            latencies = new Histogram(SIGNIFICANT_DIGITS);
        }
        timed++;
        latencySumMs += latencyMs;
        latencies.recordValue(Math.max(0, Math.round(latencyMs * 1000)));
    }

    ChartPoint point() {
        if (timed == 0) {
            return new ChartPoint(second, answered, Double.NaN, Double.NaN);
        }
        return new ChartPoint(second, answered, latencySumMs / timed, latencies.getValueAtPercentile(95) / 1000.0);
    }
}
