package paxosviz.ui.session;

import java.util.List;

import paxosviz.net.LinkParams;
import paxosviz.runtime.ClusterSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.TimingSpec;

/**
 * What the window starts with: a cluster slow enough for a lecture hall to follow each hop,
 * with a gentle workload so that messages move and slots fill at once. Times are the
 * cluster's; at the starting speed one cluster millisecond takes ten on the wall.
 */
public final class LiveDefaults {

    public static final int NODES = 5;
    public static final double SPEED = 0.1;
    public static final double MIN_DELAY_MS = 10;
    public static final double MAX_DELAY_MS = 30;
    public static final TimingSpec TIMING = new TimingSpec(100, 400, 800);
    public static final List<String> WORKLOAD_CLIENTS = List.of("alice", "bob");
    public static final List<String> WORKLOAD_KEYS = List.of("x", "y", "z");
    /** Operations per second of cluster time, for all workload clients together. */
    public static final double WORKLOAD_RATE = 20;
    /**
     * Chosen slots per catch-up reply. Small, so that a replica coming back fills its row over
     * several round trips the audience can follow, rather than in one.
     */
    public static final int CATCHUP_CHUNK = 8;

    private LiveDefaults() {
    }

    public static ClusterSpec spec(int nodes) {
        ClusterSpec spec = ClusterSpec.defaults(nodes, Protocol.MULTIPAXOS)
                .withTiming(TIMING)
                .withNetwork(LinkParams.ofMillis(MIN_DELAY_MS, MAX_DELAY_MS, 0, 0));
        return spec.withPaxos(spec.paxos().withCatchupChunk(CATCHUP_CHUNK));
    }
}
