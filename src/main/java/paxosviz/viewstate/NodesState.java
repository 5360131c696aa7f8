package paxosviz.viewstate;

import java.util.Arrays;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.NodeEvent;
import paxosviz.core.Role;
import paxosviz.trace.model.EventBody;

/**
 * Each node as the cluster picture shows it, folded from events: up or crashed, its role, the
 * ballot it campaigns or leads with, its promise, the leader it follows, how far it applied.
 * Traces without the optional {@code elect} and {@code stepdown} events still work: a leader
 * that promises a higher ballot has been superseded, and a node that hears heartbeats or
 * accepts from another follows it.
 */
public final class NodesState {

    private final Role leaderRole;
    private final boolean[] up;
    private final Role[] role;
    private final Ballot[] ballot;
    private final Ballot[] promised;
    private final int[] leader;
    private final long[] applied;

    NodesState(int nodes, Role leaderRole) {
        this.leaderRole = leaderRole;
        up = new boolean[nodes];
        Arrays.fill(up, true);
        role = new Role[nodes];
        Arrays.fill(role, Role.FOLLOWER);
        ballot = new Ballot[nodes];
        Arrays.fill(ballot, Ballot.ZERO);
        promised = new Ballot[nodes];
        Arrays.fill(promised, Ballot.ZERO);
        leader = new int[nodes];
        Arrays.fill(leader, -1);
        applied = new long[nodes];
        Arrays.fill(applied, -1);
    }

    private NodesState(NodesState from) {
        leaderRole = from.leaderRole;
        up = from.up.clone();
        role = from.role.clone();
        ballot = from.ballot.clone();
        promised = from.promised.clone();
        leader = from.leader.clone();
        applied = from.applied.clone();
    }

    NodesState copy() {
        return new NodesState(this);
    }

    // ---------------------------------------------------------------- reads

    public int size() {
        return up.length;
    }

    public boolean isUp(int node) {
        return up[node];
    }

    public Role role(int node) {
        return role[node];
    }

    /** The ballot it campaigns or leads with (for primary/backup: the view). */
    public Ballot ballot(int node) {
        return ballot[node];
    }

    public Ballot promised(int node) {
        return promised[node];
    }

    /** The node it last heard lead (-1: none known). */
    public int leader(int node) {
        return leader[node];
    }

    public long applied(int node) {
        return applied[node];
    }

    /** How many slots it lags the furthest live node (0 when level, or down). */
    public long behind(int node) {
        if (!up[node]) {
            return 0;
        }
        long furthest = -1;
        for (int other = 0; other < up.length; other++) {
            if (up[other]) {
                furthest = Math.max(furthest, applied[other]);
            }
        }
        return Math.max(0, furthest - applied[node]);
    }

    /** The live node that leads now (the highest ballot if several think they do), or -1. */
    public int currentLeader() {
        int found = -1;
        for (int node = 0; node < up.length; node++) {
            if (up[node] && (role[node] == Role.LEADER || role[node] == Role.PRIMARY)
                    && (found < 0 || ballot[node].greaterThan(ballot[found]))) {
                found = node;
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- events

    void accept(EventBody body) {
        if (body instanceof EventBody.NodeStep step) {
            if (fits(step.node())) {
                onNodeEvent(step.node(), step.event());
            }
        } else if (body instanceof EventBody.Deliver deliver && deliver.to() instanceof Address.Node to
                && deliver.from() instanceof Address.Node from && fits(to.index()) && fits(from.index())) {
            String kind = deliver.msg().kind();
            if (kind.equals("heartbeat") || kind.equals("accept")) {
                leader[to.index()] = from.index();
            }
        } else if (body instanceof EventBody.Crash crash && fits(crash.node())) {
            int node = crash.node();
            up[node] = false;
            role[node] = Role.FOLLOWER;
            leader[node] = -1;
        } else if (body instanceof EventBody.Restart restart && fits(restart.node())) {
            int node = restart.node();
            up[node] = true;
            role[node] = Role.FOLLOWER;
            applied[node] = restart.restoredUpTo();
            if (restart.amnesia()) {
                promised[node] = Ballot.ZERO;
            }
        }
    }

    private void onNodeEvent(int node, NodeEvent event) {
        if (event instanceof NodeEvent.Applied done) {
            applied[node] = done.slot();
        } else if (event instanceof NodeEvent.SnapshotInstalled installed) {
            applied[node] = Math.max(applied[node], installed.upTo());
        } else if (event instanceof NodeEvent.Promised promise) {
            promised[node] = promise.ballot();
            boolean leading = role[node] == Role.LEADER || role[node] == Role.CANDIDATE;
            if (leading && promise.ballot().greaterThan(ballot[node])) {
                role[node] = Role.FOLLOWER; // superseded, even if the trace says no stepdown
                leader[node] = -1;
            }
        } else if (event instanceof NodeEvent.ElectionStarted started) {
            role[node] = Role.CANDIDATE;
            ballot[node] = started.ballot();
            leader[node] = -1;
        } else if (event instanceof NodeEvent.LeaderElected elected) {
            role[node] = leaderRole;
            ballot[node] = elected.ballot();
            leader[node] = node;
        } else if (event instanceof NodeEvent.SteppedDown) {
            role[node] = Role.FOLLOWER;
            leader[node] = -1;
        }
    }

    private boolean fits(int node) {
        return node >= 0 && node < up.length;
    }

    // ---------------------------------------------------------------- comparing

    @Override
    public boolean equals(Object other) {
        return other instanceof NodesState that && Arrays.equals(up, that.up) && Arrays.equals(role, that.role)
                && Arrays.equals(ballot, that.ballot) && Arrays.equals(promised, that.promised)
                && Arrays.equals(leader, that.leader) && Arrays.equals(applied, that.applied);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(applied);
    }
}
