package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static paxosviz.ui.viewmodel.SyntheticEvents.invoke;
import static paxosviz.ui.viewmodel.SyntheticEvents.ok;
import static paxosviz.ui.viewmodel.SyntheticEvents.put;
import static paxosviz.ui.viewmodel.SyntheticEvents.timeout;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import paxosviz.core.Command;
import paxosviz.trace.model.EventBody;
import paxosviz.ui.session.ScriptedSession;
import paxosviz.viewstate.ChartPoint;
import paxosviz.viewstate.ChartsState;

class ChartsViewModelTest {

    private final SyntheticEvents events = new SyntheticEvents();
    private final AtomicLong wall = new AtomicLong();
    private final ScriptedSession session = new ScriptedSession(3, true);
    private final ChartsViewModel charts = new ChartsViewModel(session, wall::get);

    /** An event for the next frame. */
    private void at(double t, EventBody body) {
        session.feed(events.at(t, body));
    }

    /** The next frame, right away (not a jump). */
    private void frame() {
        charts.refresh(session.frame().changed(), false);
    }

    /** Any event moves the chart's clock; a heartbeat stands in for the cluster's traffic. */
    private void tick(double t) {
        at(t, events.send(0, 1, SyntheticEvents.heartbeat()));
    }

    private void frameLater() {
        wall.addAndGet(ChartsViewModel.PUBLISH_INTERVAL_NANOS);
        frame();
    }

    @Test
    void throughputAndLatencyPerSecondOfClusterTime() {
        Command a = put("alice", 1, "x", "1");
        Command b = put("bob", 1, "y", "2");
        Command c = put("alice", 2, "x", "3");
        Command lost = put("bob", 2, "y", "4");
        at(100, invoke(a));
        at(150, ok(a));          // 50 ms
        at(200, invoke(b));
        at(400, ok(b));          // 200 ms
        at(900, invoke(c));
        at(900, invoke(lost));
        at(1100, ok(c));         // 200 ms, answered in second 1
        at(1500, timeout(lost)); // not an answer
        tick(2000);
        frameLater();

        assertThat(charts.points()).hasSize(2);
        ChartPoint first = charts.points().get(0);
        assertThat(first.second()).isZero();
        assertThat(first.answered()).isEqualTo(2);
        assertThat(first.meanMs()).isEqualTo(125.0);
        assertThat(first.p95Ms()).isCloseTo(200.0, within(2.0));
        ChartPoint second = charts.points().get(1);
        assertThat(second.answered()).isEqualTo(1);
        assertThat(second.meanMs()).isEqualTo(200.0);
    }

    @Test
    void p95IsTheSlowTailNotTheMean() {
        for (int i = 0; i < 100; i++) {
            Command op = put("c" + i, 1, "k", "v");
            at(0, invoke(op));
            at(i < 95 ? 10 : 500, ok(op));
        }
        tick(1000);
        frameLater();
        ChartPoint point = charts.points().get(0);
        assertThat(point.answered()).isEqualTo(100);
        assertThat(point.meanMs()).isCloseTo((95 * 10 + 5 * 500) / 100.0, within(1e-9));
        assertThat(point.p95Ms()).isCloseTo(10.0, within(0.1));
    }

    @Test
    void quietSecondsShowNoOperationsAndNoLatency() {
        Command op = put("alice", 1, "x", "1");
        at(100, invoke(op));
        at(3200, ok(op));
        tick(4000);
        frameLater();

        assertThat(charts.points()).extracting(ChartPoint::second).containsExactly(0L, 1L, 2L, 3L);
        assertThat(charts.points()).extracting(ChartPoint::answered).containsExactly(0, 0, 0, 1);
        assertThat(charts.points().get(1).hasLatency()).isFalse();
        assertThat(charts.points().get(3).meanMs()).isEqualTo(3100.0);
    }

    @Test
    void anAnswerWhoseInvokeWasNotSeenCountsWithoutLatency() {
        at(500, ok(put("dave", 9, "z", "1")));
        tick(1000);
        frameLater();
        assertThat(charts.points().get(0).answered()).isEqualTo(1);
        assertThat(charts.points().get(0).hasLatency()).isFalse();
    }

    @Test
    void keepsTheLastWindowOfSecondsAndForgetsOldInvokes() {
        for (int s = 0; s < 500; s++) {
            at(s * 1000.0, invoke(put("client" + s, 1, "k", "v"))); // never answered
            tick(s * 1000.0 + 1);
        }
        frameLater();
        assertThat(charts.points()).hasSize(ChartsState.WINDOW);
        assertThat(charts.points().get(0).second()).isEqualTo(499 - ChartsState.WINDOW);
        // that the unanswered invokes are forgotten is the fold's business: ChartsStateTest
    }

    @Test
    void aJumpInTimeOpensOnlyAWindowOfSeconds() {
        tick(0);
        tick(1_000_000_000.0);
        frameLater();
        assertThat(charts.points()).hasSize(ChartsState.WINDOW);
        assertThat(charts.points().get(ChartsState.WINDOW - 1).second()).isEqualTo(999_999L);
    }

    @Test
    void aListenerKeepsHearingUpdatesAfterGarbageCollection() {
        AtomicInteger updates = new AtomicInteger();
        charts.points().addListener((ListChangeListener<ChartPoint>) change -> updates.incrementAndGet());
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        tick(0);
        tick(1000);
        frameLater();
        assertThat(updates).hasValue(1);
    }

    @Test
    void publishesAtMostFourTimesASecond() {
        AtomicInteger updates = new AtomicInteger();
        charts.points().addListener((ListChangeListener<ChartPoint>) change -> updates.incrementAndGet());
        tick(0);
        tick(1000);
        frame();
        assertThat(updates).hasValue(1);

        tick(2000);
        wall.addAndGet(ChartsViewModel.PUBLISH_INTERVAL_NANOS / 2);
        frame();
        assertThat(updates).as("too soon after the last update").hasValue(1);

        frameLater();
        assertThat(updates).hasValue(2);
        assertThat(charts.points()).hasSize(2);

        frameLater();
        assertThat(updates).as("nothing new").hasValue(2);
    }

    @Test
    void aReplayThatJumpedPublishesAtOnce() {
        AtomicInteger updates = new AtomicInteger();
        charts.points().addListener((ListChangeListener<ChartPoint>) change -> updates.incrementAndGet());
        tick(0);
        tick(1000);
        frame();
        assertThat(updates).hasValue(1);

        tick(3000);
        charts.refresh(session.frame().changed(), true);
        assertThat(updates).as("a jump is shown however soon after the last update").hasValue(2);
        assertThat(charts.points()).extracting(ChartPoint::second).containsExactly(0L, 1L, 2L);

        charts.refresh(false, false);
        wall.addAndGet(ChartsViewModel.PUBLISH_INTERVAL_NANOS);
        charts.refresh(false, false);
        assertThat(updates).as("a frame that changed nothing publishes nothing").hasValue(2);
    }
}
