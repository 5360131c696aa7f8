package paxosviz.runtime;

import paxosviz.core.Address;
import paxosviz.core.Message;
import paxosviz.trace.model.EventBody;

/** What a client needs from the runtime hosting it: a clock, the network, timers, events, randomness. */
public interface ClientHost {

    long now();

    void send(Address.Client from, int node, Message message);

    /** Runs {@code action} after {@code delayMicros} on the runtime's clock, serialized with other inputs. */
    void schedule(long delayMicros, Runnable action);

    void emit(EventBody body);

    /** A uniform draw from 0 (inclusive) to {@code bound} (exclusive), from the runtime's randomness. */
    int random(int bound);
}
