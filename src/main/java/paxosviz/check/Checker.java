package paxosviz.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceSink;

/**
 * Judges a trace as it streams by: agreement and validity of the log, per-node apply order,
 * client results against the replayed log, durability of acknowledged writes, real-time order,
 * linearizability of each key's client history, and convergence at the end. {@link #accept}
 * does constant work per event (hash lookups); {@link #report} does the sweeping and the
 * linearizability search, and may be called at any time. Not thread-safe: callers synchronize.
 */
public final class Checker implements TraceSink {

    /** Search steps per key before linearizability is left undecided; the reference checker stops at 3,000,000. */
    public static final long DEFAULT_MAX_SEARCH_STEPS = 4_000_000;

    private final int nodes;
    private final ViolationList violations = new ViolationList();
    private final ClientHistory history = new ClientHistory();
    private final AgreedLog log = new AgreedLog(history, violations);
    private final ApplyOrder order;
    private final LinearizabilityCheck linearizability;
    private final TreeSet<Integer> foreignNodes = new TreeSet<>();

    private long eventsSeen;
    private long lastSeq;
    private EventBody.End end;

    public Checker(int nodes) {
        this(nodes, DEFAULT_MAX_SEARCH_STEPS);
    }

    /** A checker whose linearizability search gives up on a key after {@code maxSearchSteps}. */
    public Checker(int nodes, long maxSearchSteps) {
        this.nodes = nodes;
        this.order = new ApplyOrder(nodes, violations);
        this.linearizability = new LinearizabilityCheck(maxSearchSteps);
    }

    @Override
    public void accept(TraceEvent event) {
        long seq = event.seq();
        if (eventsSeen++ > 0 && seq <= lastSeq) {
            violations.add(new Violation(Violation.ORDER,
                    "trace event seq " + seq + " follows seq " + lastSeq + "; seqs must increase", seq, null, null));
        }
        lastSeq = Math.max(lastSeq, seq);
        EventBody body = event.body();
        if (body instanceof EventBody.NodeStep) {
            EventBody.NodeStep step = (EventBody.NodeStep) body;
            noteNode(step.node());
            nodeStep(seq, step.node(), step.event());
        } else if (body instanceof EventBody.Restart) {
            EventBody.Restart restart = (EventBody.Restart) body;
            noteNode(restart.node());
            order.restarted(restart.node(), restart.restoredUpTo());
        } else if (body instanceof EventBody.Invoke) {
            invoke(seq, (EventBody.Invoke) body);
        } else if (body instanceof EventBody.Return) {
            clientReturn(seq, (EventBody.Return) body);
        } else if (body instanceof EventBody.End) {
            end = (EventBody.End) body;
        }
    }

    /** How many violations reading the events found so far (before the sweeps {@link #report} adds): cheap to ask. */
    public long violationsFound() {
        return violations.total();
    }

    /** How many events {@link #accept} has been given. */
    public long eventsSeen() {
        return eventsSeen;
    }

    /** The verdict on every event seen so far, with the linearizability search. */
    public CheckReport report() {
        return report(true);
    }

    /**
     * The verdict on every event seen so far. Without {@code search}, linearizability comes from
     * the agreed log alone, and only when it can: if every acknowledged operation is in the log,
     * returned what replaying the log gives, and the log's order respects real time, then that
     * order is a linearization. Otherwise it is left undecided (null). That costs a sweep, not a
     * search, so a live view can ask every second of a long session.
     */
    public CheckReport report(boolean search) {
        ViolationList all = violations.copy();
        List<String> notes = new ArrayList<>();
        for (ClientOp op : history.acknowledgedUninvoked()) {
            all.add(Violation.atKey(Violation.VALIDITY, op.returnSeq, op.returned.key(),
                    op.returned + " was acknowledged but never invoked"));
        }
        log.reportPending(all, notes);
        RealTimeOrder.check(history, all);
        boolean logContradicts = all.count(Violation.RESULT) > 0 || all.count(Violation.REAL_TIME) > 0;
        Boolean linearizable;
        if (search) {
            linearizable = linearizability.check(history, all, notes);
        } else if (log.coversAcknowledged() && all.count(Violation.DURABILITY) == 0 && !logContradicts) {
            linearizable = true;
        } else {
            linearizable = null;
            notes.add("linearizability not searched: the agreed log does not yet cover every acknowledged operation");
        }
        // As the reference checker does: results or an order that contradict the agreed log rule out linearizability too.
        if (logContradicts) {
            linearizable = false;
        }
        if (!foreignNodes.isEmpty()) {
            notes.add("the trace names nodes " + foreignNodes + " outside 0.." + (nodes - 1));
        }
        notes.addAll(all.omissions());
        return new CheckReport(all.isEmpty(), all.inTraceOrder(), log.slotsKnown(), history.acknowledged(),
                linearizable, converged(notes), notes);
    }

    private void nodeStep(long seq, int node, NodeEvent event) {
        if (event instanceof NodeEvent.Chosen) {
            NodeEvent.Chosen chosen = (NodeEvent.Chosen) event;
            log.chosen(seq, node, chosen.slot(), chosen.cmd());
        } else if (event instanceof NodeEvent.Applied) {
            NodeEvent.Applied applied = (NodeEvent.Applied) event;
            log.applied(seq, node, applied.slot(), applied.cmd());
            order.applied(seq, node, applied.slot());
        } else if (event instanceof NodeEvent.SnapshotInstalled) {
            order.installed(node, ((NodeEvent.SnapshotInstalled) event).upTo());
        }
    }

    private void invoke(long seq, EventBody.Invoke invoke) {
        Command cmd = invoke.op();
        if (cmd == null || cmd.isNoop()) {
            violations.add(new Violation(Violation.VALIDITY, "invoke by " + invoke.client() + " names no operation", seq, null, null));
            return;
        }
        ClientOp op = history.invoke(seq, cmd);
        if (op != null) {
            log.invoked(op, seq);
        }
    }

    private void clientReturn(long seq, EventBody.Return ret) {
        Command cmd = ret.op();
        if (cmd == null || cmd.isNoop()) {
            violations.add(new Violation(Violation.VALIDITY, "return to " + ret.client() + " names no operation", seq, null, null));
            return;
        }
        log.returned(history.returned(seq, cmd, ret.outcome(), ret.result()), seq);
    }

    private Boolean converged(List<String> notes) {
        if (end == null) {
            return null;
        }
        EventBody.NodeEnd first = null;
        boolean same = true;
        for (EventBody.NodeEnd node : end.nodes()) {
            if (!node.up()) {
                continue;
            }
            if (first == null) {
                first = node;
            } else if (node.applied() != first.applied() || !Objects.equals(node.digest(), first.digest())) {
                same = false;
            }
        }
        if (first == null) {
            notes.add("no node was up at the end, so convergence is undecided");
            return null;
        }
        return same;
    }

    private void noteNode(int node) {
        if (node < 0 || node >= nodes) {
            foreignNodes.add(node);
        }
    }
}
