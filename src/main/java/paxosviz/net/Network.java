package paxosviz.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import paxosviz.core.Address;

/**
 * The network model both runtimes share: for every directed link between two nodes, up or
 * down; which clients stand with which nodes during a partition; and how links delay, drop
 * and duplicate messages. Reordering follows from random delays. Not thread-safe: a runtime
 * that calls it from several threads holds a lock.
 */
public final class Network {

    private static final int NO_GROUP = -1;

    private final int nodes;
    private final boolean[][] down;
    private final boolean[] cutFromClients;
    private final int[] nodeGroup;
    private final Map<String, Integer> clientGroup = new HashMap<>();
    private LinkParams params;

    public Network(int nodes, LinkParams params) {
        this.nodes = nodes;
        this.down = new boolean[nodes][nodes];
        this.cutFromClients = new boolean[nodes];
        this.nodeGroup = new int[nodes];
        java.util.Arrays.fill(nodeGroup, NO_GROUP);
        this.params = params;
    }

    public int nodes() {
        return nodes;
    }

    public LinkParams params() {
        return params;
    }

    public void setParams(LinkParams params) {
        this.params = params;
    }

    /** Whether a message from {@code from} can reach {@code to} right now. */
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

    public boolean isLinkUp(int from, int to) {
        return !down[from][to];
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

    private static long draw(LinkParams p, RandomGenerator random) {
        long span = p.maxDelayMicros() - p.minDelayMicros();
        return p.minDelayMicros() + (span == 0 ? 0 : random.nextLong(span + 1));
    }

    // ---------------------------------------------------------------- faults

    /** Takes the link between two nodes down, both ways or only from→to. */
    public List<LinkChange> cut(int from, int to, boolean oneWay) {
        return change(() -> {
            down[from][to] = true;
            if (!oneWay) {
                down[to][from] = true;
            }
        });
    }

    /** Brings the link between two nodes back, both ways or only from→to. */
    public List<LinkChange> restore(int from, int to, boolean oneWay) {
        return change(() -> {
            down[from][to] = false;
            cutFromClients[from] = false;
            if (!oneWay) {
                down[to][from] = false;
                cutFromClients[to] = false;
            }
        });
    }

    /** Takes every link of {@code node} down, to nodes and clients alike. */
    public List<LinkChange> isolate(int node) {
        return change(() -> {
            for (int other = 0; other < nodes; other++) {
                if (other != node) {
                    down[node][other] = true;
                    down[other][node] = true;
                }
            }
            cutFromClients[node] = true;
        });
    }

    /**
     * Splits the network: nodes reach each other only within a group; a listed client reaches
     * only its group's nodes; unlisted clients reach every node. Replaces earlier cuts.
     */
    public List<LinkChange> partition(List<List<Address>> groups) {
        return change(() -> {
            java.util.Arrays.fill(nodeGroup, NO_GROUP);
            java.util.Arrays.fill(cutFromClients, false);
            clientGroup.clear();
            for (int g = 0; g < groups.size(); g++) {
                for (Address member : groups.get(g)) {
                    if (member instanceof Address.Node n) {
                        nodeGroup[n.index()] = g;
                    } else if (member instanceof Address.Client c) {
                        clientGroup.put(c.name(), g);
                    }
                }
            }
            int loner = groups.size();
            for (int node = 0; node < nodes; node++) {
                if (nodeGroup[node] == NO_GROUP) {
                    nodeGroup[node] = loner++; // an unlisted node stands alone
                }
            }
            for (int a = 0; a < nodes; a++) {
                for (int b = 0; b < nodes; b++) {
                    down[a][b] = a != b && nodeGroup[a] != nodeGroup[b];
                }
            }
        });
    }

    /** Every link up, every client reaches every node. */
    public List<LinkChange> heal() {
        return change(() -> {
            for (boolean[] row : down) {
                java.util.Arrays.fill(row, false);
            }
            java.util.Arrays.fill(cutFromClients, false);
            java.util.Arrays.fill(nodeGroup, NO_GROUP);
            clientGroup.clear();
        });
    }

    /** Runs a topology change and reports every node-to-node direction whose state changed. */
    private List<LinkChange> change(Runnable mutation) {
        boolean[][] before = new boolean[nodes][];
        for (int a = 0; a < nodes; a++) {
            before[a] = down[a].clone();
        }
        mutation.run();
        List<LinkChange> changes = new ArrayList<>();
        for (int a = 0; a < nodes; a++) {
            for (int b = 0; b < nodes; b++) {
                if (before[a][b] != down[a][b]) {
                    changes.add(new LinkChange(a, b, !down[a][b]));
                }
            }
        }
        return changes;
    }
}
