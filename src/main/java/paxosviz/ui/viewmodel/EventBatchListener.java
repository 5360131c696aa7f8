package paxosviz.ui.viewmodel;

import paxosviz.trace.model.TraceEvent;

/** A view model that follows the event stream: it sees each frame's events, then publishes once. */
public interface EventBatchListener {

    void accept(TraceEvent event);

    /** Called after each frame's batch: publish what changed to the properties the views bind. */
    default void endBatch() {
    }
}
