package paxosviz.trace.model;

/** A consumer of the event stream: the trace writer, the checker, the views, the metrics. */
@FunctionalInterface
public interface TraceSink {

    void accept(TraceEvent event);
}
