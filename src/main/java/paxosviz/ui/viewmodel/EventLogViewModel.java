package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

/**
 * The event log: the most recent events, filtered by node, message kind and type, plus the
 * event at which the checker first saw a violation, kept however old it gets. The rows change
 * once per frame; while not following (the user scrolled up or picked a row) they stay as they
 * are, so nothing moves under the reader, and only a count of the new events goes up.
 */
public final class EventLogViewModel {

    /** How many of the latest events the log holds. */
    public static final int CAPACITY = 20_000;
    /** How many of the latest events the checker reads (invoke, return, chosen, apply) are kept besides. */
    static final int CHECKED_CAPACITY = 50_000;

    private final ClusterViewModel cluster;
    private final ReadOnlyLongProperty violationSeq;
    private final EventWindow recent;
    // The checker points at these; they are a fraction of the traffic, so they are kept longer.
    private final EventWindow checked;
    private final TreeMap<Long, TraceEvent> pinned = new TreeMap<>();
    private final EventRows rows = new EventRows();
    private final List<TraceEvent> fresh = new ArrayList<>();
    private final ReadOnlyObjectWrapper<EventFilter> filter = new ReadOnlyObjectWrapper<>(EventFilter.ANY);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper unseen = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper selectedSeq = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper selectedDetails = new ReadOnlyStringWrapper("");
    private TraceEvent selected;
    private long lastSeq = -1;
    private long awaitedSeq = -1;
    private int unseenCount;

    /** {@code violationSeq}: the seq of the event where the checker saw the first violation, or -1. */
    /** How often a following log takes in new rows. */
    static final long PUBLISH_INTERVAL_NANOS = 100_000_000L;

    private final long publishIntervalNanos;
    private long lastPublished = Long.MIN_VALUE / 2;

    /** A log for the window: while following, its rows take in new events ten times a second. */
    public EventLogViewModel(ClusterViewModel cluster, ReadOnlyLongProperty violationSeq) {
        this(cluster, violationSeq, CAPACITY, CHECKED_CAPACITY, PUBLISH_INTERVAL_NANOS);
    }

    EventLogViewModel(ClusterViewModel cluster, ReadOnlyLongProperty violationSeq, int capacity, int checkedCapacity) {
        this(cluster, violationSeq, capacity, checkedCapacity, 0);
    }

    private EventLogViewModel(ClusterViewModel cluster, ReadOnlyLongProperty violationSeq, int capacity, int checkedCapacity,
            long publishIntervalNanos) {
        this.publishIntervalNanos = publishIntervalNanos;
        this.cluster = cluster;
        this.violationSeq = violationSeq;
        this.recent = new EventWindow(capacity);
        this.checked = new EventWindow(checkedCapacity);
        violationSeq.addListener((obs, old, seq) -> pinViolation(seq.longValue()));
        follow.addListener((obs, old, on) -> {
            if (on) {
                rebuild();
            }
        });
    }

    /** The rows to show, oldest first. */
    public ObservableList<TraceEvent> rows() {
        return rows;
    }

    public int nodes() {
        return cluster.size();
    }

    // ---------------------------------------------------------------- events

    /** After the session's frame: takes in its fresh events, or starts over from the replay's history when it jumped. */
    public void refresh(paxosviz.ui.session.Frame frame, java.util.function.Supplier<List<TraceEvent>> history) {
        if (frame.jumped()) {
            showHistory(history.get());
        } else {
            for (TraceEvent event : frame.fresh()) {
                accept(event);
            }
        }
        endBatch();
    }

    /**
     * Forgets the events it had and takes these instead (a replay jumped to another point):
     * the latest of them fill the log, and the rows follow them again.
     */
    void showHistory(List<TraceEvent> events) {
        recent.clear();
        checked.clear();
        fresh.clear();
        lastSeq = -1;
        for (TraceEvent event : events) {
            recent.add(event);
            if (isChecked(event.body())) {
                checked.add(event);
            }
            lastSeq = event.seq();
        }
        rebuild();
    }

    void accept(TraceEvent event) {
        recent.add(event);
        if (isChecked(event.body())) {
            checked.add(event);
        }
        lastSeq = event.seq();
        if (event.seq() == awaitedSeq) {
            pinned.put(awaitedSeq, event);
            awaitedSeq = -1;
        }
        if (filter.get().matches(event)) {
            if (follow.get()) {
                fresh.add(event);
            } else {
                unseenCount++;
            }
        }
    }

    private static boolean isChecked(EventBody body) {
        return body instanceof EventBody.Invoke || body instanceof EventBody.Return
                || body instanceof EventBody.NodeStep step && (step.event() instanceof NodeEvent.Chosen
                        || step.event() instanceof NodeEvent.Applied);
    }

    void endBatch() {
        if (follow.get()) {
            long now = System.nanoTime();
            if (now - lastPublished < publishIntervalNanos) {
                return; // a list that scrolls sixty times a second cannot be read, and costs the frame
            }
            lastPublished = now;
            long oldest = recent.oldestSeq();
            if (!fresh.isEmpty() && fresh.get(0).seq() < oldest) {
                // a burst larger than the window pushed its own first events out again
                fresh.removeIf(event -> event.seq() < oldest && !isPinned(event.seq()));
            }
            rows.advance(oldest, this::isPinned, fresh);
            fresh.clear();
        } else {
            unseen.set(unseenCount);
        }
    }

