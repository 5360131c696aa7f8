package paxosviz.core;

/**
 * A proposal number: ordered by round, then by the proposing node, so two nodes never
 * propose with the same ballot.
 */
public record Ballot(int round, int node) implements Comparable<Ballot> {

    /** Lower than every ballot a node can propose: what an acceptor starts out promising. */
    public static final Ballot ZERO = new Ballot(0, -1);

    @Override
    public int compareTo(Ballot other) {
        int byRound = Integer.compare(round, other.round);
        return byRound != 0 ? byRound : Integer.compare(node, other.node);
    }

    public boolean greaterThan(Ballot other) {
        return compareTo(other) > 0;
    }

    public boolean lessThan(Ballot other) {
        return compareTo(other) < 0;
    }

    public static Ballot max(Ballot a, Ballot b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return round + "." + node;
    }
}
