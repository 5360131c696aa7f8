package paxosviz.core.pb;

import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.NodeOutput;
import paxosviz.core.Result;
import paxosviz.core.Snapshot;
import paxosviz.core.StateMachine;

/**
 * One server's copy of the service: the state machine and the last slot it reflects. Slots
 * are applied strictly in order, and every one is reported as chosen, then applied.
 */
final class ServiceState {

    private final StateMachine machine;
    private final NodeOutput out;
    private long applied = -1;

    ServiceState(StateMachine machine, NodeOutput out) {
        this.machine = machine;
        this.out = out;
    }

    StateMachine machine() {
        return machine;
    }

    long applied() {
        return applied;
    }

    /** Applies {@code cmd} as the next slot. */
    Result apply(Command cmd) {
        long slot = applied + 1;
        out.event(new NodeEvent.Chosen(slot, cmd));
        Result result = machine.apply(cmd);
        applied = slot;
        out.event(new NodeEvent.Applied(slot, cmd, result));
        return result;
    }

    Snapshot snapshot() {
        return new Snapshot(applied, machine.snapshot());
    }

    /** Replaces this copy with the primary's. */
    void install(Snapshot snapshot, int from) {
        machine.restore(snapshot.data());
        applied = snapshot.upTo();
        out.event(new NodeEvent.SnapshotInstalled(snapshot.upTo(), from));
    }

    /**
     * The backup's rule for a forwarded operation: only a ready backup of the forward's own view
     * takes it, and only as the next slot; a forward it already applied is acknowledged again,
     * since the first acknowledgement may have been lost.
     */
    Message onForward(Message.Forward forward, boolean readyBackupOfThatView, int knownViewnum) {
        if (readyBackupOfThatView && forward.slot() == applied + 1) {
            apply(forward.cmd());
        }
        if (readyBackupOfThatView && forward.slot() <= applied) {
            return new Message.ForwardAck(forward.viewnum(), forward.slot());
        }
        return new Message.ForwardRefused(forward.viewnum(), forward.slot(), knownViewnum);
    }
}
