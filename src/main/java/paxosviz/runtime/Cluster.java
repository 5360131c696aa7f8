package paxosviz.runtime;

import java.util.List;

import paxosviz.core.Address;
import paxosviz.core.ReplicaStatus;
import paxosviz.net.LinkParams;
import paxosviz.trace.model.EventBody;

/**
 * A running cluster as scenarios and the UI drive it: faults, clients, time. The simulator and
 * the threaded runtime both implement it, over the same protocol core and network model.
 */
public interface Cluster {

    ClusterSpec spec();

    EventStream events();

    /** The runtime's clock, in microseconds. */
    long now();

    /** Boots every node. */
    void start();

    /** Runs {@code action} at {@code micros} on the runtime's clock, serialized with the cluster's inputs. */
    void scheduleAt(long micros, Runnable action);

    /** Lets the cluster run until its clock reads {@code micros}. */
    void advanceTo(long micros) throws InterruptedException;

    /**
     * Shows a narrated scenario's caption: it goes on the event stream like everything else,
     * and a live cluster stops its clock right there when the caption asks to pause.
     */
    void narrate(EventBody.Caption caption);

    // ---------------------------------------------------------------- faults

    void crash(int node);

    void restart(int node);

    boolean isUp(int node);

    /** The network's faults, which report themselves on the event stream. */
    NetworkFaults faults();

    default void cut(int from, int to, boolean oneWay) {
        faults().cut(from, to, oneWay);
    }

    default void restore(int from, int to, boolean oneWay) {
        faults().restore(from, to, oneWay);
    }

    default void isolate(int node) {
        faults().isolate(node);
    }

    default void partition(List<List<Address>> groups) {
        faults().partition(groups);
    }

    default void heal() {
        faults().heal();
    }

    default void setNetwork(LinkParams params) {
        faults().setParams(params);
    }

    LinkParams network();

    // ---------------------------------------------------------------- clients

    /**
     * The client of that name, created on first use. Only for actions the cluster runs itself
     * ({@link #scheduleAt}); from elsewhere use {@link #submit}.
     */
    ClientSession client(String name);

    /** Hands an operation to a client, from any thread. */
    default void submit(String client, ClientSession.Request request) {
        client(client).submit(request);
    }

    /** Starts closed-loop clients with these names. */
    Workload startLoad(List<String> clients, List<String> keys, double ratePerSec, long untilMicros);

    /** True when no client has an operation outstanding. */
    boolean clientsIdle();

    /** Stops all load and drops queued operations; operations in flight carry on. */
    void stopClients();

    // ---------------------------------------------------------------- state

    /** The status of a live node, or null if it is down. */
    ReplicaStatus status(int node);

    /**
     * True when every live node that keeps the replicated state has applied the same slots and
     * holds the same state (a view service or a spare server keeps none).
     */
    default boolean converged() {
        long applied = Long.MIN_VALUE;
        String digest = null;
        for (int node = 0; node < spec().nodes(); node++) {
            ReplicaStatus status = status(node);
            if (status == null || !status.role().holdsState()) {
                continue;
            }
            if (applied == Long.MIN_VALUE) {
                applied = status.applied();
                digest = status.digest();
            } else if (applied != status.applied() || !digest.equals(status.digest())) {
                return false;
            }
        }
        return true;
    }

    /** Abandons unanswered client operations and records every node's final state. */
    void finish();
}
