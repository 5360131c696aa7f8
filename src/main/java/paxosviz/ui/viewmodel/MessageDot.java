package paxosviz.ui.viewmodel;

import paxosviz.core.Address;
import paxosviz.trace.model.Wire;

/**
 * A copy of a message on its way, placed for drawing: {@code progress} runs from 0 (just sent)
 * to 1 (arriving); {@code copies} is how many copies of it are on their way.
 */
public record MessageDot(long id, int copy, int copies, Address from, Address to, Wire wire, MessageKind kind,
        double progress, boolean held) {

    public MessageRef ref() {
        return new MessageRef(id, copy);
    }
}
