package paxosviz.ui.viewmodel;

import paxosviz.ui.session.Frame;
import paxosviz.ui.session.Session;

/**
 * One side of a comparison, as its views see it: the protocol's name (marked when unsafe on
 * purpose), and the cluster picture, log and safety badge of its own session.
 */
public record CompareSide(String title, boolean unsafe, Session session, ClusterViewModel cluster, LogViewModel log,
        SafetyViewModel safety) {

    static CompareSide of(Session session) {
        var info = session.info();
        return new CompareSide(ProtocolNames.title(info.protocol()), info.isUnsafe(),
                session, new ClusterViewModel(session), new LogViewModel(session), new SafetyViewModel(session::safety));
    }

    /** One frame: the session folds what happened, then this side's view models show it. */
    void onFrame() {
        Frame frame = session.frame();
        cluster.refresh(frame.changed());
        log.refresh(frame.changed());
        safety.poll();
    }
}
