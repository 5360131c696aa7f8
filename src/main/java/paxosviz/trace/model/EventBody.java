package paxosviz.trace.model;

import java.util.List;

import paxosviz.core.Address;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.scenario.Highlight;

/** What a trace event says. Each record is one event type of the trace format. */
public sealed interface EventBody {

    /** The trace's name for this type. */
    String type();

    /** Something a replica reported about itself (promise, accept, leader, chosen, apply, ...). */
    record NodeStep(int node, NodeEvent event) implements EventBody {
        public String type() {
            return event.type();
        }
    }

    /** Says that a copy of a message is not named: the only copy, or (reading) the one due first. */
    int ANY_COPY = -1;

    /**
     * A message left {@code from} for {@code to}; its first copy is due at {@code dueMs} (NaN:
     * not said, or lost at once, in which case a drop follows).
     */
    record Send(Address from, Address to, Wire msg, double dueMs) implements EventBody {
        public Send(Address from, Address to, Wire msg) {
            this(from, to, msg, Double.NaN);
        }

        public String type() {
            return "send";
        }
    }

    /** Copy {@code copy} of the message reached {@code to} and was handled ({@link #ANY_COPY}: not said). */
    record Deliver(Address to, Address from, Wire msg, int copy) implements EventBody {
        public Deliver(Address to, Address from, Wire msg) {
            this(to, from, msg, ANY_COPY);
        }

        public String type() {
            return "deliver";
        }
    }

    /** Copy {@code copy} of the message was lost: {@code link-down}, {@code random}, {@code crashed} or {@code manual}. */
    record Drop(Address from, Address to, Wire msg, String reason, int copy) implements EventBody {
        public Drop(Address from, Address to, Wire msg, String reason) {
            this(from, to, msg, reason, ANY_COPY);
        }

        public String type() {
            return "drop";
        }
    }

    /** The network (or the user) made copy number {@code copy} of a message in flight, due at {@code dueMs}. */
    record Duplicate(Address from, Address to, Wire msg, int copy, double dueMs) implements EventBody {
        public String type() {
            return "duplicate";
        }
    }

    /** The user held copy {@code copy} of a message in flight ({@link #ANY_COPY}: every copy): it waits until released. */
    record Hold(Address from, Address to, Wire msg, int copy) implements EventBody {
        public String type() {
            return "hold";
        }
    }

    /** Copy {@code copy} of a message goes on again, due at {@code dueMs}: released, or delivered now by hand. */
    record Release(Address from, Address to, Wire msg, int copy, double dueMs) implements EventBody {
        public String type() {
            return "release";
        }
    }

    /** A person acted on the running cluster by hand ({@code action} says what: "crash n2", "cut n0 → n1"). */
    record ByHand(String action) implements EventBody {
        public String type() {
            return "by-hand";
        }
    }

    /**
     * A narrated scenario's caption came up: its text, whether it stopped the clock until
     * someone continues, how long it stays (NaN: until the next caption), and what it points at
     * (roles already resolved to the nodes playing them then).
     */
    record Caption(String text, boolean pause, double forMs, Highlight highlight) implements EventBody {
        public String type() {
            return "caption";
        }
    }

    /** The runtime's clock changed pace: a new speed (cluster time per wall time), or paused, or running again. */
    record Clock(double speed, boolean paused) implements EventBody {
        public String type() {
            return "clock";
        }
    }

    /** One direction of the link between two nodes went down or came up. */
    record Link(int from, int to, boolean up) implements EventBody {
        public String type() {
            return "link";
        }
    }

    /** The network was split into groups of nodes and clients. */
    record Partitioned(List<List<Address>> groups) implements EventBody {
        public Partitioned {
            groups = groups.stream().map(List::copyOf).toList();
        }

        public String type() {
            return "partition";
        }
    }

    /** Every link is up again. */
    record Healed() implements EventBody {
        public String type() {
            return "heal";
        }
    }

    /** All of a node's links went down. */
    record Isolated(int node) implements EventBody {
        public String type() {
            return "isolate";
        }
    }

    /** New network parameters for every link from now on. */
    record NetworkChanged(double minDelayMs, double maxDelayMs, double drop, double duplicate) implements EventBody {
        public String type() {
            return "network";
        }
    }

    record Crash(int node) implements EventBody {
        public String type() {
            return "crash";
        }
    }

    /** The node came back from its durable state, which held a snapshot through {@code restoredUpTo} (-1: none). */
    record Restart(int node, long restoredUpTo, boolean amnesia) implements EventBody {
        public String type() {
            return "restart";
        }
    }

    record Invoke(String client, Command op) implements EventBody {
        public String type() {
            return "invoke";
        }
    }

    /** The client got its answer ({@code ok}) or gave up ({@code timeout}: effect unknown, result null). */
    record Return(String client, Command op, Outcome outcome, Result result) implements EventBody {
        public String type() {
            return "return";
        }
    }

    /** The final state of every node. */
    record End(List<NodeEnd> nodes) implements EventBody {
        public End {
            nodes = List.copyOf(nodes);
        }

        public String type() {
            return "end";
        }
    }

    /** One node at the end of a run; {@code digest} is equal iff two nodes' states are equal. */
    record NodeEnd(int node, boolean up, long applied, String digest) {
    }

    /** An event type this program does not know, kept so a foreign trace still reads. */
    record Unknown(String type, Integer node) implements EventBody {
    }
}
