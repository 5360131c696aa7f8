package paxosviz.viewstate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import paxosviz.core.OpId;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;

/**
 * Throughput and commit latency per second of cluster time: operations answered with ok, and
 * the time from each one's invoke to its answer. Only the last {@link #WINDOW} finished seconds
 * are kept; a finished second never changes again, so copies share them.
 */
public final class ChartsState {

    /** How many finished seconds the charts show. */
    public static final int WINDOW = 120;

    private final ArrayDeque<ChartPoint> finished;
    private SecondStats running;
    // insertion order is invoke order, so the oldest are forgotten first
    private final LinkedHashMap<OpId, Double> invokedAt;

    ChartsState() {
        finished = new ArrayDeque<>();
        invokedAt = new LinkedHashMap<>();
    }

    private ChartsState(ChartsState from) {
        finished = new ArrayDeque<>(from.finished);
        running = from.running == null ? null : from.running.copy();
        invokedAt = new LinkedHashMap<>(from.invokedAt);
    }

    ChartsState copy() {
        return new ChartsState(this);
    }

    /** The finished seconds, oldest first. */
    public List<ChartPoint> points() {
        return new ArrayList<>(finished);
    }

    /** The second answers go to now, or -1 before the first event. */
    public long runningSecond() {
        return running == null ? -1 : running.second();
    }

    void accept(double t, EventBody body) {
        SecondStats second = second((long) Math.floor(t / 1000));
        if (body instanceof EventBody.Invoke invoke && invoke.op() != null) {
            invokedAt.put(invoke.op().id(), t);
        } else if (body instanceof EventBody.Return answer && answer.op() != null) {
            Double started = invokedAt.remove(answer.op().id());
            if (answer.outcome() == Outcome.OK && second != null) {
                second.answered(started == null ? Double.NaN : t - started);
            }
        }
    }

    /** The stats of this second, finishing the seconds before it; null for a second older than the running one. */
    private SecondStats second(long second) {
        if (running == null) {
            running = new SecondStats(second);
            return running;
        }
        if (second < running.second()) {
            return null;
        }
        if (second > running.second()) {
            finished.addLast(running.point());
            long from = Math.max(running.second() + 1, second - WINDOW);
            for (long empty = from; empty < second; empty++) {
                finished.addLast(new SecondStats(empty).point());
            }
            while (finished.size() > WINDOW) {
                finished.removeFirst();
            }
            running = new SecondStats(second);
            forgetInvokesBefore(finished.isEmpty() ? second * 1000.0 : finished.peekFirst().second() * 1000.0);
        }
        return running;
    }

    /** An operation invoked before the window will not be charted: its start need not be kept. */
    private void forgetInvokesBefore(double ms) {
        Iterator<Map.Entry<OpId, Double>> it = invokedAt.entrySet().iterator();
        while (it.hasNext() && it.next().getValue() < ms) {
            it.remove();
        }
    }

    /** How many invoked operations wait for an answer to be charted. */
    int openInvokes() {
        return invokedAt.size();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChartsState that && points().equals(that.points())
                && runningSecond() == that.runningSecond()
                && (running == null || running.point().equals(that.running.point()))
                && invokedAt.equals(that.invokedAt);
    }

    @Override
    public int hashCode() {
        return finished.size();
    }
}
