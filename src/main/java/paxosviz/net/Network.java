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
 * and duplicate messages. Reordering follows from random delays. Changes are not thread-safe
 * (a runtime that makes them from several threads holds a lock); each change publishes an
 * immutable {@link Topology} that any thread may read.
 */
public final class Network {

    private static final int NO_GROUP = -1;

    private final int nodes;
    private final boolean[][] down;
    private final boolean[] cutFromClients;
    private final int[] nodeGroup;
    private final Map<String, Integer> clientGroup = new HashMap<>();
    private LinkParams params;
    private volatile Topology topology;

    public Network(int nodes, LinkParams params) {
        this.nodes = nodes;
        this.down = new boolean[nodes][nodes];
        this.cutFromClients = new boolean[nodes];
        this.nodeGroup = new int[nodes];
        java.util.Arrays.fill(nodeGroup, NO_GROUP);
        this.params = params;
        publish();
    }

    private void publish() {
        topology = new Topology(down, cutFromClients, nodeGroup, clientGroup, params);
    }

    public int nodes() {
        return nodes;
    }

    public LinkParams params() {
        return params;
    }

    public void setParams(LinkParams params) {
        this.params = params;
        publish();
    }

    /** The network as it is now; immutable, so any thread may read it. */
    public Topology topology() {
        return topology;
    }

    /** Whether a message from {@code from} can reach {@code to} right now. */
    public boolean isUp(Address from, Address to) {
        return topology.isUp(from, to);
    }

    public boolean isLinkUp(int from, int to) {
        return topology.isLinkUp(from, to);
    }

    /** Decides what happens to one message, drawing from {@code random}. */
    public Transmission transmit(Address from, Address to, RandomGenerator random) {
        return topology.transmit(from, to, random);
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
        publish();
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
