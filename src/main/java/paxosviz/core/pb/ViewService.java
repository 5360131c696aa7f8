package paxosviz.core.pb;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Message;
import paxosviz.core.NodeOutput;
import paxosviz.core.Replica;
import paxosviz.core.ReplicaStatus;
import paxosviz.core.Role;
import paxosviz.core.Storage;
import paxosviz.core.TimerKind;

/**
 * The view service of primary/backup (node 0), after MIT 6.824's viewservice: it decides which
 * server is primary and which is backup, from the pings the servers send it.
 *
 * <p>Its one safety rule: it moves past a view only after that view's primary acknowledged it
 * (pinged with its number). A primary acknowledges only once its backup holds its state, so
 * the backup the service promotes always has everything the old primary answered; and the old
 * primary cannot go on alone, because its backup refuses it once promoted. The price is the
 * stall: while the primary of the current view has not acknowledged it, nothing can change,
 * whatever fails. And it is a single point of failure: without it, no view ever changes.
 */
public final class ViewService implements Replica {

    /** The view service is always node 0. */
    public static final int NODE = 0;
    /** The view service holds none of the service's state. */
    private static final String NO_STATE = "-";

    private final int nodes;
    private final PbTiming timing;
    private final Storage storage;
    private final NodeOutput out;
    private final PingTable pings;

    private View view;
    private boolean acked;
    private long ackedAt;

    public ViewService(int nodes, PbTiming timing, Storage storage, NodeOutput out) {
        this.nodes = nodes;
        this.timing = timing;
        this.storage = storage;
        this.out = out;
        this.pings = new PingTable(nodes);
    }

    /**
     * The first view makes node 1 primary and node 2 backup. After a restart the service resumes
     * from the view number and primary it kept durably (reusing a view number could fork); it
     * did not keep the backup, so it waits for the primary's acknowledgement and picks one again.
     */
    @Override
    public void start(long now) {
        Ballot saved = storage.promised();
        if (saved.equals(Ballot.ZERO)) {
            install(new View(1, nodes > 1 ? 1 : -1, nodes > 2 ? 2 : -1));
        } else {
            view = new View(saved.round(), saved.node(), -1);
            acked = false;
        }
        out.setTimer(TimerKind.HEARTBEAT, timing.beatMicros(), timing.beatMicros());
    }

    @Override
    public void receive(Address from, Message message, long now) {
        if (message instanceof Message.ClientRequest request) {
            out.send(from, new Message.Redirect(request.cmd().id(), view.primary()));
        } else if (message instanceof Message.Ping ping && from instanceof Address.Node node) {
            onPing(node.index(), ping.viewnum(), now);
            out.send(from, view.toMessage());
        }
    }

    private void onPing(int server, int vouched, long now) {
        pings.record(server, vouched, now);
        if (!acked && server == view.primary() && vouched == view.viewnum()) {
            acked = true;
            ackedAt = now;
        }
    }

    @Override
    public void timer(TimerKind kind, long now) {
        if (acked) {
            View next = successor(now);
            if (next != null) {
                install(next);
            }
        }
        out.setTimer(TimerKind.HEARTBEAT, timing.beatMicros(), timing.beatMicros());
    }

    /** The view that should follow an acknowledged one, or null to keep it. */
    private View successor(long now) {
        boolean primaryUp = up(view.primary(), now);
        boolean backupUp = up(view.backup(), now);
        int next = view.viewnum() + 1;
        if (!primaryUp) {
            // only the backup has the state: an idle server never becomes primary
            return backupUp ? new View(next, view.backup(), spare(view.backup(), now)) : null;
        }
        if (!backupUp) {
            int spare = spare(view.primary(), now);
            if (view.backup() >= 0 || spare >= 0) {
                return new View(next, view.primary(), spare);
            }
        }
        return null;
    }

    /**
     * Alive and still holding its state. Every member of an acknowledged view held the state
     * when the primary acknowledged it, so a later ping that vouches for no view means a restart.
     */
    private boolean up(int server, long now) {
        return server >= 0 && pings.heardWithin(server, timing.deadMicros(), now) && !pings.forgotSince(server, ackedAt);
    }

    /** The lowest live server other than {@code primary}, to be the backup; -1 if none. */
    private int spare(int primary, long now) {
        for (int server = NODE + 1; server < nodes; server++) {
            if (server != primary && pings.heardWithin(server, timing.deadMicros(), now)) {
                return server;
            }
        }
        return -1;
    }

    private void install(View next) {
        view = next;
        acked = false;
        storage.promise(next.ballot());
        out.event(next.toEvent());
    }

    @Override
    public void flush(long now) {
    }

    @Override
    public ReplicaStatus status() {
        Ballot ballot = view.ballot();
        return new ReplicaStatus(Role.VIEW_SERVICE, ballot, ballot, view.primary(), -1, -1, -1, NO_STATE);
    }
}
