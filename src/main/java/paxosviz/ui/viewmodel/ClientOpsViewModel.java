package paxosviz.ui.viewmodel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import paxosviz.core.Command;
import paxosviz.core.OpType;
import paxosviz.runtime.ClientSession;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;

/** Sending one operation through a chosen client, and the latest answers clients got. */
public final class ClientOpsViewModel implements EventBatchListener {

    /** How many answers the list keeps. */
    static final int RECENT = 60;

    private final LiveSession session;
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recent);
    /** Answers since the last batch, newest first, formatted only if they make the list. */
    private final ArrayDeque<Answer> fresh = new ArrayDeque<>();

    private record Answer(Command op, Double tookMs, String outcome) {
        String text() {
            return (tookMs == null ? "" : String.format("%.1f ms  ", tookMs)) + op + " → " + outcome;
        }
    }
    private final Map<String, Double> invokedAt = new HashMap<>();

    public ClientOpsViewModel(LiveSession session) {
        this.session = session;
    }

    /** The latest answers, newest first: "12.3 ms  alice#3 put x=1 → done". */
    public ObservableList<String> recent() {
        return recentView;
    }

    /** Hands the operation to the client; it answers through the event stream. Returns an error or null. */
    public String submit(String client, OpType type, String key, String value, String expect) {
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
        ClientSession.Request request = new ClientSession.Request(type, key.strip(), needsValue ? value : null, expected);
        session.command(cluster -> cluster.submit(client.strip(), request));
        return null;
    }

    @Override
    public void accept(TraceEvent event) {
        if (event.body() instanceof EventBody.Invoke invoke) {
            invokedAt.put(invoke.op().id().toString(), event.t());
        } else if (event.body() instanceof EventBody.Return answer) {
            Command op = answer.op();
            Double started = invokedAt.remove(op.id().toString());
            String outcome = answer.outcome() == Outcome.OK ? answer.result().toString() : "timed out";
            fresh.addFirst(new Answer(op, started == null ? null : event.t() - started, outcome));
            while (fresh.size() > RECENT) {
                fresh.removeLast();
            }
        }
    }

    @Override
    public void endBatch() {
        if (fresh.isEmpty()) {
            return;
        }
        List<String> merged = new ArrayList<>(RECENT);
        for (Answer answer : fresh) {
            merged.add(answer.text());
        }
        merged.addAll(recent.subList(0, Math.min(recent.size(), RECENT - fresh.size())));
        fresh.clear();
        recent.setAll(merged);
    }
}
