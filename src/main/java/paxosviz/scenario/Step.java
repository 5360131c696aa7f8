package paxosviz.scenario;

import java.util.List;

import paxosviz.core.OpType;

/** One entry of a scenario's timeline, at a time in milliseconds of the runtime's clock. */
public sealed interface Step {

    double at();

    /** A single client operation: put, get, append or cas. Unused fields are null. */
    record ClientOp(double at, OpType type, String client, String key, String value, String expect) implements Step {
    }

    /** Closed-loop clients issuing a random mix of operations, together at most {@code ratePerSec}. */
    record Load(double at, int clients, List<String> keys, double ratePerSec, double until) implements Step {
        public Load {
            keys = List.copyOf(keys);
        }
    }

    /** Splits the network: only members of one group reach each other. */
    record Partition(double at, List<Group> groups) implements Step {
        public Partition {
            groups = List.copyOf(groups);
        }
    }

    /** One side of a partition: nodes and the clients that stand with them. */
    record Group(List<Integer> nodes, List<String> clients) {
        public Group {
            nodes = List.copyOf(nodes);
            clients = List.copyOf(clients);
        }
    }

    /** Every link up again. */
    record Heal(double at) implements Step {
    }

    /** The link between two nodes goes down, both ways or only from→to. */
    record Cut(double at, int from, int to, boolean oneWay) implements Step {
    }

    /** The link between two nodes comes back, both ways or only from→to. */
    record Restore(double at, int from, int to, boolean oneWay) implements Step {
    }

    /** All of a node's links go down. */
    record Isolate(double at, int node) implements Step {
    }

    record Crash(double at, int node) implements Step {
    }

    record Restart(double at, int node) implements Step {
    }

    /**
     * A crash, restart or isolate aimed at a node by what it is doing when the step runs rather
     * than by number ("the leader crashes mid-stream"); the runtime picks the node then.
     */
    record ByRole(double at, RoleFault fault, NodeRole role) implements Step {
    }

    /** What a {@link ByRole} step does to the node it picks. */
    enum RoleFault {
        CRASH, RESTART, ISOLATE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a {@link ByRole} step picks its node. */
    enum NodeRole {
        /** The node leading now (the primary, under primary/backup). */
        LEADER,
        /** Some node that is up and follows (a backup, under primary/backup), chosen by the seed. */
        FOLLOWER,
        /** A node that is down (the lowest-numbered): what a restart by role brings back. */
        CRASHED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The role of this wire name among {@code allowed}, or null. */
        public static NodeRole of(String wireName, List<NodeRole> allowed) {
            return allowed.stream().filter(role -> role.wireName().equals(wireName)).findFirst().orElse(null);
        }

        /** The allowed wire names quoted, for a message saying what was expected: "leader" or "follower". */
        public static String quoted(List<NodeRole> allowed) {
            return String.join(" or ", allowed.stream().map(role -> '"' + role.wireName() + '"').toList());
        }
    }

    /** New network parameters from now on; a null field keeps its value. */
    record NetworkChange(double at, Double minDelayMs, Double maxDelayMs, Double drop, Double duplicate) implements Step {
    }
}
