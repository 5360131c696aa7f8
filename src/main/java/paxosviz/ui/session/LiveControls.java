package paxosviz.ui.session;

import java.util.List;

import paxosviz.core.Address;
import paxosviz.core.OpType;

/**
 * Everything a person can do to a running cluster. Each call returns at once; the cluster does
 * it on a thread of its own, in the order called, and reports it on the event stream.
 */
public interface LiveControls {

    void cut(int from, int to, boolean oneWay);

    void restore(int from, int to, boolean oneWay);

    void isolate(int node);

    void partition(List<List<Address>> groups);

    void heal();

    void crash(int node);

    void restart(int node);

    /** Per-message controls; {@code copy} names one copy of a duplicated message. */
    void hold(long id, int copy);

    void release(long id, int copy);

    void deliverNow(long id, int copy);

    void drop(long id, int copy);

    void duplicate(long id, int copy);

    /** Hands one operation to a client (created on first use). */
    void submit(String client, OpType type, String key, String value, String expect);

    void setSpeed(double speed);

    void pause();

    void resume();

    /** While paused: the next message arrives or the next timer fires. */
    void step();

    void setNetwork(double minDelayMs, double maxDelayMs, double drop, double duplicate);

    /** A background workload of {@code clients} closed-loop clients at {@code ratePerSec} in all, or none. */
    void setWorkload(boolean on, double ratePerSec, int clients);
}
