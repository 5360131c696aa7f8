package paxosviz.viewstate;

import java.util.List;

import paxosviz.core.Ballot;
import paxosviz.core.Command;

/**
 * What the trace says about one slot up to a point: who promised which ballot, who accepted
 * what under which ballot, how each ballot's count grew toward a majority, who learned and
 * applied it, and, for each ballot it was accepted under (in the order they came), why that
 * ballot's leader proposed the value it did.
 */
public record SlotReport(long slot, int quorum, List<Promise> promises, List<Accept> accepts, List<BallotCount> counts,
        List<Learned> learned, List<Learned> applied, List<Installed> installs, List<PhaseOne> phaseOnes) {

    public SlotReport {
        promises = List.copyOf(promises);
        accepts = List.copyOf(accepts);
        counts = List.copyOf(counts);
        learned = List.copyOf(learned);
        applied = List.copyOf(applied);
        installs = List.copyOf(installs);
        phaseOnes = List.copyOf(phaseOnes);
    }

    /** An acceptor durably promised {@code ballot} (a promise covers every slot). */
    public record Promise(int node, double t, Ballot ballot) {
    }

    /** An acceptor accepted {@code cmd} for this slot under {@code ballot}. */
    public record Accept(int node, double t, Ballot ballot, Command cmd) {
    }

    /** The count of one ballot rose to {@code count} distinct acceptors when {@code node} accepted at {@code t}. */
    public record CountStep(double t, int node, int count) {
    }

    /** One ballot's accepts for this slot; {@code majorityAt} is when they reached a quorum (NaN: not yet). */
    public record BallotCount(Ballot ballot, List<CountStep> steps, double majorityAt) {
        public BallotCount {
            steps = List.copyOf(steps);
        }

        public boolean reachedMajority() {
            return !Double.isNaN(majorityAt);
        }

        public int acceptors() {
            return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).count();
        }
    }

    /** A node learned (chosen) or applied {@code cmd} for this slot at {@code t}. */
    public record Learned(int node, double t, Command cmd) {
    }

    /** A node installed a peer's snapshot covering this slot: it learned the slot's effect without its command. */
    public record Installed(int node, double t, long upTo, int from) {
    }

    /** The first ballot whose accepts reached a majority, or null. */
    public Ballot chosenBallot() {
        return counts.stream().filter(BallotCount::reachedMajority)
                .min((a, b) -> Double.compare(a.majorityAt(), b.majorityAt()))
                .map(BallotCount::ballot).orElse(null);
    }
}
