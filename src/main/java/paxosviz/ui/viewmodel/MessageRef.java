package paxosviz.ui.viewmodel;

import paxosviz.trace.model.EventBody;

/** Names one copy of a message ({@code copy} {@link EventBody#ANY_COPY}: whichever copy is on its way). */
public record MessageRef(long id, int copy) {

    public static MessageRef of(long id) {
        return new MessageRef(id, EventBody.ANY_COPY);
    }

    public boolean matches(MessageDot dot) {
        return dot.id() == id && (copy == EventBody.ANY_COPY || dot.copy() == copy);
    }
}
