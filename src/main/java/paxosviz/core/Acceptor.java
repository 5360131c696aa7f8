package paxosviz.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The acceptor's two rules, over durable state: promise a ballot no lower than any promised
 * before; accept a value only under a ballot no lower than the promise. Every promise and
 * accept is written to storage before this returns, so before any reply can leave.
 */
final class Acceptor {

    private final Storage storage;
    private final NodeOutput out;

    Acceptor(Storage storage, NodeOutput out) {
        this.storage = storage;
        this.out = out;
    }

    Ballot promised() {
        return storage.promised();
    }

    long compactedUpTo() {
        return storage.compactedUpTo();
    }

    /** Promises {@code ballot} unless a higher one is promised; returns whether it holds now. */
    boolean promise(Ballot ballot) {
        Ballot promised = storage.promised();
        if (ballot.lessThan(promised)) {
            return false;
        }
        if (ballot.greaterThan(promised)) {
            storage.promise(ballot);
            out.event(new NodeEvent.Promised(ballot));
        }
        return true;
    }

    /**
     * Accepts a batch under {@code ballot}, which the caller has had promised. Slots already
     * compacted here are chosen and are skipped. Returns how many leading slots were skipped,
     * or -1 if the batch lies too far ahead for this replica, which must catch up first
     * (refusing is always safe: it is as if the message were lost).
     */
    int accept(Ballot ballot, long firstSlot, List<Command> cmds) {
        if (!storage.fits(firstSlot + cmds.size() - 1)) {
            return -1;
        }
        long compacted = storage.compactedUpTo();
        int skipped = (int) Math.max(0, Math.min(cmds.size(), compacted + 1 - firstSlot));
        for (int i = skipped; i < cmds.size(); i++) {
            long slot = firstSlot + i;
            Command cmd = cmds.get(i);
            storage.accept(slot, ballot, cmd);
            out.event(new NodeEvent.Accepted(slot, ballot, cmd));
        }
        return skipped;
    }

    /**
     * The promise for {@code ballot}: for each slot from {@code fromSlot} on, the value known
     * chosen, else the value accepted here, so the new leader can recover it.
     */
    Message.Promise report(Ballot ballot, long fromSlot, Learner learner) {
        long compacted = storage.compactedUpTo();
        long start = Math.max(fromSlot, compacted + 1);
        long top = Math.max(storage.highestAccepted(), learner.highestChosen());
        List<Message.Vote> votes = new ArrayList<>();
        for (long slot = start; slot <= top; slot++) {
            AcceptedValue accepted = storage.accepted(slot);
            Command chosen = learner.chosen(slot);
            if (chosen != null) {
                votes.add(new Message.Vote(slot, accepted != null ? accepted.ballot() : Ballot.ZERO, chosen, true));
            } else if (accepted != null) {
                votes.add(new Message.Vote(slot, accepted.ballot(), accepted.cmd(), false));
            }
        }
        return new Message.Promise(ballot, fromSlot, compacted, List.copyOf(votes));
    }
}
