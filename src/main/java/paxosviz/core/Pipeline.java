package paxosviz.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A leader's phase-2 window: the slots it proposed under its ballot and who accepted each.
 * A slot leaves the window once chosen.
 */
final class Pipeline {

    /** One proposed slot: its command, a bit per acceptor that accepted it, when it was last sent. */
    static final class Proposal {
        final Command cmd;
        long acks;
        long sentAt;

        Proposal(Command cmd, long sentAt) {
            this.cmd = cmd;
            this.sentAt = sentAt;
        }
    }

    private SlotMap<Proposal> window = new SlotMap<>();
    private long nextSlot;
    private int size;

    /** Starts an empty window whose first proposal goes to {@code firstSlot}. */
    void reset(long firstSlot) {
        window = new SlotMap<>(firstSlot);
        nextSlot = firstSlot;
        size = 0;
    }

    long nextSlot() {
        return nextSlot;
    }

    int size() {
        return size;
    }

    Proposal get(long slot) {
        return window.get(slot);
    }

    /** Adds proposals for consecutive slots starting at {@code firstSlot} (at or past the next slot). */
    void add(long firstSlot, List<Command> cmds, long now) {
        for (int i = 0; i < cmds.size(); i++) {
            window.put(firstSlot + i, new Proposal(cmds.get(i), now));
        }
        size += cmds.size();
        nextSlot = Math.max(nextSlot, firstSlot + cmds.size());
    }

    /** Reserves the next {@code count} slots and returns the first. */
    long claim(int count) {
        long first = nextSlot;
        nextSlot += count;
        return first;
    }

    /** Drops {@code slot} from the window (it is chosen); returns its proposal or null. */
    Proposal remove(long slot) {
        Proposal proposal = window.get(slot);
        if (proposal == null) {
            return null;
        }
        window.remove(slot);
        size--;
        long base = window.base();
        while (base < nextSlot && window.get(base) == null) {
            base++;
        }
        window.discardBelow(base);
        return proposal;
    }

    /** Drops every proposal at or below {@code slot}. */
    void removeThrough(long slot, LongConsumer onRemoved) {
        for (long s = window.base(); s <= slot && s < nextSlot; s++) {
            if (remove(s) != null) {
                onRemoved.accept(s);
            }
        }
    }

    /** Runs of consecutive pending slots last sent at or before {@code sentBefore}, oldest first. */
    List<Run> stale(long sentBefore) {
        List<Run> runs = new ArrayList<>();
        Run current = null;
        for (long slot = window.base(); slot < nextSlot; slot++) {
            Proposal proposal = window.get(slot);
            if (proposal == null || proposal.sentAt > sentBefore) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new Run(slot, new ArrayList<>());
                runs.add(current);
            }
            current.proposals.add(proposal);
        }
        return runs;
    }

    /** Consecutive proposals starting at {@code firstSlot}. */
    record Run(long firstSlot, List<Proposal> proposals) {
        List<Command> cmds() {
            List<Command> cmds = new ArrayList<>(proposals.size());
            for (Proposal proposal : proposals) {
                cmds.add(proposal.cmd);
            }
            return List.copyOf(cmds);
        }

        /** True unless every proposal in the run was accepted by {@code node}. */
        boolean missing(int node) {
            long bit = 1L << node;
            for (Proposal proposal : proposals) {
                if ((proposal.acks & bit) == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
