package paxosviz.net;

/** How a link treats messages: a one-way delay range in microseconds, drop and duplicate probabilities. */
public record LinkParams(long minDelayMicros, long maxDelayMicros, double drop, double duplicate) {

    public LinkParams {
        if (minDelayMicros < 0 || maxDelayMicros < minDelayMicros) {
            throw new IllegalArgumentException("need 0 <= min delay <= max delay");
        }
        if (!(drop >= 0 && drop <= 1) || !(duplicate >= 0 && duplicate <= 1)) {
            throw new IllegalArgumentException("probabilities must be within 0..1");
        }
    }

    public static LinkParams ofMillis(double minMs, double maxMs, double drop, double duplicate) {
        return new LinkParams(Math.round(minMs * 1000), Math.round(maxMs * 1000), drop, duplicate);
    }

    public double minDelayMs() {
        return minDelayMicros / 1000.0;
    }

    public double maxDelayMs() {
        return maxDelayMicros / 1000.0;
    }
}
