package paxosviz.viewstate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/**
 * Re-tells a leader's phase 1 for one slot from the trace, by the rule the leader follows: for
 * each slot the promises mention, the value known chosen, else the highest-ballot accepted
 * value; a no-op for a hole below the highest slot mentioned; a fresh command above it. The
 * leader counts the promises it received while campaigning (between its {@code elect} and
 * {@code leader} events) and its own acceptor's state, which its accept events tell.
 */
final class PhaseOneReasoner {

    private final long slot;
    private final int quorum;
    private final List<TraceEvent> steps;
    private final List<TraceEvent> promiseDeliveries;

    /** {@code steps}: the slot's kept node steps and amnesia restarts, in order; {@code promiseDeliveries}: promise messages received. */
    PhaseOneReasoner(long slot, int quorum, List<TraceEvent> steps, List<TraceEvent> promiseDeliveries) {
        this.slot = slot;
        this.quorum = quorum;
        this.steps = steps;
        this.promiseDeliveries = promiseDeliveries;
    }

    PhaseOne explain(Ballot ballot) {
        int leader = ballot.node();
        long electSeq = seqOf(leader, new NodeEvent.ElectionStarted(ballot), Long.MIN_VALUE);
        long leaderSeq = seqOf(leader, new NodeEvent.LeaderElected(ballot), firstAcceptSeq(ballot));
        Map<Integer, Message.Promise> heard = new LinkedHashMap<>();
        Map<Integer, Double> heardAt = new LinkedHashMap<>();
        for (TraceEvent event : promiseDeliveries) {
            EventBody.Deliver deliver = (EventBody.Deliver) event.body();
            if (event.seq() > electSeq && event.seq() < leaderSeq && deliver.to().equals(Address.node(leader))
                    && deliver.from() instanceof Address.Node from && deliver.msg().message() instanceof Message.Promise promise
                    && promise.ballot().equals(ballot)) {
                heard.put(from.index(), promise);
                heardAt.put(from.index(), event.t());
            }
        }
        List<PhaseOne.Report> reports = new ArrayList<>();
        reports.add(ownReport(leader, electSeq == Long.MIN_VALUE ? leaderSeq : electSeq));
        heard.forEach((from, promise) -> reports.add(report(from, heardAt.get(from), promise)));
        if (heard.isEmpty() && quorum > 1) {
            return new PhaseOne(ballot, leader, PhaseOne.Outcome.UNREPORTED, reports, null, null, -1);
        }
        PhaseOne.Report best = null;
        // by node, as the leader merges them: on a tie the lower node's vote stays (the same value anyway)
        for (PhaseOne.Report report : reports.stream().sorted(Comparator.comparingInt(PhaseOne.Report::from)).toList()) {
            if (report.reported() && (best == null || stronger(report, best))) {
                best = report;
            }
        }
        if (best != null) {
            PhaseOne.Outcome outcome = best.voteChosen() ? PhaseOne.Outcome.KNOWN_CHOSEN : PhaseOne.Outcome.RE_PROPOSED;
            return new PhaseOne(ballot, leader, outcome, reports, best.voteCmd(), best.voteBallot(), best.from());
        }
        Command proposed = firstAcceptedUnder(ballot);
        boolean hole = proposed != null ? proposed.isNoop() : reports.stream().anyMatch(PhaseOne.Report::laterSlots);
        return new PhaseOne(ballot, leader, hole ? PhaseOne.Outcome.HOLE_NOOP : PhaseOne.Outcome.FREE_CHOICE, reports,
                hole ? Command.NOOP : proposed, null, -1);
    }

    /** As the leader merges votes: a value known chosen beats any accepted one, then the higher ballot wins. */
    private static boolean stronger(PhaseOne.Report a, PhaseOne.Report b) {
        if (a.voteChosen() != b.voteChosen()) {
            return a.voteChosen();
        }
        return a.voteBallot().greaterThan(b.voteBallot());
    }

    private PhaseOne.Report report(int from, double t, Message.Promise promise) {
        Message.Vote vote = null;
        boolean later = false;
        for (Message.Vote each : promise.votes()) {
            if (each.slot() == slot) {
                vote = each;
            }
            later |= each.slot() > slot;
        }
        return vote == null ? new PhaseOne.Report(from, t, null, null, false, later, false)
                : new PhaseOne.Report(from, t, vote.ballot(), vote.cmd(), vote.chosen(), later, false);
    }

    /** The leader's own acceptor before it campaigned: its highest-ballot accept of the slot (it does not say about later slots). */
    private PhaseOne.Report ownReport(int leader, long beforeSeq) {
        NodeEvent.Accepted highest = null;
        double at = Double.NaN;
        for (TraceEvent event : steps) {
            if (event.seq() >= beforeSeq) {
                break;
            }
            if (event.body() instanceof EventBody.Restart restart && restart.node() == leader && restart.amnesia()) {
                highest = null; // it came back with its durable state erased
                at = Double.NaN;
            } else if (event.body() instanceof EventBody.NodeStep step && step.node() == leader
                    && step.event() instanceof NodeEvent.Accepted accepted
                    && (highest == null || accepted.ballot().greaterThan(highest.ballot()))) {
                highest = accepted;
                at = event.t();
            }
        }
        return highest == null ? new PhaseOne.Report(leader, at, null, null, false, false, true)
                : new PhaseOne.Report(leader, at, highest.ballot(), highest.cmd(), false, false, true);
    }

    private long seqOf(int node, NodeEvent wanted, long otherwise) {
        for (TraceEvent event : steps) {
            if (event.body() instanceof EventBody.NodeStep step && step.node() == node && step.event().equals(wanted)) {
                return event.seq();
            }
        }
        return otherwise;
    }

    private long firstAcceptSeq(Ballot ballot) {
        for (TraceEvent event : steps) {
            if (event.body() instanceof EventBody.NodeStep step && step.event() instanceof NodeEvent.Accepted accepted
                    && accepted.ballot().equals(ballot)) {
                return event.seq();
            }
        }
        return Long.MAX_VALUE;
    }

    private Command firstAcceptedUnder(Ballot ballot) {
        for (TraceEvent event : steps) {
            if (event.body() instanceof EventBody.NodeStep step && step.event() instanceof NodeEvent.Accepted accepted
                    && accepted.ballot().equals(ballot)) {
                return accepted.cmd();
            }
        }
        return null;
    }
}
