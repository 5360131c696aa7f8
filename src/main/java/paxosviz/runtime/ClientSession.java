package paxosviz.runtime;

import java.util.ArrayDeque;
import java.util.function.Consumer;

import paxosviz.core.Address;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.OpId;
import paxosviz.core.OpType;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;

/**
 * One client: at most one operation outstanding, later ones wait their turn. It sends the
 * operation to a replica, follows redirects to the leader, and on a timeout retries the same
 * (client, seq) on the next replica, until answered or abandoned at the end of the run.
 */
public final class ClientSession {

    /** An operation not yet numbered: the client gives it the next seq when it starts. */
    public record Request(OpType type, String key, String value, String expect) {
    }

    private final Address.Client address;
    private final int nodes;
    private final ClientHost host;
    private final ClientTiming timing;
    private final ArrayDeque<Request> backlog = new ArrayDeque<>();
    private Consumer<ClientSession> onIdle = session -> { };

    private Command current;
    private long nextSeq = 1;
    private int target;
    /** Whether {@link #target} is believed to lead (it answered, or a replica pointed to it). */
    private boolean trusted;
    private int redirects;
    /** What to do when {@link #deadline} passes without an answer; null when nothing is armed. */
    private Runnable onDeadline;
    private long deadline;
    /** When the one agenda entry that watches the deadline fires; entries scheduled for other times are stale. */
    private long watchAt = Long.MIN_VALUE;

    public ClientSession(String name, int nodes, ClientHost host, ClientTiming timing) {
        this.address = Address.client(name);
        this.nodes = nodes;
        this.host = host;
        this.timing = timing;
        this.target = host.random(nodes);
    }

    public String name() {
        return address.name();
    }

    public Address.Client address() {
        return address;
    }

    public boolean busy() {
        return current != null;
    }

    /** The operation in flight, or null. */
    public Command current() {
        return current;
    }

    /** Called whenever the client has finished an operation and has nothing queued. */
    public void onIdle(Consumer<ClientSession> listener) {
        this.onIdle = listener;
    }

    public void submit(Request request) {
        if (current != null) {
            backlog.add(request);
        } else {
            start(request);
        }
    }

    private void start(Request request) {
        current = new Command(address.name(), nextSeq++, request.type(), request.key(), request.value(), request.expect());
        redirects = 0;
        host.emit(new EventBody.Invoke(address.name(), current));
        send();
    }

    private void send() {
        host.send(address, target, new Message.ClientRequest(current));
        arm(timing.timeoutMicros(), () -> {
            // a lost message costs one retry at the leader; a dead leader costs two timeouts
            if (!trusted) {
                target = (target + 1) % nodes;
            }
            trusted = false;
            redirects = 0;
            send();
        });
    }

    /**
     * Runs {@code action} after {@code delay} unless disarmed or re-armed first. One agenda
     * entry watches the deadline and moves itself later when the deadline moved: a busy client
     * arms a timeout for every operation, and that must not cost an agenda entry each.
     */
    private void arm(long delay, Runnable action) {
        onDeadline = action;
        deadline = host.now() + delay;
        if (watchAt < host.now() || deadline < watchAt) {
            watch(deadline);
        }
    }

    private void watch(long at) {
        watchAt = at;
        host.schedule(at - host.now(), () -> {
            if (at != watchAt) {
                return; // superseded by an entry for an earlier deadline
            }
            watchAt = Long.MIN_VALUE; // this entry is spent: whatever arms next needs a new one
            if (onDeadline == null) {
                return;
            }
            if (host.now() < deadline) {
                watch(deadline);
                return;
            }
            Runnable action = onDeadline;
            onDeadline = null;
            action.run();
        });
    }

    public void receive(Message message) {
        if (message instanceof Message.ClientReply reply && isCurrent(reply.op())) {
            trusted = true;
            host.emit(new EventBody.Return(address.name(), current, Outcome.OK, reply.result()));
            current = null;
            onDeadline = null;
            Request next = backlog.poll();
            if (next != null) {
                start(next);
            } else {
                onIdle.accept(this);
            }
        } else if (message instanceof Message.Redirect redirect && isCurrent(redirect.op())) {
            onRedirect(redirect.leader());
        }
    }

    private void onRedirect(int leader) {
        if (leader >= 0 && leader < nodes && leader != target && redirects < nodes) {
            redirects++;
            target = leader;
            trusted = true;
            send();
            return;
        }
        trusted = false;
        // no leader known yet: give the cluster a moment, then try the next replica
        target = (target + 1) % nodes;
        arm(timing.retryMicros(), () -> {
            redirects = 0;
            send();
        });
    }

    private boolean isCurrent(OpId op) {
        return current != null && current.client().equals(op.client()) && current.seq() == op.seq();
    }

    /** Ends the session: an unanswered operation returns with outcome timeout; queued ones never start. */
    public void abandon() {
        backlog.clear();
        if (current != null) {
            host.emit(new EventBody.Return(address.name(), current, Outcome.TIMEOUT, null));
            current = null;
            onDeadline = null;
        }
    }

    /** Drops queued operations that have not started; the one in flight carries on. */
    public void stopQueued() {
        backlog.clear();
    }
}
