package paxosviz.ui.viewmodel;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import paxosviz.BadInputException;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.session.EventsSoFar;
import paxosviz.ui.session.Frame;
import paxosviz.ui.session.Session;
import paxosviz.viewstate.SlotHistory;
import paxosviz.viewstate.SlotReport;

/**
 * The quorum inspector of one slot: picking a slot scans the session's events so far on a
 * background thread for the few that tell that slot's story (a replay's whole trace, a live
 * session's spool); from then on each frame's fresh events add to it. The report shows the
 * slot as of the point the views show: a live session's last folded event, a replay's playhead.
 */
public final class SlotInspectorViewModel {

    private static final ExecutorService SCANS = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slot-inspector");
        thread.setDaemon(true);
        return thread;
    });

    private final Session session;
    private final Supplier<EventsSoFar> eventsSoFar;
    private final Executor background;
    private final Executor fx;
    private final LongProperty slot = new SimpleLongProperty(this, "slot", -1);
    private final ReadOnlyObjectWrapper<SlotReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** The history the report folds, once its scan is done; null before. */
    private SlotHistory history;
    /** The slot's fresh live events that came while the scan ran: they may be after the spool's end. */
    private SlotHistory meanwhile;
    /** Tells a scan whether it is still wanted (another slot may have been picked meanwhile): it stops if not. */
    private volatile long scanNumber;
    /** The seq of the last event the views show (live: folded; replay: before the playhead). */
    private long shownSeq = Long.MIN_VALUE;

    public SlotInspectorViewModel(Session session) {
        this(session, () -> EventsSoFar.of(session), SCANS, Platform::runLater);
    }

    /** {@code eventsSoFar} says where a scan reads; {@code background} scans; {@code fx} runs what a scan hands back on the FX thread. */
    SlotInspectorViewModel(Session session, Supplier<EventsSoFar> eventsSoFar, Executor background, Executor fx) {
        this.session = session;
        this.eventsSoFar = eventsSoFar;
        this.background = background;
        this.fx = fx;
        slot.addListener((obs, old, picked) -> inspect(picked.longValue()));
    }

    /** The slot inspected (-1: none). */
    public LongProperty slotProperty() {
        return slot;
    }

    /** What the trace says about the slot up to the point shown; null while none is picked or its scan runs. */
    public ReadOnlyObjectProperty<SlotReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Empty, or what is in the way: a scan under way, a trace that cannot be read back. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public int nodes() {
        return session.info().nodes();
    }

    private void inspect(long picked) {
        scanNumber++;
        history = null;
        meanwhile = null;
        report.set(null);
        if (picked < 0) {
            status.set("");
            return;
        }
        meanwhile = new SlotHistory(picked, nodes());
        status.set("Reading the trace so far for slot " + picked + "…");
        long number = scanNumber;
        EventsSoFar events = eventsSoFar.get();
        SlotHistory scanned = new SlotHistory(picked, nodes());
        background.execute(() -> {
            String problem = null;
            try {
                events.read(event -> {
                    if (number != scanNumber) {
                        throw new CancellationException("another slot was picked");
                    }
                    scanned.offer(event);
                });
            } catch (BadInputException | RuntimeException e) {
                problem = e.getMessage();
            }
            String failed = problem;
            fx.execute(() -> scanned(number, scanned, failed));
        });
    }

    /** On the FX thread: the scan is done; the events that came meanwhile go after it. */
    private void scanned(long number, SlotHistory scanned, String problem) {
        if (number != scanNumber) {
            return;
        }
        scanned.append(meanwhile);
        meanwhile = null;
        history = scanned;
        status.set(problem == null ? "" : "Only what came since is shown: " + problem);
        show();
    }

    /** Once a frame: the fresh events join the history, and the report follows the point shown. */
    public void refresh(Frame frame) {
        List<TraceEvent> fresh = frame.fresh();
        var replay = session.replay();
        long before = shownSeq;
        if (replay != null) {
            TraceEvent current = replay.current();
            shownSeq = current == null ? Long.MIN_VALUE : current.seq();
        } else if (!fresh.isEmpty()) {
            shownSeq = fresh.get(fresh.size() - 1).seq();
        }
        boolean grew = false;
        SlotHistory growing = replay != null ? null : history != null ? history : meanwhile;
        if (growing != null) {
            for (TraceEvent event : fresh) {
                grew |= growing.offer(event);
            }
        }
        // the spool a live scan read may be ahead of the frames, so the point shown can reach events kept before
        if (history != null && (grew || history.keepsBetween(Math.min(before, shownSeq), Math.max(before, shownSeq)))) {
            show();
        }
    }

    private void show() {
        SlotReport now = history.report(shownSeq);
        if (!Objects.equals(now, report.get())) {
            report.set(now);
        }
    }
}
