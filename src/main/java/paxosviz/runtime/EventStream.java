package paxosviz.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceSink;

/**
 * The one way anything leaves a cluster: stamps each event with the next sequence number and
 * the runtime's time in milliseconds, and hands it to every subscriber in order. Not
 * synchronized: a multi-threaded runtime calls it under its own lock.
 */
public final class EventStream {

    private final List<TraceSink> sinks = new CopyOnWriteArrayList<>();
    private long seq;

    public void subscribe(TraceSink sink) {
        sinks.add(sink);
    }

    public void unsubscribe(TraceSink sink) {
        sinks.remove(sink);
    }

    public void emit(long micros, EventBody body) {
        if (sinks.isEmpty()) {
            seq++;
            return;
        }
        TraceEvent event = new TraceEvent(++seq, micros / 1000.0, body);
        for (TraceSink sink : sinks) {
            sink.accept(event);
        }
    }

    /** Whether anyone listens; a runtime skips building events when nobody does (benchmarks). */
    public boolean active() {
        return !sinks.isEmpty();
    }

    /** The sequence number of the latest event (0 before the first). */
    public long lastSeq() {
        return seq;
    }
}
