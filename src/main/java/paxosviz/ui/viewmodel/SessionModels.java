package paxosviz.ui.viewmodel;

import java.util.List;

/**
 * The view models of one live session. A new cluster (another size, a loaded scenario) gets a
 * fresh set, and the views rebind to it.
 */
public record SessionModels(LiveSession session, ClusterViewModel cluster, ClientOpsViewModel clients,
        SafetyViewModel safety, LogViewModel log, EventLogViewModel events, ChartsViewModel charts) {

    static SessionModels of(LiveSession session) {
        ClusterViewModel cluster = new ClusterViewModel(session);
        SafetyViewModel safety = new SafetyViewModel(session::report);
        return new SessionModels(session, cluster, new ClientOpsViewModel(session), safety,
                new LogViewModel(session.spec().nodes()), new EventLogViewModel(cluster, safety.violationSeqProperty()),
                new ChartsViewModel());
    }

    List<EventBatchListener> listeners() {
        return List.of(cluster, clients, log, events, charts);
    }
}
