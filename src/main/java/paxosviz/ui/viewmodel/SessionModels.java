package paxosviz.ui.viewmodel;

import paxosviz.ui.session.Frame;
import paxosviz.ui.session.Session;

/**
 * The view models of one session. A new session (another cluster, a scenario, a trace) gets a
 * fresh set, and the views rebind to it.
 */
public record SessionModels(Session session, ClusterViewModel cluster, ClientOpsViewModel clients,
        SafetyViewModel safety, LogViewModel log, EventLogViewModel events, ChartsViewModel charts,
        SlotInspectorViewModel inspector, SpaceTimeViewModel spaceTime) {

    static SessionModels of(Session session) {
        ClusterViewModel cluster = new ClusterViewModel(session);
        SafetyViewModel safety = new SafetyViewModel(session::safety);
        EventLogViewModel events = new EventLogViewModel(cluster, safety.violationSeqProperty());
        return new SessionModels(session, cluster, new ClientOpsViewModel(session), safety, new LogViewModel(session),
                events, new ChartsViewModel(session), new SlotInspectorViewModel(session),
                new SpaceTimeViewModel(session, cluster, events));
    }

    /** One frame: the session folds what happened, then every view model shows it. */
    void onFrame() {
        Frame frame = session.frame();
        cluster.refresh(frame.changed());
        log.refresh(frame.changed());
        clients.refresh(frame.changed());
        charts.refresh(frame.changed(), frame.jumped());
        events.refresh(frame, this::history);
        inspector.refresh(frame);
        spaceTime.refresh(frame);
        safety.poll();
    }

    /** In a replay, the events up to the point shown that the event log can hold. */
    private java.util.List<paxosviz.trace.model.TraceEvent> history() {
        var replay = session.replay();
        if (replay == null) {
            return java.util.List.of();
        }
        int to = replay.position();
        return replay.trace().events(Math.max(0, to - EventLogViewModel.CAPACITY), to);
    }

    public boolean isReplay() {
        return session.replay() != null;
    }
}
