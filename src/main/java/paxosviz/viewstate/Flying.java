package paxosviz.viewstate;

import paxosviz.core.Address;
import paxosviz.trace.model.Wire;

/**
 * One copy of a message on its way, as the trace tells it: sent at {@code sentMs}, due at
 * {@code dueMs} (NaN when the trace does not say), and whether it is held by hand.
 */
public record Flying(long id, int copy, Address from, Address to, Wire wire, double sentMs, double dueMs, boolean held) {

    /** How far along its lane it is at {@code nowMs}: 0 just sent, 1 arriving; 0.5 when its due time is unknown. */
    public double progress(double nowMs) {
        if (Double.isNaN(dueMs)) {
            return 0.5;
        }
        double span = Math.max(1e-3, dueMs - sentMs);
        return Math.min(1, Math.max(0, (nowMs - sentMs) / span));
    }

    Flying with(double due, boolean isHeld) {
        return new Flying(id, copy, from, to, wire, sentMs, due, isHeld);
    }
}
