package paxosviz.trace.model;

import paxosviz.core.Message;

/**
 * A message as the trace names it: the network's id for it, its kind, and the message itself
 * (null when read from a trace whose message this program cannot rebuild).
 */
public record Wire(long id, String kind, Message message) {

    public static Wire of(long id, Message message) {
        return new Wire(id, message.kind(), message);
    }
}
