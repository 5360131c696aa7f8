package paxosviz.core;

import java.util.List;

/**
 * Everything one endpoint sends another. Records are immutable, so the network may deliver
 * one instance twice (a duplicate) and a batch list may be shared by several messages.
 */
public sealed interface Message {

    /** The lower-case kind used in traces and in the legend. */
    String kind();

    /**
     * Pre-vote: a node whose leader went quiet asks whether the receiver would promise
     * {@code ballot}, before it promises anything itself; it has applied every slot through
     * {@code applied}. Nobody's state changes: only a majority of yeses lets it start phase 1.
     */
    record PreVote(Ballot ballot, long applied) implements Message {
        public String kind() {
            return "prevote";
        }
    }

    /**
     * The answer to a pre-vote for {@code ballot}. A peer refuses while it hears a live leader
     * ({@code leader}, else -1), when it has promised a higher ballot ({@code promised}), or when
     * it applied more than the candidate ({@code applied}, which tells a candidate that is behind
     * how far the log is chosen, so it fetches the rest from this peer).
     */
    record PreVoteReply(Ballot ballot, boolean granted, int leader, long applied, Ballot promised) implements Message {
        public String kind() {
            return "prevote-reply";
        }
    }

    /** Phase 1a: a candidate asks for promises on every slot from {@code fromSlot} on. */
    record Prepare(Ballot ballot, long fromSlot) implements Message {
        public String kind() {
            return "prepare";
        }
    }

    /**
     * Phase 1b: the acceptor promised {@code ballot}. It reports what it accepted (or knows
     * chosen) from {@code fromSlot} on, and the slot through which it discarded its accepted
     * values: slots at or below {@code compactedUpTo} are chosen and must not be proposed again.
     */
    record Promise(Ballot ballot, long fromSlot, long compactedUpTo, List<Vote> votes) implements Message {
        public String kind() {
            return "promise";
        }
    }

    /** One slot in a promise: the highest-ballot value accepted there, or the value known chosen. */
    record Vote(long slot, Ballot ballot, Command cmd, boolean chosen) {
    }

    /** A refusal: the acceptor has promised a higher ballot than the one it was asked about. */
    record Nack(Ballot rejected, Ballot promised) implements Message {
        public String kind() {
            return "nack";
        }
    }

    /** Phase 2a for a batch: {@code cmds.get(i)} goes in slot {@code firstSlot + i}. */
    record Accept(Ballot ballot, long firstSlot, List<Command> cmds) implements Message {
        public String kind() {
            return "accept";
        }
    }

    /** Phase 2b: the acceptor accepted slots {@code firstSlot .. firstSlot + count - 1}. */
    record Accepted(Ballot ballot, long firstSlot, int count) implements Message {
        public String kind() {
            return "accepted";
        }
    }

    /** The leader's announcement that these slots are chosen, with their commands. */
    record Decide(long firstSlot, List<Command> cmds) implements Message {
        public String kind() {
            return "decide";
        }
    }

    /** The leader is alive; it has applied everything through {@code chosenUpTo}. */
    record Heartbeat(Ballot ballot, long chosenUpTo) implements Message {
        public String kind() {
            return "heartbeat";
        }
    }

    /** A follower still follows {@code ballot}; lets the leader know it still has a quorum. */
    record HeartbeatAck(Ballot ballot, long chosenUpTo) implements Message {
        public String kind() {
            return "heartbeat-ack";
        }
    }

    /** A lagging node asks for the chosen commands from {@code fromSlot} on. */
    record CatchupRequest(long fromSlot) implements Message {
        public String kind() {
            return "catchup";
        }
    }

    /** Chosen commands from {@code firstSlot} on; the sender has chosen through {@code chosenUpTo}. */
    record CatchupReply(long firstSlot, List<Command> cmds, long chosenUpTo) implements Message {
        public String kind() {
            return "catchup-reply";
        }
    }

    /** The sender's state-machine snapshot, for a node behind the sender's compaction point. */
    record SnapshotTransfer(Snapshot snapshot) implements Message {
        public String kind() {
            return "snapshot";
        }
    }

    /** A client operation, sent by a client to a replica. */
    record ClientRequest(Command cmd) implements Message {
        public String kind() {
            return "request";
        }
    }

    /** The answer to a client operation, sent once it has been applied. */
    record ClientReply(OpId op, Result result) implements Message {
        public String kind() {
            return "reply";
        }
    }

    /** "Not the leader": try {@code leader} instead (-1 when the replica knows no leader). */
    record Redirect(OpId op, int leader) implements Message {
        public String kind() {
            return "redirect";
        }
    }

    // ---------------------------------------------------------------- primary/backup

    /** A server is alive and vouches for view {@code viewnum} (0: it knows no view, e.g. it restarted). */
    record Ping(int viewnum) implements Message {
        public String kind() {
            return "ping";
        }
    }

    /** The view service's current view: its number, primary and backup (-1: none). */
    record ViewReply(int viewnum, int primary, int backup) implements Message {
        public String kind() {
            return "view";
        }
    }

    /** The primary's whole state, through {@code snapshot.upTo()}, for the backup of view {@code viewnum}. */
    record StateTransfer(int viewnum, Snapshot snapshot) implements Message {
        public String kind() {
            return "state";
        }
    }

    /** The backup of view {@code viewnum} installed the primary's state through {@code upTo}. */
    record StateAck(int viewnum, long upTo) implements Message {
        public String kind() {
            return "state-ack";
        }
    }

    /** The primary of view {@code viewnum} asks its backup to apply {@code cmd} in {@code slot}. */
    record Forward(int viewnum, long slot, Command cmd) implements Message {
        public String kind() {
            return "forward";
        }
    }

    /** The backup of view {@code viewnum} has applied {@code slot}. */
    record ForwardAck(int viewnum, long slot) implements Message {
        public String kind() {
            return "forward-ack";
        }
    }

    /** A refused forward: the receiver is not the ready backup of that view, or the slot is out of order; it knows view {@code knownViewnum}. */
    record ForwardRefused(int viewnum, long slot, int knownViewnum) implements Message {
        public String kind() {
            return "forward-refused";
        }
    }

    /** Automatic failover: the primary of view {@code viewnum} is alive. */
    record Beat(int viewnum) implements Message {
        public String kind() {
            return "beat";
        }
    }
}
