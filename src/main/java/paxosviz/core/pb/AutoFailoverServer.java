package paxosviz.core.pb;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.NodeOutput;
import paxosviz.core.Replica;
import paxosviz.core.ReplicaStatus;
import paxosviz.core.Role;
import paxosviz.core.StateMachine;
import paxosviz.core.Storage;
import paxosviz.core.TimerKind;

/**
 * Primary/backup with automatic failover and no view service: the unsafe practice the lecture
 * warns about. Node 0 starts as primary, node 1 as backup, the others idle.
 *
 * <p>The primary beats to every node and forwards each operation to its backup; if the backup
 * does not acknowledge within the dead interval, the primary drops it and carries on alone. A
 * backup that has not heard its primary for that long promotes itself, alone, in the next view.
 * Timeouts cannot tell a crash from a partition, so under a partition both sides serve and the
 * state forks. Nothing reconciles it afterwards: a primary that hears of a newer view simply
 * stops serving, keeping its diverged state.
 *
 * <p>A server keeps only the latest view it knew durably, so that after a restart it knows the
 * first roles no longer hold: it comes back idle and empty.
 */
public final class AutoFailoverServer implements Replica {

    private final int self;
    private final int nodes;
    private final PbTiming timing;
    private final Storage storage;
    private final NodeOutput out;
    private final ServiceState state;
    private final Primary primary;

    private View view;
    private boolean leading;
    private long lastBeat;

    public AutoFailoverServer(int self, int nodes, PbTiming timing, Storage storage, StateMachine machine, NodeOutput out) {
        this.self = self;
        this.nodes = nodes;
        this.timing = timing;
        this.storage = storage;
        this.out = out;
        this.state = new ServiceState(machine, out);
        this.primary = new Primary(state, out);
    }

    @Override
    public void start(long now) {
        lastBeat = now;
        Ballot saved = storage.promised();
        if (!saved.equals(Ballot.ZERO)) {
            view = new View(saved.round(), saved.node() == self ? -1 : saved.node(), -1);
            return;
        }
        adopt(new View(1, 0, nodes > 1 ? 1 : -1));
        if (view.primary() == self) {
            lead(now);
        } else if (view.backup() == self) {
            armFailover();
        }
    }

    @Override
    public void receive(Address from, Message message, long now) {
        if (message instanceof Message.ClientRequest request) {
            if (leading) {
                primary.request(from, request.cmd(), now);
            } else {
                out.send(from, new Message.Redirect(request.cmd().id(), view.primary()));
            }
            return;
        }
        if (!(from instanceof Address.Node node)) {
            return;
        }
        int peer = node.index();
        if (message instanceof Message.Beat beat) {
            onBeat(peer, beat.viewnum(), now);
        } else if (message instanceof Message.Forward forward) {
            boolean backupOfThatView = forward.viewnum() == view.viewnum() && view.backup() == self
                    && view.primary() == peer;
            out.send(from, state.onForward(forward, backupOfThatView, view.viewnum()));
        } else if (message instanceof Message.ForwardAck ack && leading) {
            primary.onAck(peer, ack, now);
        } else if (message instanceof Message.ForwardRefused refused && leading
                && refused.knownViewnum() > view.viewnum()) {
            stepDown(new View(refused.knownViewnum(), -1, -1), "backup is in view " + refused.knownViewnum());
        }
    }

    @Override
    public void timer(TimerKind kind, long now) {
        if (kind == TimerKind.HEARTBEAT && leading) {
            onBeatTimer(now);
        } else if (kind == TimerKind.ELECTION && !leading && view.backup() == self) {
            onFailoverTimer(now);
        }
    }

    @Override
    public void flush(long now) {
    }

    // ---------------------------------------------------------------- primary

    private void lead(long now) {
        leading = true;
        out.event(new NodeEvent.LeaderElected(view.ballot()));
        primary.serve(view.viewnum(), view.backup(), now);
        onBeatTimer(now);
    }

    private void onBeatTimer(long now) {
        for (int peer = 0; peer < nodes; peer++) {
            if (peer != self) {
                out.send(Address.node(peer), new Message.Beat(view.viewnum()));
            }
        }
        if (primary.waitedFor(timing.deadMicros(), now)) {
            // the backup is silent: crashed or cut off, the primary cannot tell, and goes on alone
            adopt(new View(view.viewnum(), self, -1));
            primary.dropBackup(now);
        } else {
            primary.retransmit();
        }
        out.setTimer(TimerKind.HEARTBEAT, timing.beatMicros(), timing.beatMicros());
    }

    private void stepDown(View newer, String reason) {
        leading = false;
        primary.stop();
        adopt(newer);
        out.event(new NodeEvent.SteppedDown(newer.ballot(), reason));
    }

    // ---------------------------------------------------------------- backup and idle

    private void onBeat(int from, int viewnum, long now) {
        boolean newer = viewnum > view.viewnum() || (viewnum == view.viewnum() && view.primary() < 0);
        if (newer) {
            if (leading) {
                stepDown(new View(viewnum, from, -1), "beat of view " + viewnum);
            } else {
                adopt(new View(viewnum, from, -1));
            }
        }
        if (viewnum == view.viewnum() && from == view.primary()) {
            lastBeat = now;
        }
    }

    /** The unsafe step: silence from the primary is taken for its death. */
    private void onFailoverTimer(long now) {
        if (now - lastBeat >= timing.deadMicros()) {
            adopt(new View(view.viewnum() + 1, self, -1));
            lead(now);
        } else {
            armFailover();
        }
    }

    private void armFailover() {
        out.setTimer(TimerKind.ELECTION, timing.deadMicros(), timing.failoverMaxMicros());
    }

    private void adopt(View next) {
        if (!next.equals(view)) {
            out.event(next.toEvent());
        }
        view = next;
        storage.promise(next.ballot());
    }

    @Override
    public ReplicaStatus status() {
        Role role = leading ? Role.PRIMARY : view.backup() == self ? Role.BACKUP : Role.IDLE;
        return new ReplicaStatus(role, view.ballot(), view.ballot(), view.primary(), state.applied(), -1, -1,
                state.machine().digest());
    }
}
