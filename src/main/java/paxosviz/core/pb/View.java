package paxosviz.core.pb;

import paxosviz.core.Ballot;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;

/** A numbered configuration: which server is primary and which is backup (-1: none). */
record View(int viewnum, int primary, int backup) {

    /** What a server knows before it has heard of any view. */
    static final View NONE = new View(0, -1, -1);

    static View of(Message.ViewReply reply) {
        return new View(reply.viewnum(), reply.primary(), reply.backup());
    }

    Message.ViewReply toMessage() {
        return new Message.ViewReply(viewnum, primary, backup);
    }

    /** The view as a ballot, for status and events: ordered by number, like ballots. */
    Ballot ballot() {
        return new Ballot(viewnum, primary);
    }

    /** The view as the event that reports it. */
    NodeEvent.ViewChanged toEvent() {
        return new NodeEvent.ViewChanged(viewnum, primary, backup);
    }

        boolean isMember(int node) {
        return node >= 0 && (node == primary || node == backup);
    }
}
