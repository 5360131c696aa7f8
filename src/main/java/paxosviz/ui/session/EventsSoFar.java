package paxosviz.ui.session;

import paxosviz.BadInputException;
import paxosviz.replay.LoadedTrace;
import paxosviz.trace.model.TraceSink;

/**
 * Every event a session has so far, for a scan off the FX thread: a replay's whole trace (held
 * in memory), or a live session's trace read back from its spool. Other sessions have none to
 * offer; their views learn from frames only.
 */
@FunctionalInterface
public interface EventsSoFar {

    /** Feeds the events in trace order to {@code sink}. */
    void read(TraceSink sink) throws BadInputException;

    EventsSoFar NONE = sink -> { };

    /** Call on the FX thread; the reader it returns runs anywhere. */
    static EventsSoFar of(Session session) {
        if (session.replay() != null) {
            LoadedTrace trace = session.replay().trace();
            return sink -> trace.events(0, trace.size()).forEach(sink::accept);
        }
        if (session instanceof LiveSession live) {
            return sink -> live.readTraceSoFar(sink);
        }
        return NONE;
    }
}