    private boolean isPinned(long seq) {
        return !pinned.isEmpty() && pinned.containsKey(seq);
    }

    /** How many events that pass the filter came in since the rows stopped following. */
    public ReadOnlyIntegerProperty unseenProperty() {
        return unseen.getReadOnlyProperty();
    }

    /** On: new events show up at the bottom as they come. Off: the rows stay as they are. */
    public BooleanProperty followProperty() {
        return follow;
    }

    // ---------------------------------------------------------------- filters

    public ReadOnlyObjectProperty<EventFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** Shows only events about {@code node}; -1 for any node. */
    public void setNodeFilter(int node) {
        setFilter(filter.get().withNode(node));
    }

    /** Shows only events carrying a message of one of these kinds; empty for any event. */
    public void setKindFilter(Set<MessageKind> kinds) {
        setFilter(filter.get().withKinds(kinds));
    }

    /** Shows only events of these types; empty for any type. */
    public void setTypeFilter(Set<String> types) {
        setFilter(filter.get().withTypes(types));
    }

    public void clearFilters() {
        setFilter(EventFilter.ANY);
    }

    private void setFilter(EventFilter next) {
        if (!next.equals(filter.get())) {
            filter.set(next);
            rebuild();
        }
    }

    /** Rows from scratch: the pinned events older than the window, then the window, as the filter says. */
    private void rebuild() {
        EventFilter current = filter.get();
        List<TraceEvent> shown = new ArrayList<>();
        for (TraceEvent event : pinned.headMap(recent.oldestSeq()).values()) {
            if (current.matches(event)) {
                shown.add(event);
            }
        }
        for (int i = 0; i < recent.size(); i++) {
            TraceEvent event = recent.get(i);
            if (current.matches(event)) {
                shown.add(event);
            }
        }
        rows.replaceAll(shown);
        fresh.clear();
        unseenCount = 0;
        unseen.set(0);
    }

    // ---------------------------------------------------------------- selection

    /** The seq of the event picked in the log, or -1; other views may follow it. */
    public ReadOnlyLongProperty selectedSeqProperty() {
        return selectedSeq.getReadOnlyProperty();
    }

    /** Everything about the event picked in the log. */
    public ReadOnlyStringProperty selectedDetailsProperty() {
        return selectedDetails.getReadOnlyProperty();
    }

    /**
     * The user picked {@code event} (null: none). The rows stop following so it stays in view,
     * and the cluster picture highlights what it is about: its node, and the message if it was
     * sent and is still on its way (anything else clears the message selection).
     */
    public void select(TraceEvent event) {
        selected = event;
        selectedSeq.set(event == null ? -1 : event.seq());
        selectedDetails.set(event == null ? "" : EventText.details(event));
        if (event == null) {
            return;
        }
        follow.set(false);
        int node = EventNodes.subject(event.body());
        if (node >= 0 && node < cluster.size()) {
            cluster.selectedNodeProperty().set(node);
        }
        MessageRef flying = null;
        if (event.body() instanceof EventBody.Send send) {
            Wire wire = send.msg();
            flying = cluster.message(MessageRef.of(wire.id())) != null ? MessageRef.of(wire.id()) : null;
        }
        cluster.selectedMessageProperty().set(flying);
    }

    /** The event picked in the log, or null. */
    public TraceEvent selected() {
        return selected;
    }

    /** Whether the event picked in the log is the send of this message. */
    public boolean isPickedSend(long messageId) {
        return selected != null && selected.body() instanceof EventBody.Send send && send.msg().id() == messageId;
    }

    /** The position of the event with this seq among the rows, or -1. */
    public int indexOf(long seq) {
        return rows.indexOf(seq);
    }

    // ---------------------------------------------------------------- the violation

    public ReadOnlyLongProperty violationSeqProperty() {
        return violationSeq;
    }

    public boolean isViolation(TraceEvent event) {
        return event.seq() == violationSeq.get();
    }

    /** Keeps the event where safety broke for good; if it has not come in yet, keeps it when it does. */
    private void pinViolation(long seq) {
        if (seq < 0) {
            return;
        }
        TraceEvent event = find(seq);
        if (event != null) {
            pinned.put(seq, event);
        } else if (seq > lastSeq) {
            awaitedSeq = seq;
        }
    }

    /** The event with this seq, if the log still has it. */
    TraceEvent find(long seq) {
        TraceEvent event = pinned.get(seq);
        if (event == null) {
            event = recent.find(seq);
        }
        if (event == null) {
            event = checked.find(seq);
        }
        return event;
    }

    /**
     * Shows the event where safety broke: clears the filters and selects it. Returns it, or
     * null when there is no violation or the event is not in the log (yet, or any more).
     */
    public TraceEvent revealViolation() {
        long seq = violationSeq.get();
        TraceEvent event = seq < 0 ? null : find(seq);
        if (event == null) {
            return null;
        }
        pinned.put(seq, event);
        select(event);
        if (filter.get().isAny()) {
            rebuild();
        } else {
            clearFilters();
        }
        return event;
    }
}
