package paxosviz.runtime;

import paxosviz.core.Address;
import paxosviz.trace.model.Wire;

/** One copy of a message on its way, as the per-message controls see it (times in cluster microseconds). */
public record InFlight(long id, int copy, Address from, Address to, Wire wire, long sentAt, long dueAt, boolean held) {
}
