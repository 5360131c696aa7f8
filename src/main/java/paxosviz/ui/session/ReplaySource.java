package paxosviz.ui.session;

import java.util.List;

import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;

/** A trace already in memory, to replay: a live session's so far, say. {@code title} names it. */
public record ReplaySource(TraceHeader header, List<TraceEvent> events, String title) {
}
