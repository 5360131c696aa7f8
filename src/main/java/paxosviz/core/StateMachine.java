package paxosviz.core;

import java.util.Map;

/**
 * The deterministic object the log feeds. Applying the same commands in the same order gives
 * the same state and the same results on every replica. It also remembers, per client, the
 * last operation applied and its result, so that a retried operation takes effect once.
 */
public interface StateMachine {

    /** Applies one chosen command. A retry of an applied operation changes nothing and returns the first result. */
    Result apply(Command command);

    /** The result of {@code op} if it is the latest applied operation of its client, else null. */
    Result resultIfApplied(OpId op);

    /** True if {@code op} is older than the latest applied operation of its client. */
    boolean isStale(OpId op);

    SnapshotData snapshot();

    void restore(SnapshotData snapshot);

    /** Equal iff two machines hold the same state. */
    String digest();

    /** A copy of the visible contents, for display. */
    Map<String, String> contents();
}
