package paxosviz.ui.viewmodel;

import paxosviz.core.Address;
import paxosviz.trace.model.EventBody;

/** Which nodes an event is about: for filtering the log by node and for selecting a node from it. */
final class EventNodes {

    private EventNodes() {
    }

    /**
     * The node that acts in the event, or -1: the sender of a message (its receiver when a
     * client sent it), the receiver of a delivery, the node of a node's own step or fault.
     */
    static int subject(EventBody body) {
        if (body instanceof EventBody.NodeStep step) {
            return step.node();
        }
        if (body instanceof EventBody.Send send) {
            return firstNode(send.from(), send.to());
        }
        if (body instanceof EventBody.Deliver deliver) {
            return firstNode(deliver.to(), deliver.from());
        }
        if (body instanceof EventBody.Drop drop) {
            return firstNode(drop.from(), drop.to());
        }
        if (body instanceof EventBody.Link link) {
            return link.from();
        }
        if (body instanceof EventBody.Isolated isolated) {
            return isolated.node();
        }
        if (body instanceof EventBody.Crash crash) {
            return crash.node();
        }
        if (body instanceof EventBody.Restart restart) {
            return restart.node();
        }
        if (body instanceof EventBody.Unknown unknown && unknown.node() != null) {
            return unknown.node();
        }
        return -1;
    }

    /**
     * Whether the event concerns {@code node}: it acts in it, a message goes to or from it, a
     * link of its changes. Partitions, heals, network changes and the end state change every
     * node, so they concern each; client invocations and answers concern none.
     */
    static boolean involves(EventBody body, int node) {
        if (body instanceof EventBody.Send send) {
            return is(send.from(), node) || is(send.to(), node);
        }
        if (body instanceof EventBody.Deliver deliver) {
            return is(deliver.from(), node) || is(deliver.to(), node);
        }
        if (body instanceof EventBody.Drop drop) {
            return is(drop.from(), node) || is(drop.to(), node);
        }
        if (body instanceof EventBody.Link link) {
            return link.from() == node || link.to() == node;
        }
        if (body instanceof EventBody.Partitioned || body instanceof EventBody.Healed
                || body instanceof EventBody.NetworkChanged || body instanceof EventBody.End) {
            return true;
        }
        return subject(body) == node;
    }

    private static int firstNode(Address preferred, Address other) {
        if (preferred instanceof Address.Node n) {
            return n.index();
        }
        return other instanceof Address.Node n ? n.index() : -1;
    }

    private static boolean is(Address address, int node) {
        return address instanceof Address.Node n && n.index() == node;
    }
}
