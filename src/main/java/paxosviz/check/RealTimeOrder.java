package paxosviz.check;

import java.util.List;

/**
 * Checks that the agreed log respects real time: when operation A was acknowledged before B
 * was invoked, A's first slot is below B's. One sweep over invokes and returns in trace order,
 * keeping the highest slot acknowledged so far, as the reference checker does it.
 */
final class RealTimeOrder {

    private RealTimeOrder() {
    }

    /** Reports the first operation out of order, with how many are. */
    static void check(ClientHistory history, ViolationList out) {
        List<ClientHistory.Returned> returns = history.inReturnOrder();
        int returnedBefore = 0;
        ClientOp highest = null; // the highest-slot operation acknowledged so far
        ClientOp firstEarlier = null;
        ClientOp firstLater = null;
        long outOfOrder = 0;
        for (ClientOp later : history.inInvokeOrder()) {
            if (!judged(later)) {
                continue;
            }
            while (returnedBefore < returns.size() && returns.get(returnedBefore).seq() < later.invokeSeq) {
                ClientHistory.Returned ret = returns.get(returnedBefore++);
                if (ret.latest() && judged(ret.op()) && (highest == null || ret.op().slot > highest.slot)) {
                    highest = ret.op();
                }
            }
            if (highest != null && highest.slot >= later.slot && outOfOrder++ == 0) {
                firstEarlier = highest;
                firstLater = later;
            }
        }
        if (firstEarlier != null) {
            long visible = Math.max(firstLater.returnSeq, Math.max(firstEarlier.loggedAtSeq, firstLater.loggedAtSeq));
            String message = firstEarlier.invoked + " was acknowledged (seq " + firstEarlier.returnSeq + ") before "
                    + firstLater.invoked + " was invoked (seq " + firstLater.invokeSeq + "), yet the log holds them at slots "
                    + firstEarlier.slot + " and " + firstLater.slot
                    + (outOfOrder > 1 ? "; " + outOfOrder + " operations in all are out of real-time order" : "");
            out.add(Violation.atSlot(Violation.REAL_TIME, visible, firstLater.slot, message));
        }
    }

    /** Acknowledged, invoked and in the log: the operations whose order can be judged. */
    private static boolean judged(ClientOp op) {
        return op.acknowledged() && op.invoked != null && op.inLog();
    }
}
