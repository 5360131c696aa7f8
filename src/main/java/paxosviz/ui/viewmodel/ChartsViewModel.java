package paxosviz.ui.viewmodel;

import java.util.List;
import java.util.function.LongSupplier;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import paxosviz.ui.session.Session;
import paxosviz.viewstate.ChartPoint;

/**
 * Throughput and commit latency per second of cluster time, as the session's folded state
 * counts them; the points change at most a few times per second (at once after a replay jumps).
 */
public final class ChartsViewModel {

    static final long PUBLISH_INTERVAL_NANOS = 250_000_000L;

    private final Session session;
    private final LongSupplier nanoClock;
    private final ObservableList<ChartPoint> points = FXCollections.observableArrayList();
    // one wrapper for good: a listener added to a wrapper lasts only as long as the wrapper
    private final ObservableList<ChartPoint> shownPoints = FXCollections.unmodifiableObservableList(points);
    private long publishedAt;

    public ChartsViewModel(Session session) {
        this(session, System::nanoTime);
    }

    /** {@code nanoClock}: the wall clock that spaces out the updates. */
    ChartsViewModel(Session session, LongSupplier nanoClock) {
        this.session = session;
        this.nanoClock = nanoClock;
        this.publishedAt = nanoClock.getAsLong() - PUBLISH_INTERVAL_NANOS;
    }

    /** The finished seconds, oldest first. */
    public ObservableList<ChartPoint> points() {
        return shownPoints;
    }

    /** After the session's frame; {@code jumped}: the replay moved, so publish now. */
    public void refresh(boolean changed, boolean jumped) {
        long now = nanoClock.getAsLong();
        if (!changed || (!jumped && now - publishedAt < PUBLISH_INTERVAL_NANOS)) {
            return;
        }
        List<ChartPoint> current = session.state().charts().points();
        if (!current.equals(points)) {
            points.setAll(current);
        }
        publishedAt = now;
    }
}
