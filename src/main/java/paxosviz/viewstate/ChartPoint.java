package paxosviz.viewstate;

/**
 * One second of cluster time on the charts: the operations answered in it (so, operations per
 * second) and the mean and 95th percentile of their latency in ms, NaN when none had a known start.
 */
public record ChartPoint(long second, int answered, double meanMs, double p95Ms) {

    public boolean hasLatency() {
        return !Double.isNaN(meanMs);
    }
}
