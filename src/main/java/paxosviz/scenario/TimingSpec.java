package paxosviz.scenario;

/** Protocol timers in milliseconds. */
public record TimingSpec(double heartbeatMs, double electionMinMs, double electionMaxMs) {

    public static final TimingSpec DEFAULT = new TimingSpec(50, 150, 300);
}
