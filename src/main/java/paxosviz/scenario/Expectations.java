package paxosviz.scenario;

/** What a run must show; a null field is not required. */
public record Expectations(Boolean agreement, Boolean linearizable, Boolean converged, Integer minAcknowledged) {

    public static final Expectations NONE = new Expectations(null, null, null, null);
}
