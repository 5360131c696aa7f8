package paxosviz.ui.viewmodel;

import java.util.List;

/**
 * The view models of one live session. A new cluster (another size, a loaded scenario) gets a
 * fresh set, and the views rebind to it.
 */
public record SessionModels(LiveSession session, ClusterViewModel cluster, ClientOpsViewModel clients,
        SafetyViewModel safety, LogViewModel log) {

    static SessionModels of(LiveSession session) {
        return new SessionModels(session, new ClusterViewModel(session), new ClientOpsViewModel(session),
                new SafetyViewModel(session::report), new LogViewModel(session.spec().nodes()));
    }

    List<EventBatchListener> listeners() {
        return List.of(cluster, clients, log);
    }
}
