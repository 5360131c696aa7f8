package paxosviz.core.pb;

import java.util.Arrays;

/** The view service's record of each server's latest ping: when it arrived and which view it vouched for. */
final class PingTable {

    private static final long NEVER = Long.MIN_VALUE / 2;

    private final long[] heardAt;
    private final int[] viewnum;

    PingTable(int nodes) {
        heardAt = new long[nodes];
        viewnum = new int[nodes];
        Arrays.fill(heardAt, NEVER);
    }

    void record(int node, int vouched, long now) {
        heardAt[node] = now;
        viewnum[node] = vouched;
    }

    boolean heardWithin(int node, long micros, long now) {
        return node >= 0 && node < heardAt.length && now - heardAt[node] < micros;
    }

    /** True if the latest ping arrived after {@code since} and vouched for no view: the server restarted empty. */
    boolean forgotSince(int node, long since) {
        return node >= 0 && node < heardAt.length && viewnum[node] == 0 && heardAt[node] > since;
    }
}
