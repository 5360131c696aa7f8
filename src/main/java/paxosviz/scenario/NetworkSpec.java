package paxosviz.scenario;

/** One-way delay range in milliseconds, and drop and duplicate probabilities. */
public record NetworkSpec(double minDelayMs, double maxDelayMs, double drop, double duplicate) {

    public static final NetworkSpec DEFAULT = new NetworkSpec(1, 5, 0, 0);
}
