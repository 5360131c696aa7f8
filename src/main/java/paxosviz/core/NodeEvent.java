package paxosviz.core;

/** What a replica reports about itself. The runtime stamps each with time, node and sequence. */
public sealed interface NodeEvent {

    /** The trace type name of this event. */
    String type();

    /** The acceptor durably promised {@code ballot}. */
    record Promised(Ballot ballot) implements NodeEvent {
        public String type() {
            return "promise";
        }
    }

    /** The acceptor durably accepted {@code cmd} for {@code slot} under {@code ballot}. */
    record Accepted(long slot, Ballot ballot, Command cmd) implements NodeEvent {
        public String type() {
            return "accept";
        }
    }

    /** The node started phase 1 with {@code ballot}. */
    record ElectionStarted(Ballot ballot) implements NodeEvent {
        public String type() {
            return "elect";
        }
    }

    /** The node finished phase 1 and leads with {@code ballot}. */
    record LeaderElected(Ballot ballot) implements NodeEvent {
        public String type() {
            return "leader";
        }
    }

    /** The node stopped leading or campaigning; {@code ballot} is the one that superseded it, if known. */
    record SteppedDown(Ballot ballot, String reason) implements NodeEvent {
        public String type() {
            return "stepdown";
        }
    }

    /** The node learned that {@code cmd} is chosen for {@code slot}. */
    record Chosen(long slot, Command cmd) implements NodeEvent {
        public String type() {
            return "chosen";
        }
    }

    /** The node applied {@code slot} to its state machine. */
    record Applied(long slot, Command cmd, Result result) implements NodeEvent {
        public String type() {
            return "apply";
        }
    }

    /** The node compacted its log through {@code upTo}. */
    record SnapshotTaken(long upTo) implements NodeEvent {
        public String type() {
            return "snapshot";
        }
    }

    /** The node installed a snapshot through {@code upTo} sent by {@code from}. */
    record SnapshotInstalled(long upTo, int from) implements NodeEvent {
        public String type() {
            return "install";
        }
    }

    /**
     * Primary/backup: the node learned (a server) or installed (the view service) view number
     * {@code view}, in which {@code primary} is primary and {@code backup} backup (-1: none).
     * Every other server of the view is idle.
     */
    record ViewChanged(long view, int primary, int backup) implements NodeEvent {
        public String type() {
            return "view";
        }
    }
}
