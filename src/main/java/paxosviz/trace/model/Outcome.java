package paxosviz.trace.model;

import java.util.Locale;

/** How a client operation ended. */
public enum Outcome {
    /** Answered: it took effect once, with the result given. */
    OK,
    /** Never answered: it may or may not have taken effect. */
    TIMEOUT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
