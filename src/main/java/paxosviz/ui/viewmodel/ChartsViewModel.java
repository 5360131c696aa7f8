package paxosviz.ui.viewmodel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import paxosviz.core.OpId;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;

/**
 * Throughput and commit latency per second of cluster time: operations answered with ok, and
 * the time from each one's invoke to its answer (mean and 95th percentile). Only the last
 * {@link #WINDOW} finished seconds are kept, and the points change at most a few times per second.
 */
public final class ChartsViewModel implements EventBatchListener {

    /** How many finished seconds the charts show. */
    public static final int WINDOW = 120;
    static final long PUBLISH_INTERVAL_NANOS = 250_000_000L;

    private final LongSupplier nanoClock;
    // the finished seconds, then the one running now
    private final ArrayDeque<SecondStats> seconds = new ArrayDeque<>();
    // insertion order is invoke order, so the oldest are forgotten first
    private final LinkedHashMap<OpId, Double> invokedAt = new LinkedHashMap<>();
    private final ObservableList<ChartPoint> points = FXCollections.observableArrayList();
    // one wrapper for good: a listener added to a wrapper lasts only as long as the wrapper
    private final ObservableList<ChartPoint> shownPoints = FXCollections.unmodifiableObservableList(points);
    private boolean changed;
    private long publishedAt;

    public ChartsViewModel() {
        this(System::nanoTime);
    }

    /** {@code nanoClock}: the wall clock that spaces out the updates. */
    ChartsViewModel(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.publishedAt = nanoClock.getAsLong() - PUBLISH_INTERVAL_NANOS;
    }

    /** The finished seconds, oldest first. */
    public ObservableList<ChartPoint> points() {
        return shownPoints;
    }

    @Override
    public void accept(TraceEvent event) {
        SecondStats second = second((long) Math.floor(event.t() / 1000));
        if (event.body() instanceof EventBody.Invoke invoke) {
            invokedAt.put(invoke.op().id(), event.t());
        } else if (event.body() instanceof EventBody.Return answer) {
            Double started = invokedAt.remove(answer.op().id());
            if (answer.outcome() == Outcome.OK && second != null) {
                second.answered(started == null ? Double.NaN : event.t() - started);
                changed |= second != seconds.peekLast();
            }
        }
    }

    /** The stats of this second, opening it and any seconds before it with nothing; null if it is older than the window. */
    private SecondStats second(long second) {
        SecondStats newest = seconds.peekLast();
        if (newest == null || second > newest.second()) {
            long from = newest == null ? second : Math.max(newest.second() + 1, second - WINDOW);
            for (long s = from; s <= second; s++) {
                seconds.addLast(new SecondStats(s));
            }
            while (seconds.size() > WINDOW + 1) {
                seconds.removeFirst();
            }
            forgetInvokesBefore(seconds.peekFirst().second() * 1000.0);
            changed = true;
            return seconds.peekLast();
        }
        for (Iterator<SecondStats> it = seconds.descendingIterator(); it.hasNext();) {
            SecondStats candidate = it.next();
            if (candidate.second() <= second) {
                return candidate.second() == second ? candidate : null;
            }
        }
        return null;
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
    public void endBatch() {
        long now = nanoClock.getAsLong();
        if (!changed || now - publishedAt < PUBLISH_INTERVAL_NANOS) {
            return;
        }
        List<ChartPoint> finished = new ArrayList<>(seconds.size());
        for (SecondStats second : seconds) {
            if (second != seconds.peekLast()) {
                finished.add(second.point());
            }
        }
        points.setAll(finished);
        changed = false;
        publishedAt = now;
    }
}
