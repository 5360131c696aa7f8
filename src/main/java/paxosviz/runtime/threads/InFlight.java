package paxosviz.runtime.threads;

import paxosviz.core.Address;
import paxosviz.trace.model.Wire;

/** A message on its way, as the views and per-message controls see it (times in cluster microseconds). */
public record InFlight(long id, Address from, Address to, Wire wire, long sentAt, long dueAt, boolean held) {
}
