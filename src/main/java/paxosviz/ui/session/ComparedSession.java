package paxosviz.ui.session;

import paxosviz.viewstate.ViewState;

/**
 * One side of a comparison: its own cluster's state, clock and checker, and controls that reach
 * both clusters ({@link ComparedControls}), so a link cut or a node crashed on either picture
 * happens on both.
 */
public final class ComparedSession implements Session {

    private final LiveSession session;
    private LiveControls controls;

    ComparedSession(LiveSession session) {
        this.session = session;
    }

    /** Pairs the two sides' controls; once, before either is shown. */
    static void pair(ComparedSession left, ComparedSession right) {
        left.controls = new ComparedControls(left.session, right.session);
        right.controls = new ComparedControls(right.session, left.session);
    }

    @Override
    public SessionInfo info() {
        return session.info();
    }

    @Override
    public Frame frame() {
        return session.frame();
    }

    @Override
    public ViewState state() {
        return session.state();
    }

    @Override
    public double nowMillis() {
        return session.nowMillis();
    }

    @Override
    public Safety safety() {
        return session.safety();
    }

    @Override
    public LiveControls live() {
        return controls;
    }

    @Override
    public ReplaySession replay() {
        return null;
    }

    @Override
    public void close() {
        session.close();
    }
}
