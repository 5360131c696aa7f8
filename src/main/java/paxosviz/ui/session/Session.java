package paxosviz.ui.session;

import paxosviz.viewstate.ViewState;

/**
 * What a window shows: a cluster running now ({@link LiveSession}) or a trace played back
 * ({@link ReplaySession}). The view models see only this: they read the folded view state,
 * the clock and the checker's verdict, and act through the live controls when there are any.
 * Everything is called on the FX thread.
 */
public interface Session extends AutoCloseable {

    SessionInfo info();

    /** Once per frame: brings {@link #state()} up to date and says what changed. */
    Frame frame();

    /** What the views show, as of the last frame. */
    ViewState state();

    /** The clock the picture is drawn at, in milliseconds: the cluster's now, or the replay's playhead. */
    double nowMillis();

    /** The checker's verdict so far. */
    Safety safety();

    /** The controls of a running cluster, or null for a replay. */
    LiveControls live();

    /** The replay controls, or null for a live session. */
    ReplaySession replay();

    @Override
    void close();
}
