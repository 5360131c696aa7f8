package paxosviz.ui.viewmodel;

import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import paxosviz.export.Hosts;
import paxosviz.export.SpaceTimeDiagram;
import paxosviz.export.TimeWindow;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.session.Frame;
import paxosviz.ui.session.ReplaySession;
import paxosviz.ui.session.Session;

/**
 * The space-time diagram of the last stretch of time: a window of {@link #spanMsProperty()}
 * milliseconds ending at the session's clock (live: now; replay: the playhead). It learns from
 * the events each frame brings and forgets what slid out of the window; when a replay jumps it
 * folds the trace's events just before the playhead again. Selection is the cluster view's:
 * picking an arrow selects its message there while it is on its way, and what the cluster view
 * or the event log selects is what the diagram highlights.
 */
public final class SpaceTimeViewModel {

    public static final double DEFAULT_SPAN_MS = 300;
    public static final double MIN_SPAN_MS = 20;
    public static final double MAX_SPAN_MS = 60_000;
    /** At most this many arrows that ended are kept (the newest), so a dense window costs a bounded frame. */
    public static final int MAX_ARROWS = 4_000;
    /** At most this many events before the playhead are folded when a replay jumps, so a dense trace costs a frame no more. */
    static final int MAX_REFOLD_EVENTS = 30_000;

    private final Session session;
    private final ClusterViewModel cluster;
    private final EventLogViewModel events;
    private final DoubleProperty spanMs = new SimpleDoubleProperty(DEFAULT_SPAN_MS);
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private SpaceTimeDiagram diagram;
    /** A replay jumped while the diagram was hidden: it folds again once it shows, not on every jump. */
    private boolean stale;
    /** The arrow picked here; it stays highlighted after its message left, when the cluster view has nothing to select. */
    private SpaceTimeDiagram.Arrow picked;

    public SpaceTimeViewModel(Session session, ClusterViewModel cluster, EventLogViewModel events) {
        this.session = session;
        this.cluster = cluster;
        this.events = events;
        this.diagram = new SpaceTimeDiagram(session.info().nodes(), TimeWindow.ALL);
        InvalidationListener changed = obs -> version.set(version.get() + 1);
        cluster.selectedNodeProperty().addListener(changed);
        cluster.selectedMessageProperty().addListener(obs -> {
            MessageRef selected = cluster.selectedMessageProperty().get();
            if (picked != null && (selected == null || !sameMessage(selected.id(), selected.copy(), picked))) {
                picked = null;
            }
            changed.invalidated(obs);
        });
        events.selectedSeqProperty().addListener(obs -> {
            picked = null; // the log's pick is the newer one
            changed.invalidated(obs);
        });
        shown.addListener((obs, was, now) -> {
            if (now && stale && session.replay() != null) {
                refold(session.replay());
                changed.invalidated(obs);
            }
        });
        spanMs.addListener(obs -> {
            if (session.replay() != null) {
                refold(session.replay());
            }
            changed.invalidated(obs);
        });
    }

    /** Whether the diagram is in front; hidden, a replay's jumps cost nothing until it shows again. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** How many milliseconds of the session's clock the window shows. */
    public DoubleProperty spanMsProperty() {
        return spanMs;
    }

    /** Moves whenever the picture changes: the clock, the events, the selection. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- frames

    /** After the session's frame: takes in its events, or folds the trace again where a replay jumped to. */
    public void refresh(Frame frame) {
        if (!frame.changed()) {
            return;
        }
        ReplaySession replay = session.replay();
        if (frame.jumped() && replay != null) {
            if (shown.get()) {
                refold(replay);
            } else {
                stale = true;
            }
        } else if (!stale) {
            for (TraceEvent event : frame.fresh()) {
                diagram.accept(event);
            }
        }
        forgetOld();
        version.set(version.get() + 1);
    }

    /** The events from a little before the window to the playhead: a send just before it still draws its arrow into it. */
    private void refold(ReplaySession replay) {
        stale = false;
        diagram = new SpaceTimeDiagram(session.info().nodes(), TimeWindow.ALL);
        int to = replay.position();
        int start = Math.max(replay.trace().positionAt(now() - 2 * spanMs.get()), to - MAX_REFOLD_EVENTS);
        for (TraceEvent event : replay.trace().events(Math.max(0, Math.min(start, to)), to)) {
            diagram.accept(event);
        }
        forgetOld();
    }

    private void forgetOld() {
        diagram.forgetBefore(from());
        diagram.keepNewest(MAX_ARROWS);
    }

    /** The window's end: the session's clock. */
    public double now() {
        return session.nowMillis();
    }

    /** The window's start. */
    public double from() {
        return now() - spanMs.get();
    }

    public List<String> hosts() {
        return diagram.hosts();
    }

    public SpaceTimeDiagram diagram() {
        return diagram;
    }

    // ---------------------------------------------------------------- selection

    /**
     * The user clicked an arrow: its message (that very copy) becomes the cluster view's
     * selection if it is still on its way; otherwise the cluster view selects nothing and only
     * the diagram shows it.
     */
    public void pick(SpaceTimeDiagram.Arrow arrow) {
        MessageDot flying = arrow == null ? null : cluster.message(new MessageRef(arrow.id(), arrow.copy()));
        cluster.selectedMessageProperty().set(flying == null ? null : flying.ref());
        picked = arrow;
        version.set(version.get() + 1);
    }

    /** The user clicked a host's line: a node becomes the selected node. */
    public void pickHost(String host) {
        int node = nodeIndex(host);
        if (node >= 0 && node < cluster.size()) {
            cluster.selectedNodeProperty().set(node);
        }
    }

    /** The host whose line is highlighted: the selected node's, or null. */
    public String highlightedHost() {
        int node = cluster.selectedNodeProperty().get();
        return node < 0 ? null : "n" + node;
    }

    /** Whether this arrow is the message selected (here, in the cluster view, or as the event picked in the log). */
    public boolean isHighlighted(SpaceTimeDiagram.Arrow arrow) {
        if (picked != null) {
            return sameMessage(picked.id(), picked.copy(), arrow);
        }
        MessageRef selected = cluster.selectedMessageProperty().get();
        if (selected != null && sameMessage(selected.id(), selected.copy(), arrow)) {
            return true;
        }
        TraceEvent event = events.selected();
        return event != null && messageId(event.body()) == arrow.id();
    }

    /** The event picked in the log that is not about a message (a leader, a crash, an accept): where and when to ring it, or null. */
    public TraceEvent pickedEvent() {
        TraceEvent event = events.selected();
        return event == null || messageId(event.body()) >= 0 || Hosts.of(event.body()) == null ? null : event;
    }

    /** Whether the arrow is that copy of that message; an unnamed copy (on either side) is any copy. */
    private static boolean sameMessage(long id, int copy, SpaceTimeDiagram.Arrow arrow) {
        return id == arrow.id() && (copy == EventBody.ANY_COPY || arrow.copy() == EventBody.ANY_COPY || copy == arrow.copy());
    }

    private static long messageId(EventBody body) {
        if (body instanceof EventBody.Send send) {
            return send.msg().id();
        }
        if (body instanceof EventBody.Deliver deliver) {
            return deliver.msg().id();
        }
        if (body instanceof EventBody.Drop drop) {
            return drop.msg().id();
        }
        return -1;
    }

    private static int nodeIndex(String host) {
        if (host == null || !host.matches("n\\d+")) {
            return -1;
        }
        return Integer.parseInt(host.substring(1));
    }
}
