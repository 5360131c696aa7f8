package paxosviz.net;

/**
 * The fate of one sent message: dropped (with the reason) or delivered after a delay, and
 * possibly delivered a second time after another delay (a duplicate).
 */
public record Transmission(String dropReason, long delay, long duplicateDelay) {

    public static final String LINK_DOWN = "link-down";
    public static final String RANDOM = "random";
    public static final String CRASHED = "crashed";
    /** Dropped by hand, from the window. */
    public static final String MANUAL = "manual";

    static Transmission dropped(String reason) {
        return new Transmission(reason, -1, -1);
    }

    public boolean dropped() {
        return dropReason != null;
    }

    public boolean duplicated() {
        return duplicateDelay >= 0;
    }
}
