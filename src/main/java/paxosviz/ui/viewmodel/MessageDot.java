package paxosviz.ui.viewmodel;

import paxosviz.core.Address;
import paxosviz.trace.model.Wire;

/** A message on its way, placed for drawing: {@code progress} runs from 0 (just sent) to 1 (arriving). */
public record MessageDot(long id, Address from, Address to, Wire wire, MessageKind kind, double progress, boolean held) {
}
