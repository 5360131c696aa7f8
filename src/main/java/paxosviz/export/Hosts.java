package paxosviz.export;

import paxosviz.core.Address;
import paxosviz.trace.model.EventBody;

/** Which process an event happened at, named as the diagrams and logs name hosts: n0, n1, ..., and clients by name. */
public final class Hosts {

    private Hosts() {
    }

    static String name(Address address) {
        return address.toString();
    }

    /** The host an event belongs to, or null for network events that happen at no process (links, partitions, drops). */
    public static String of(EventBody body) {
        if (body instanceof EventBody.NodeStep step) {
            return "n" + step.node();
        }
        if (body instanceof EventBody.Send send) {
            return name(send.from());
        }
        if (body instanceof EventBody.Deliver deliver) {
            return name(deliver.to());
        }
        if (body instanceof EventBody.Crash crash) {
            return "n" + crash.node();
        }
        if (body instanceof EventBody.Restart restart) {
            return "n" + restart.node();
        }
        if (body instanceof EventBody.Invoke invoke) {
            return invoke.client();
        }
        if (body instanceof EventBody.Return answer) {
            return answer.client();
        }
        return null;
    }
}
