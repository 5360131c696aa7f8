package paxosviz.check;

/**
 * One way a trace breaks a safety property. {@code seq} is the trace event at which the
 * problem became visible (where a viewer should jump); {@code slot} and {@code key} are set
 * when the problem is about one.
 */
public record Violation(String kind, String message, long seq, Long slot, String key) {

    public static final String AGREEMENT = "agreement";
    public static final String VALIDITY = "validity";
    public static final String ORDER = "order";
    public static final String RESULT = "result";
    public static final String DURABILITY = "durability";
    public static final String REAL_TIME = "real-time";
    public static final String LINEARIZABILITY = "linearizability";

    static Violation atSlot(String kind, long seq, long slot, String message) {
        return new Violation(kind, message, seq, slot, null);
    }

    static Violation atKey(String kind, long seq, String key, String message) {
        return new Violation(kind, message, seq, null, key);
    }
}
