package paxosviz.trace.model;

/** One line of a trace after the header: a strictly increasing {@code seq}, a time in milliseconds, and what happened. */
public record TraceEvent(long seq, double t, EventBody body) {

    public String type() {
        return body.type();
    }
}
