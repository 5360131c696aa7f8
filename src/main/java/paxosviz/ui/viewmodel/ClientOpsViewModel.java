package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import paxosviz.core.OpType;
import paxosviz.trace.model.Outcome;
import paxosviz.ui.session.LiveControls;
import paxosviz.ui.session.Session;
import paxosviz.viewstate.ClientsState;

/** Sending one operation through a chosen client, and the latest answers clients got. */
public final class ClientOpsViewModel {

    private final Session session;
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recent);
    private List<ClientsState.Answer> shown = List.of();

    public ClientOpsViewModel(Session session) {
        this.session = session;
    }

    /** The latest answers, newest first: "12.3 ms  alice#3 put x=1 → done". */
    public ObservableList<String> recent() {
        return recentView;
    }

    /** Hands the operation to the client; it answers through the event stream. Returns an error or null. */
    public String submit(String client, OpType type, String key, String value, String expect) {
        LiveControls controls = session.live();
        if (controls == null) {
            return "This is a replay: fork a live run from here to send operations.";
        }
        if (client == null || client.isBlank()) {
            return "Name the client that sends the operation.";
        }
        if (key == null || key.isBlank()) {
            return "Give a key.";
        }
        boolean needsValue = type == OpType.PUT || type == OpType.APPEND || type == OpType.CAS;
        if (needsValue && (value == null || value.isEmpty())) {
            return "A " + type.wireName() + " needs a value.";
        }
        String expected = type == OpType.CAS && expect != null && !expect.isEmpty() ? expect : null;
        controls.submit(client.strip(), type, key.strip(), needsValue ? value : null, expected);
        return null;
    }

    /** After the session's frame: the answers list follows the state when it changed. */
    public void refresh(boolean changed) {
        if (!changed) {
            return;
        }
        List<ClientsState.Answer> answers = session.state().clients().recent();
        if (answers.equals(shown)) {
            return;
        }
        shown = answers;
        List<String> lines = new ArrayList<>(answers.size());
        for (ClientsState.Answer answer : answers) {
            lines.add(text(answer));
        }
        recent.setAll(lines);
    }

    static String text(ClientsState.Answer answer) {
        String outcome = answer.outcome() == Outcome.OK ? String.valueOf(answer.result()) : "timed out";
        return (Double.isNaN(answer.tookMs()) ? "" : String.format("%.1f ms  ", answer.tookMs())) + answer.op() + " → " + outcome;
    }
}
