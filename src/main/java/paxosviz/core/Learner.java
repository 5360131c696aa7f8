package paxosviz.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A replica's knowledge of the chosen log: records chosen commands, applies the contiguous
 * prefix to the state machine, takes snapshots and compacts, installs a peer's snapshot, and
 * serves catch-up requests from what it knows.
 */
final class Learner {

    /** Told about every applied slot, so the leader can answer the client waiting on it. */
    interface ApplyListener {
        void applied(long slot, Command cmd, Result result);
    }

    private final PaxosConfig config;
    private final Storage storage;
    private final NodeOutput out;
    private final StateMachine machine;
    private final ApplyListener listener;
    /** Chosen commands, kept from a little below the latest snapshot on. */
    private final SlotMap<Command> chosen;
    private long applied;
    private long lastSnapshot;

    Learner(PaxosConfig config, Storage storage, StateMachine machine, NodeOutput out, ApplyListener listener) {
        this.config = config;
        this.storage = storage;
        this.machine = machine;
        this.out = out;
        this.listener = listener;
        Snapshot snapshot = storage.snapshot();
        if (snapshot != null) {
            machine.restore(snapshot.data());
            applied = snapshot.upTo();
            lastSnapshot = snapshot.upTo();
        } else {
            applied = -1;
            lastSnapshot = -1;
        }
        chosen = new SlotMap<>(applied + 1);
    }

    /** The highest applied slot; every slot up to it is chosen. */
    long applied() {
        return applied;
    }

    /** The highest slot known chosen (above {@link #applied()} when there are gaps). */
    long highestChosen() {
        return Math.max(applied, chosen.end() - 1);
    }

    /** The command chosen for {@code slot}, if still remembered. */
    Command chosen(long slot) {
        return chosen.get(slot);
    }

    boolean isChosen(long slot) {
        return slot <= applied || chosen.get(slot) != null;
    }

    long lastSnapshot() {
        return lastSnapshot;
    }

    StateMachine machine() {
        return machine;
    }

    /** Records that {@code cmd} is chosen for {@code slot}; returns false if that was known. */
    boolean learn(long slot, Command cmd) {
        if (isChosen(slot) || !chosen.fits(slot)) {
            return false; // known, or so far ahead that catch-up must bring a snapshot first
        }
        chosen.put(slot, cmd);
        out.event(new NodeEvent.Chosen(slot, cmd));
        return true;
    }

    /** Applies every chosen slot that directly follows the applied prefix. */
    void applyReady() {
        Command next;
        while ((next = chosen.get(applied + 1)) != null) {
            applied++;
            Result result = machine.apply(next);
            out.event(new NodeEvent.Applied(applied, next, result));
            listener.applied(applied, next, result);
        }
        if (applied - lastSnapshot >= config.snapshotInterval()) {
            takeSnapshot();
        }
    }

    private void takeSnapshot() {
        storage.saveSnapshot(new Snapshot(applied, machine.snapshot()));
        lastSnapshot = applied;
        long discard = applied - config.retainedTail();
        if (discard > storage.compactedUpTo()) {
            storage.compact(discard);
            chosen.discardBelow(discard + 1);
        }
        out.event(new NodeEvent.SnapshotTaken(applied));
    }

    /** Installs a peer's snapshot if it is ahead of this replica; returns whether it was. */
    boolean install(Snapshot snapshot, int from) {
        if (snapshot.upTo() <= applied) {
            return false;
        }
        machine.restore(snapshot.data());
        applied = snapshot.upTo();
        lastSnapshot = snapshot.upTo();
        storage.saveSnapshot(snapshot);
        if (snapshot.upTo() > storage.compactedUpTo()) {
            storage.compact(snapshot.upTo());
        }
        chosen.discardBelow(snapshot.upTo() + 1);
        out.event(new NodeEvent.SnapshotInstalled(snapshot.upTo(), from));
        applyReady();
        return true;
    }

    /**
     * What to send a peer that asks for the chosen log from {@code fromSlot} on: the commands
     * when they are still here, else the latest snapshot followed by the commands after it.
     */
    List<Message> serve(long fromSlot) {
        List<Message> replies = new ArrayList<>(2);
        if (fromSlot > applied) {
            return replies;
        }
        long start = fromSlot;
        if (fromSlot < chosen.base()) {
            Snapshot snapshot = storage.snapshot();
            if (snapshot == null) {
                return replies;
            }
            replies.add(new Message.SnapshotTransfer(snapshot));
            start = snapshot.upTo() + 1;
        }
        long stop = Math.min(applied, start + config.catchupChunk() - 1);
        List<Command> cmds = new ArrayList<>((int) Math.max(0, stop - start + 1));
        for (long slot = start; slot <= stop; slot++) {
            Command cmd = chosen.get(slot);
            if (cmd == null) {
                break;
            }
            cmds.add(cmd);
        }
        replies.add(new Message.CatchupReply(start, List.copyOf(cmds), applied));
        return replies;
    }
}
