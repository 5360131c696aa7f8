package paxosviz.core;

/**
 * The effects a replica produces. The host carries them out: it sends through its network,
 * arms timers on its clock, and forwards events to the event stream. Durable writes do not go
 * through here: they go to {@link Storage}, synchronously, before any reply is handed over.
 */
public interface NodeOutput {

    void send(Address to, Message message);

    /**
     * Arms the timer of this kind to fire once after a delay the host draws uniformly from
     * [minDelay, maxDelay] microseconds, replacing any pending timer of the same kind. The host
     * draws, so that all randomness stays with the host.
     */
    void setTimer(TimerKind kind, long minDelay, long maxDelay);

    void event(NodeEvent event);
}
