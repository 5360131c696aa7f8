package paxosviz.check;

import java.util.Arrays;

/**
 * Checks that every node applies slots one after another. A node starts before slot 0; an
 * installed snapshot through u or a restart from a snapshot through u puts it right after u;
 * a snapshot it takes itself changes nothing.
 */
final class ApplyOrder {

    /** What last set a node's position, for messages. */
    private enum Cause { START, APPLY, INSTALL, RESTART }

    private final ViolationList violations;
    private long[] next;
    private Cause[] cause;

    ApplyOrder(int nodes, ViolationList violations) {
        this.violations = violations;
        next = new long[Math.max(nodes, 1)];
        cause = new Cause[next.length];
        Arrays.fill(cause, Cause.START);
    }

    void applied(long seq, int node, long slot) {
        if (!ensure(node)) {
            return;
        }
        if (slot != next[node]) {
            violations.add(Violation.atSlot(Violation.ORDER, seq, slot,
                    "node " + node + " applied slot " + slot + " but slot " + next[node] + " was next (" + why(node) + ")"));
        }
        moveTo(node, slot, Cause.APPLY);
    }

    void installed(int node, long upTo) {
        if (ensure(node)) {
            moveTo(node, upTo, Cause.INSTALL);
        }
    }

    void restarted(int node, long restoredUpTo) {
        if (ensure(node)) {
            moveTo(node, restoredUpTo, Cause.RESTART);
        }
    }

    private void moveTo(int node, long lastApplied, Cause why) {
        next[node] = lastApplied + 1;
        cause[node] = why;
    }

    private String why(int node) {
        long last = next[node] - 1;
        switch (cause[node]) {
            case APPLY:
                return "it had applied slot " + last;
            case INSTALL:
                return "it had installed a snapshot through slot " + last;
            case RESTART:
                return last < 0 ? "it had restarted with no snapshot" : "it had restarted from a snapshot through slot " + last;
            default:
                return "it had applied nothing yet";
        }
    }

    /** Makes room for {@code node}; false for a negative index, which the checker notes elsewhere. */
    private boolean ensure(int node) {
        if (node < 0) {
            return false;
        }
        if (node >= next.length) {
            int old = next.length;
            next = Arrays.copyOf(next, node + 1);
            cause = Arrays.copyOf(cause, node + 1);
            Arrays.fill(cause, old, cause.length, Cause.START);
        }
        return true;
    }
}
