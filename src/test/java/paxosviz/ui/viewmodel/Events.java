package paxosviz.ui.viewmodel;

import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/** Builds trace events with increasing sequence numbers, for feeding view models by hand. */
final class Events {

    private long seq;
    private double t;

    TraceEvent at(double millis, EventBody body) {
        t = millis;
        return new TraceEvent(++seq, t, body);
    }

    TraceEvent next(EventBody body) {
        return new TraceEvent(++seq, t, body);
    }

    TraceEvent node(int node, NodeEvent event) {
        return next(new EventBody.NodeStep(node, event));
    }
}
