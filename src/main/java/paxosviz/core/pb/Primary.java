package paxosviz.core.pb;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import paxosviz.core.Address;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeOutput;
import paxosviz.core.OpId;
import paxosviz.core.Result;

/**
 * The primary's serving loop, shared by both variants: client operations one at a time, in
 * arrival order. Each takes the next slot and goes to the backup; it is applied and answered
 * only once the backup acknowledged it, or at once when there is no backup. Reads go the same
 * way, so a primary that a new view deposed cannot answer even a get on its own.
 */
final class Primary {

    private final ServiceState state;
    private final NodeOutput out;
    private final ArrayDeque<Command> queue = new ArrayDeque<>();
    /** Where to answer each operation queued or pending. */
    private final Map<OpId, Address> replyTo = new HashMap<>();

    private boolean serving;
    private int viewnum;
    private int backup = -1;
    /** The operation in slot {@code applied + 1}, forwarded and not yet acknowledged; or null. */
    private Command pending;
    private long forwardedAt;

    Primary(ServiceState state, NodeOutput out) {
        this.state = state;
        this.out = out;
    }

    /** Serves in view {@code viewnum}; {@code backup} (-1: none) already holds this primary's state. */
    void serve(int viewnum, int backup, long now) {
        this.viewnum = viewnum;
        this.backup = backup;
        serving = true;
        if (pending != null) {
            forwardedAt = now;
            forwardOrCommit();
        }
        startNext(now);
    }

    /** Keeps operations waiting, e.g. while a new backup receives the state. */
    void hold() {
        serving = false;
    }

    /** Forgets everything queued: this server no longer serves. Clients retry elsewhere. */
    void stop() {
        serving = false;
        queue.clear();
        replyTo.clear();
        pending = null;
    }

    void request(Address client, Command cmd, long now) {
        OpId op = cmd.id();
        Result done = state.machine().resultIfApplied(op);
        if (done != null) {
            out.send(client, new Message.ClientReply(op, done));
            return;
        }
        if (state.machine().isStale(op)) {
            return;
        }
        if (replyTo.put(op, client) == null) {
            queue.add(cmd);
            startNext(now);
        }
    }

    void onAck(int from, Message.ForwardAck ack, long now) {
        if (serving && pending != null && from == backup && ack.viewnum() == viewnum
                && ack.slot() == state.applied() + 1) {
            commit();
            startNext(now);
        }
    }

    /** Sends the pending forward again: it or its acknowledgement may have been lost. */
    void retransmit() {
        if (serving && pending != null && backup >= 0) {
            forwardOrCommit();
        }
    }

    /** True if the pending operation has waited for the backup at least {@code micros}. */
    boolean waitedFor(long micros, long now) {
        return serving && pending != null && backup >= 0 && now - forwardedAt >= micros;
    }

    /** Carries on without a backup: the pending operation is applied and answered at once. */
    void dropBackup(long now) {
        backup = -1;
        if (serving && pending != null) {
            commit();
        }
        startNext(now);
    }

    private void startNext(long now) {
        while (serving && pending == null && !queue.isEmpty()) {
            pending = queue.poll();
            forwardedAt = now;
            forwardOrCommit();
        }
    }

    private void forwardOrCommit() {
        if (backup < 0) {
            commit();
        } else {
            out.send(Address.node(backup), new Message.Forward(viewnum, state.applied() + 1, pending));
        }
    }

    private void commit() {
        Command cmd = pending;
        pending = null;
        Result result = state.apply(cmd);
        Address client = replyTo.remove(cmd.id());
        if (client != null) {
            out.send(client, new Message.ClientReply(cmd.id(), result));
        }
    }
}
