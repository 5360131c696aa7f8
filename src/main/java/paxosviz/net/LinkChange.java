package paxosviz.net;

/** One direction of the link between two nodes went down or came up. */
public record LinkChange(int from, int to, boolean up) {
}
