package paxosviz.viewstate;

import java.util.ArrayList;
import java.util.List;

import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/**
 * The events of a trace that tell one slot's story, kept as they are offered in trace order:
 * the accepts, learns and applies of that slot, every promise and election (a promise covers
 * all slots), snapshot installs that cover it, restarts that erased a node's acceptor, and the
 * promise messages leaders received. That is a few dozen events for a slot of a long trace, so
 * a report up to any point folds them anew.
 */
public final class SlotHistory {

    private final long slot;
    private final int quorum;
    private final List<TraceEvent> kept = new ArrayList<>();
    private long lastSeq = Long.MIN_VALUE;

    public SlotHistory(long slot, int nodes) {
        this.slot = slot;
        this.quorum = nodes / 2 + 1;
    }

    /** Keeps the event if it tells something about this slot; returns whether it did. An event not after the last one offered is ignored. */
    public boolean offer(TraceEvent event) {
        if (event.seq() <= lastSeq) {
            return false;
        }
        lastSeq = event.seq();
        if (relevant(event.body())) {
            kept.add(event);
            return true;
        }
        return false;
    }

    /** Offers the events {@code later} kept, which came after this history's own (live events that came during a scan). */
    public void append(SlotHistory later) {
        later.kept.forEach(this::offer);
    }

    /** Whether an event with a seq in ({@code after}, {@code upto}] is kept: moving the point shown across it changes the report. */
    public boolean keepsBetween(long after, long upto) {
        int low = 0;
        int high = kept.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (kept.get(mid).seq() <= after) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < kept.size() && kept.get(low).seq() <= upto;
    }

    private boolean relevant(EventBody body) {
        if (body instanceof EventBody.NodeStep step) {
            NodeEvent event = step.event();
            return event instanceof NodeEvent.Promised || event instanceof NodeEvent.ElectionStarted
                    || event instanceof NodeEvent.LeaderElected
                    || event instanceof NodeEvent.Accepted accepted && accepted.slot() == slot
                    || event instanceof NodeEvent.Chosen chosen && chosen.slot() == slot
                    || event instanceof NodeEvent.Applied applied && applied.slot() == slot
                    || event instanceof NodeEvent.SnapshotInstalled installed && installed.upTo() >= slot;
        }
        return body instanceof EventBody.Deliver deliver && "promise".equals(deliver.msg().kind())
                || body instanceof EventBody.Restart restart && restart.amnesia();
    }

    /** What the kept events with a seq up to {@code uptoSeq} say. */
    public SlotReport report(long uptoSeq) {
        Folded folded = new Folded();
        for (TraceEvent event : kept) {
            if (event.seq() > uptoSeq) {
                break;
            }
            folded.add(event);
        }
        List<SlotReport.BallotCount> counts = QuorumTally.count(folded.accepts, quorum);
        double chosenAt = folded.learned.isEmpty() ? Double.POSITIVE_INFINITY : folded.learned.get(0).t();
        List<SlotReport.Promise> promises = folded.promises.stream().filter(p -> p.t() <= chosenAt).toList();
        PhaseOneReasoner reasoner = new PhaseOneReasoner(slot, quorum, folded.steps, folded.promiseDeliveries);
        List<PhaseOne> phaseOnes = counts.stream().map(count -> reasoner.explain(count.ballot())).toList();
        return new SlotReport(slot, quorum, promises, folded.accepts, counts, folded.learned, folded.applied, folded.installs,
                phaseOnes);
    }

    /** The kept events up to a point, sorted by what they say. */
    private static final class Folded {
        final List<SlotReport.Promise> promises = new ArrayList<>();
        final List<SlotReport.Accept> accepts = new ArrayList<>();
        final List<SlotReport.Learned> learned = new ArrayList<>();
        final List<SlotReport.Learned> applied = new ArrayList<>();
        final List<SlotReport.Installed> installs = new ArrayList<>();
        /** Every node step and amnesia restart kept, in order (the reasoner needs elections and the leader's own accepts). */
        final List<TraceEvent> steps = new ArrayList<>();
        final List<TraceEvent> promiseDeliveries = new ArrayList<>();

        void add(TraceEvent event) {
            if (event.body() instanceof EventBody.Deliver) {
                promiseDeliveries.add(event);
                return;
            }
            if (event.body() instanceof EventBody.Restart) {
                steps.add(event);
                return;
            }
            EventBody.NodeStep step = (EventBody.NodeStep) event.body();
            steps.add(event);
            int node = step.node();
            double t = event.t();
            NodeEvent what = step.event();
            if (what instanceof NodeEvent.Promised p) {
                promises.add(new SlotReport.Promise(node, t, p.ballot()));
            } else if (what instanceof NodeEvent.Accepted a) {
                accepts.add(new SlotReport.Accept(node, t, a.ballot(), a.cmd()));
            } else if (what instanceof NodeEvent.Chosen c) {
                learned.add(new SlotReport.Learned(node, t, c.cmd()));
            } else if (what instanceof NodeEvent.Applied a) {
                applied.add(new SlotReport.Learned(node, t, a.cmd()));
            } else if (what instanceof NodeEvent.SnapshotInstalled s) {
                installs.add(new SlotReport.Installed(node, t, s.upTo(), s.from()));
            }
        }
    }
}
