package paxosviz.runtime;

import java.util.List;

import paxosviz.trace.model.EventBody;

/**
 * A cluster a person drives while it runs: its clock can be slowed, paused and single-stepped,
 * and each message in flight can be held, released, delivered at once, dropped or duplicated.
 * Every method may be called from any thread. Each change reports itself on the event stream
 * ({@code clock}, {@code hold}, {@code release}, {@code drop}, {@code duplicate}), so a view or
 * a trace learns of it like of anything else.
 */
public interface LiveCluster extends Cluster, AutoCloseable {

    double MIN_SPEED = 0.02;
    double MAX_SPEED = 2.0;

    double speed();

    /** Cluster time per wall time, {@link #MIN_SPEED} to {@link #MAX_SPEED}. */
    void setSpeed(double speed);

    boolean paused();

    /** Stops the clock; returns once nothing more happens. */
    void pause() throws InterruptedException;

    void resume();

    /** While paused: delivers the next due message or fires the next timer, and waits for its effects. False if nothing is due. */
    boolean step() throws InterruptedException;

    /** The copies of messages on their way now, oldest first. */
    List<InFlight> inFlight();

    /** Keeps copy {@code copy} of message {@code id} ({@link EventBody#ANY_COPY}: every copy) from arriving until released. */
    boolean hold(long id, int copy);

    /** Lets a held copy go on: it arrives at its due time, or now if that has passed. */
    boolean release(long id, int copy);

    /** Delivers the copy now (while paused: at the next step). */
    boolean deliverNow(long id, int copy);

    /** Loses the copy. */
    boolean drop(long id, int copy);

    /** Sends another copy of it, with a fresh delay from the network's range. */
    boolean duplicate(long id, int copy);

    /**
     * Says on the event stream, in order with what follows, that a person is about to act on the
     * cluster by hand ({@code action}: "crash n2"): from there on a run is not what its seed alone makes.
     */
    void mark(String action);

    /** Starts a background workload; {@link #stopClients()} or a new call ends it. */
    void startBackgroundLoad(List<String> names, List<String> keys, double ratePerSec);

    /** Stops every thread; the cluster cannot run again. */
    @Override
    void close();
}
