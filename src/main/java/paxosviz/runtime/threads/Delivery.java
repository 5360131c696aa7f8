package paxosviz.runtime.threads;

import paxosviz.core.Address;
import paxosviz.trace.model.Wire;

/**
 * One copy of a message in flight. The agenda holds a ticket for it; holding, releasing or
 * dropping it by hand bumps {@link #version}, which voids tickets issued before.
 */
final class Delivery {

    final Address from;
    final Address to;
    final Wire wire;
    final long sentAt;
    long dueAt;
    boolean held;
    /** Whether its due time came while held: it waits in the parking lot, not on the agenda. */
    boolean parked;
    int version;

    Delivery(Address from, Address to, Wire wire, long sentAt, long dueAt) {
        this.from = from;
        this.to = to;
        this.wire = wire;
        this.sentAt = sentAt;
        this.dueAt = dueAt;
    }

    InFlight view() {
        return new InFlight(wire.id(), from, to, wire, sentAt, dueAt, held);
    }
}
