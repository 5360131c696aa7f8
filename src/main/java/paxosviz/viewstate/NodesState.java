package paxosviz.viewstate;

import java.util.Arrays;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.NodeEvent;
import paxosviz.core.Role;
import paxosviz.scenario.Protocol;
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
    /** The node that runs the view service (primary/backup with a view service), or -1. */
    private final int viewService;
    /** Who a node is before any role is known: a Multi-Paxos follower, or an idle primary/backup server. */
    private final Role startRole;
    private final boolean[] up;
    private final Role[] role;
    private final Ballot[] ballot;
    private final Ballot[] promised;
    private final int[] leader;
    private final long[] applied;
    /** The newest view each primary/backup node knows, or -1. */
    private final long[] view;

    NodesState(int nodes, Protocol protocol) {
        this.leaderRole = protocol == Protocol.MULTIPAXOS ? Role.LEADER : Role.PRIMARY;
        this.viewService = protocol == Protocol.PRIMARY_BACKUP && nodes > 0 ? 0 : -1;
        this.startRole = protocol == Protocol.MULTIPAXOS ? Role.FOLLOWER : Role.IDLE;
        up = new boolean[nodes];
        Arrays.fill(up, true);
        role = new Role[nodes];
        Arrays.fill(role, startRole);
        if (viewService >= 0) {
            role[viewService] = Role.VIEW_SERVICE;
        }
        view = new long[nodes];
        Arrays.fill(view, -1);
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
        viewService = from.viewService;
        startRole = from.startRole;
        view = from.view.clone();
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

    /** The newest primary/backup view the node knows, or -1 (Multi-Paxos, or none yet). */
    public long view(int node) {
        return view[node];
    }

    /** How many slots it lags the furthest live node that keeps the state (0 when level, down, or keeping none). */
    public long behind(int node) {
        if (!up[node] || !role[node].holdsState()) {
            return 0;
        }
        long furthest = -1;
        for (int other = 0; other < up.length; other++) {
            if (up[other] && role[other].holdsState()) {
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
            role[node] = restingRole(node);
            leader[node] = -1;
        } else if (body instanceof EventBody.Restart restart && fits(restart.node())) {
            int node = restart.node();
            up[node] = true;
            role[node] = restingRole(node);
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
            role[node] = restingRole(node);
            leader[node] = -1;
        } else if (event instanceof NodeEvent.ViewChanged changed) {
            view[node] = changed.view();
            leader[node] = changed.primary();
            role[node] = node == viewService ? Role.VIEW_SERVICE : node == changed.primary() ? Role.PRIMARY
                    : node == changed.backup() ? Role.BACKUP : Role.IDLE;
        }
    }

    /** What a node is when it leads nothing: the view service stays one; the rest follow, or idle in primary/backup. */
    private Role restingRole(int node) {
        return node == viewService ? Role.VIEW_SERVICE : startRole;
    }

    private boolean fits(int node) {
        return node >= 0 && node < up.length;
    }

    // ---------------------------------------------------------------- comparing

    @Override
    public boolean equals(Object other) {
        return other instanceof NodesState that && Arrays.equals(up, that.up) && Arrays.equals(role, that.role)
                && Arrays.equals(ballot, that.ballot) && Arrays.equals(promised, that.promised)
                && Arrays.equals(leader, that.leader) && Arrays.equals(applied, that.applied) && Arrays.equals(view, that.view);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(applied);
    }
}
