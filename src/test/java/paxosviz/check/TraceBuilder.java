package paxosviz.check;

import java.util.ArrayList;
import java.util.List;

import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;

/** Builds a synthetic trace: each added event gets the next seq (and that seq as its time). */
final class TraceBuilder {

    private final int nodes;
    private final List<TraceEvent> events = new ArrayList<>();
    private long seq;
    private long nextSlot;

    TraceBuilder(int nodes) {
        this.nodes = nodes;
    }

    TraceBuilder add(EventBody body) {
        seq++;
        events.add(new TraceEvent(seq, seq, body));
        return this;
    }

    /** The seq of the last event added. */
    long seq() {
        return seq;
    }

    TraceBuilder invoke(Command op) {
        return add(new EventBody.Invoke(op.client(), op));
    }

    TraceBuilder ok(Command op, Result result) {
        return add(new EventBody.Return(op.client(), op, Outcome.OK, result));
    }

    TraceBuilder done(Command op) {
        return ok(op, Result.of(op.type()));
    }

    TraceBuilder read(Command get, String value) {
        return ok(get, Result.read(value));
    }

    TraceBuilder timeout(Command op) {
        return add(new EventBody.Return(op.client(), op, Outcome.TIMEOUT, null));
    }

    TraceBuilder chosen(int node, long slot, Command cmd) {
        return add(new EventBody.NodeStep(node, new NodeEvent.Chosen(slot, cmd)));
    }

    TraceBuilder apply(int node, long slot, Command cmd) {
        return add(new EventBody.NodeStep(node, new NodeEvent.Applied(slot, cmd, Result.of(cmd.type()))));
    }

    TraceBuilder install(int node, long upTo, int from) {
        return add(new EventBody.NodeStep(node, new NodeEvent.SnapshotInstalled(upTo, from)));
    }

    TraceBuilder snapshot(int node, long upTo) {
        return add(new EventBody.NodeStep(node, new NodeEvent.SnapshotTaken(upTo)));
    }

    TraceBuilder crash(int node) {
        return add(new EventBody.Crash(node));
    }

    TraceBuilder restart(int node, long restoredUpTo) {
        return add(new EventBody.Restart(node, restoredUpTo, false));
    }

    /** The next slot is chosen as {@code cmd} at node 0 and applied at every node. */
    TraceBuilder commit(Command cmd) {
        long slot = nextSlot++;
        chosen(0, slot, cmd);
        for (int node = 0; node < nodes; node++) {
            apply(node, slot, cmd);
        }
        return this;
    }

    /** Invoked, committed in the next slot and acknowledged with {@code result}. */
    TraceBuilder run(Command op, Result result) {
        return invoke(op).commit(op).ok(op, result);
    }

    TraceBuilder end(EventBody.NodeEnd... states) {
        return add(new EventBody.End(List.of(states)));
    }

    List<TraceEvent> events() {
        return events;
    }

    Checker feed() {
        Checker checker = new Checker(nodes);
        events.forEach(checker::accept);
        return checker;
    }

    CheckReport check() {
        return feed().report();
    }
}
