package paxosviz.viewstate;

import paxosviz.core.Ballot;

/**
 * A ballot squeezed into one int for the log's per-cell arrays: the round times 1024 plus the
 * node plus one, so that 0 means "no ballot". Enough for a million rounds of a 1000-node trace.
 */
public final class PackedBallot {

    public static final int NONE = 0;
    private static final int NODE_SPAN = 1024;
    private static final int MAX_ROUND = Integer.MAX_VALUE / NODE_SPAN - 1;

    private PackedBallot() {
    }

    public static int pack(Ballot ballot) {
        int round = Math.min(Math.max(ballot.round(), 0), MAX_ROUND);
        int node = Math.min(Math.max(ballot.node() + 1, 0), NODE_SPAN - 1);
        return round * NODE_SPAN + node;
    }

    /** The ballot, or null for {@link #NONE}. */
    public static Ballot unpack(int packed) {
        return packed == NONE ? null : new Ballot(packed / NODE_SPAN, packed % NODE_SPAN - 1);
    }
}
