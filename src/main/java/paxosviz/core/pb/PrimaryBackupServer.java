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
import paxosviz.core.TimerKind;

/**
 * A server of primary/backup with a view service (nodes 1..n-1), after MIT 6.824's pbservice.
 * It pings the view service every beat and plays the part the newest view gives it.
 *
 * <p>As primary with a new backup it first copies its whole state over, and only then vouches
 * for the view in its pings, which is what lets the view service move on. As backup it applies
 * what its own view's primary forwards, in slot order, and refuses anyone else: that refusal is
 * what stops a deposed primary. It keeps nothing durable: a restarted server comes back empty
 * and vouches for no view (viewnum 0), so the view service knows it lost its state.
 */
public final class PrimaryBackupServer implements Replica {

    private final int self;
    private final PbTiming timing;
    private final NodeOutput out;
    private final ServiceState state;
    private final Primary primary;

    private View view = View.NONE;
    /** The view this server vouches for in its pings: it holds the state that view requires of it. */
    private int vouched;
    /** The view in which this server, as backup, received the primary's state (0: none). */
    private int stateView;
    private boolean leading;
    /** As primary: the backup of this view has the state. */
    private boolean backupReady;
    /** A backup told this primary of a newer view than it knows: it serves no more, and knows no primary. */
    private boolean deposed;

    public PrimaryBackupServer(int self, PbTiming timing, StateMachine machine, NodeOutput out) {
        this.self = self;
        this.timing = timing;
        this.out = out;
        this.state = new ServiceState(machine, out);
        this.primary = new Primary(state, out);
    }

    @Override
    public void start(long now) {
        ping();
        out.setTimer(TimerKind.HEARTBEAT, timing.beatMicros(), timing.beatMicros());
    }

    @Override
    public void receive(Address from, Message message, long now) {
        if (message instanceof Message.ClientRequest request) {
            onClientRequest(from, request, now);
            return;
        }
        if (!(from instanceof Address.Node node)) {
            return;
        }
        int peer = node.index();
        if (message instanceof Message.ViewReply reply && peer == ViewService.NODE) {
            onView(View.of(reply), now);
        } else if (message instanceof Message.StateTransfer transfer) {
            onState(peer, transfer);
        } else if (message instanceof Message.StateAck ack) {
            onStateAck(peer, ack, now);
        } else if (message instanceof Message.Forward forward) {
            boolean readyBackup = forward.viewnum() == view.viewnum() && view.backup() == self
                    && view.primary() == peer && stateView == view.viewnum();
            out.send(from, state.onForward(forward, readyBackup, view.viewnum()));
        } else if (message instanceof Message.ForwardAck ack && leading) {
            primary.onAck(peer, ack, now);
        } else if (message instanceof Message.ForwardRefused refused) {
            onRefused(refused);
        }
    }

    @Override
    public void timer(TimerKind kind, long now) {
        ping();
        if (leading && !backupReady) {
            sendState();
        } else if (leading) {
            primary.retransmit();
        }
        out.setTimer(TimerKind.HEARTBEAT, timing.beatMicros(), timing.beatMicros());
    }

    @Override
    public void flush(long now) {
    }

    private void ping() {
        out.send(Address.node(ViewService.NODE), new Message.Ping(vouched));
    }

    // ---------------------------------------------------------------- views

    private void onView(View next, long now) {
        if (next.viewnum() <= view.viewnum()) {
            return;
        }
        boolean holdsState = (view.primary() == self && (leading || deposed))
                || (view.backup() == self && stateView == view.viewnum())
                || (view.viewnum() == 0 && next.viewnum() == 1); // the first view: nobody has anything yet
        view = next;
        deposed = false;
        out.event(next.toEvent());
        if (next.primary() == self && holdsState) {
            lead(now);
            return;
        }
        if (leading) {
            stepDown(next.ballot(), "view " + next.viewnum());
        }
        if (!next.isMember(self)) {
            vouched = next.viewnum(); // an idle server owes the view nothing
        }
        // a backup vouches once it has the state; a primary without the state never does
    }

    private void lead(long now) {
        if (!leading) {
            leading = true;
            out.event(new NodeEvent.LeaderElected(view.ballot()));
        }
        backupReady = view.backup() < 0;
        if (backupReady) {
            vouched = view.viewnum();
            primary.serve(view.viewnum(), -1, now);
        } else {
            primary.hold();
            sendState();
        }
    }

    private void sendState() {
        out.send(Address.node(view.backup()), new Message.StateTransfer(view.viewnum(), state.snapshot()));
    }

    private void onStateAck(int from, Message.StateAck ack, long now) {
        if (leading && !backupReady && from == view.backup() && ack.viewnum() == view.viewnum()
                && ack.upTo() == state.applied()) {
            backupReady = true;
            vouched = view.viewnum();
            primary.serve(view.viewnum(), view.backup(), now);
        }
    }

    /**
     * The backup takes the state of its own view's primary. Once it has it, a copy that does not
     * match what it applied since is ignored: only a primary that lost its state sends one.
     */
    private void onState(int from, Message.StateTransfer transfer) {
        if (transfer.viewnum() != view.viewnum() || view.backup() != self || view.primary() != from) {
            return;
        }
        long upTo = transfer.snapshot().upTo();
        if (stateView == view.viewnum() && upTo != state.applied()) {
            return;
        }
        if (stateView != view.viewnum()) {
            state.install(transfer.snapshot(), from);
            stateView = view.viewnum();
            vouched = view.viewnum();
        }
        out.send(Address.node(from), new Message.StateAck(view.viewnum(), upTo));
    }

    /**
     * A backup in a newer view refused this primary: this view is over, whether the view service
     * said so yet or not. It stops serving until it hears the newer view (which may keep it primary).
     */
    private void onRefused(Message.ForwardRefused refused) {
        if (leading && refused.knownViewnum() > view.viewnum()) {
            stepDown(new Ballot(refused.knownViewnum(), -1), "backup is in view " + refused.knownViewnum());
            deposed = true;
        }
    }

    private void stepDown(Ballot newer, String reason) {
        leading = false;
        primary.stop();
        out.event(new NodeEvent.SteppedDown(newer, reason));
    }

    // ---------------------------------------------------------------- clients

    private void onClientRequest(Address client, Message.ClientRequest request, long now) {
        if (leading) {
            primary.request(client, request.cmd(), now);
        } else {
            out.send(client, new Message.Redirect(request.cmd().id(), knownPrimary()));
        }
    }

    private int knownPrimary() {
        if (leading) {
            return self;
        }
        return deposed || view.primary() == self ? -1 : view.primary();
    }

    @Override
    public ReplicaStatus status() {
        Role role = leading ? Role.PRIMARY : view.backup() == self ? Role.BACKUP : Role.IDLE;
        return new ReplicaStatus(role, view.ballot(), view.ballot(), knownPrimary(), state.applied(), -1, -1,
                state.machine().digest());
    }
}
