package paxosviz.viewstate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import paxosviz.core.Ballot;

/** Counts, ballot by ballot, the distinct acceptors that accepted a slot, in the order they did. */
final class QuorumTally {

    private QuorumTally() {
    }

    /** {@code accepts} in trace order; ballots come out in the order their first accept came. */
    static List<SlotReport.BallotCount> count(List<SlotReport.Accept> accepts, int quorum) {
        Map<Ballot, List<SlotReport.CountStep>> steps = new LinkedHashMap<>();
        Map<Ballot, Set<Integer>> seen = new LinkedHashMap<>();
        for (SlotReport.Accept accept : accepts) {
            // an acceptor may accept the same ballot twice (a retransmitted accept): it counts once
            Set<Integer> acceptors = seen.computeIfAbsent(accept.ballot(), b -> new HashSet<>());
            if (acceptors.add(accept.node())) {
                steps.computeIfAbsent(accept.ballot(), b -> new ArrayList<>())
                        .add(new SlotReport.CountStep(accept.t(), accept.node(), acceptors.size()));
            }
        }
        List<SlotReport.BallotCount> counts = new ArrayList<>();
        steps.forEach((ballot, growth) -> {
            double majorityAt = growth.size() >= quorum ? growth.get(quorum - 1).t() : Double.NaN;
            counts.add(new SlotReport.BallotCount(ballot, growth, majorityAt));
        });
        return counts;
    }
}
