package paxosviz.core;

/**
 * One replica as its host sees it: a single-threaded state machine. The host calls one method
 * at a time, passing its clock's current time in microseconds, and carries out the effects the
 * replica hands to its {@link NodeOutput}.
 */
public interface Replica {

    /** Called once when the replica boots or restarts from its durable state. */
    void start(long now);

    void receive(Address from, Message message, long now);

    void timer(TimerKind kind, long now);

    /** Called after a burst of inputs, so that work queued during the burst goes out as one batch. */
    void flush(long now);

    ReplicaStatus status();
}
