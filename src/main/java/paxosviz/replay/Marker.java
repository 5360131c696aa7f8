package paxosviz.replay;

/**
 * Something worth jumping to on the timeline: event number {@code index} (from 0) at
 * {@code millis}, of one {@link Kind}, described for a tooltip.
 */
public record Marker(Kind kind, int index, double millis, String label) {

    /** The kinds of marker, in the order the timeline stacks their lanes. */
    public enum Kind {
        BY_HAND("action by hand"), CRASH("crash"), RESTART("restart"), LINK("link change"), PARTITION("partition or heal"),
        LEADER("new leader"), INSTALL("snapshot install"), VIOLATION("violation"), ANSWER("client answer"),
        CAPTION("caption");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
