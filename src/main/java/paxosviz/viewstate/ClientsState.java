package paxosviz.viewstate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import paxosviz.core.Command;
import paxosviz.core.OpId;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;

/** The clients seen so far, their operations still waiting for an answer, and the latest answers. */
public final class ClientsState {

    /** How many answers are kept. */
    public static final int RECENT = 60;

    /** One answer a client got: its operation, how long it took (NaN if its invoke was not seen), and what came back. */
    public record Answer(Command op, double tookMs, Outcome outcome, Result result) {
    }

    private final LinkedHashSet<String> names;
    private final HashMap<OpId, Double> invokedAt;
    private final ArrayDeque<Answer> recent;
    private long acknowledged;

    ClientsState() {
        names = new LinkedHashSet<>();
        invokedAt = new HashMap<>();
        recent = new ArrayDeque<>();
    }

    private ClientsState(ClientsState from) {
        names = new LinkedHashSet<>(from.names);
        invokedAt = new HashMap<>(from.invokedAt);
        recent = new ArrayDeque<>(from.recent);
        acknowledged = from.acknowledged;
    }

    ClientsState copy() {
        return new ClientsState(this);
    }

    /** The clients seen so far, in order of appearance. */
    public List<String> names() {
        return List.copyOf(names);
    }

    public int count() {
        return names.size();
    }

    /** The latest answers, newest first. */
    public List<Answer> recent() {
        return List.copyOf(recent);
    }

    /** Operations answered ok so far (a retried operation counts each time it is answered). */
    public long acknowledged() {
        return acknowledged;
    }

    /** How many operations wait for an answer. */
    public int outstanding() {
        return invokedAt.size();
    }

    void accept(double t, EventBody body) {
        if (body instanceof EventBody.Invoke invoke) {
            names.add(invoke.client());
            if (invoke.op() != null && !invoke.op().isNoop()) {
                invokedAt.put(invoke.op().id(), t);
            }
        } else if (body instanceof EventBody.Return answer) {
            names.add(answer.client());
            Command op = answer.op();
            Double started = op == null || op.isNoop() ? null : invokedAt.remove(op.id());
            if (answer.outcome() == Outcome.OK) {
                acknowledged++;
            }
            recent.addFirst(new Answer(op, started == null ? Double.NaN : t - started, answer.outcome(), answer.result()));
            while (recent.size() > RECENT) {
                recent.removeLast();
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientsState that && names().equals(that.names()) && invokedAt.equals(that.invokedAt)
                && recent().equals(that.recent()) && acknowledged == that.acknowledged;
    }

    @Override
    public int hashCode() {
        return Objects.hash(names, acknowledged);
    }
}
