package paxosviz.net;

import java.util.Map;
import java.util.random.RandomGenerator;

import paxosviz.core.Address;

/**
 * An immutable picture of the network at one moment: which links are up, which clients stand
 * with which nodes, and the link parameters. Readers on any thread may use it without locks;
 * {@link Network} publishes a new one after every change.
 */
public final class Topology {

    private final boolean[][] down;
    private final boolean[] cutFromClients;
    private final int[] nodeGroup;
    private final Map<String, Integer> clientGroup;
    private final LinkParams params;

    Topology(boolean[][] down, boolean[] cutFromClients, int[] nodeGroup, Map<String, Integer> clientGroup, LinkParams params) {
        this.down = new boolean[down.length][];
        for (int a = 0; a < down.length; a++) {
            this.down[a] = down[a].clone();
        }
        this.cutFromClients = cutFromClients.clone();
        this.nodeGroup = nodeGroup.clone();
        this.clientGroup = Map.copyOf(clientGroup);
        this.params = params;
    }

    public LinkParams params() {
        return params;
    }

    public boolean isLinkUp(int from, int to) {
        return !down[from][to];
    }

    /** Whether a message from {@code from} can reach {@code to}. */
    public boolean isUp(Address from, Address to) {
        if (from instanceof Address.Node a && to instanceof Address.Node b) {
            return !down[a.index()][b.index()];
        }
        if (from instanceof Address.Client c && to instanceof Address.Node n) {
            return clientReaches(c.name(), n.index());
        }
        if (from instanceof Address.Node n && to instanceof Address.Client c) {
            return clientReaches(c.name(), n.index());
        }
        return false;
    }

    private boolean clientReaches(String client, int node) {
        if (cutFromClients[node]) {
            return false;
        }
        Integer group = clientGroup.get(client);
        return group == null || group == nodeGroup[node];
    }

    /** Decides what happens to one message, drawing from {@code random}. */
    public Transmission transmit(Address from, Address to, RandomGenerator random) {
        if (!isUp(from, to)) {
            return Transmission.dropped(Transmission.LINK_DOWN);
        }
        LinkParams p = params;
        if (p.drop() > 0 && random.nextDouble() < p.drop()) {
            return Transmission.dropped(Transmission.RANDOM);
        }
        long delay = draw(p, random);
        long duplicate = p.duplicate() > 0 && random.nextDouble() < p.duplicate() ? draw(p, random) : -1;
        return new Transmission(null, delay, duplicate);
    }

    /** A delay drawn uniformly from the link's range. */
    public static long draw(LinkParams p, RandomGenerator random) {
        long span = p.maxDelayMicros() - p.minDelayMicros();
        return p.minDelayMicros() + (span == 0 ? 0 : random.nextLong(span + 1));
    }
}
