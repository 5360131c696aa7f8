package paxosviz.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import paxosviz.BadInputException;
import paxosviz.scenario.Protocol;
import paxosviz.trace.json.TraceReader;
import paxosviz.trace.model.ReadCancelledException;
import paxosviz.trace.model.ReadProgress;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.viewstate.ViewState;

/**
 * A trace opened for replay: every event in memory, the view state at any point of it, and the
 * markers of a timeline. Seeking never folds from the start: a copy of the view state is kept
 * every {@link #checkpointInterval()} events, and a seek folds forward from the nearest one at
 * or before its target (or from where it is, if that is nearer). Not thread-safe: open it on a
 * worker thread, then use it from one thread.
 */
public final class ReplayModel {

    /** Fewest events between checkpoints; long traces space them out to keep about {@link #MAX_CHECKPOINTS}. */
    static final int MIN_INTERVAL = 2048;
    static final int MAX_CHECKPOINTS = 256;

    /** Told how far loading got; may ask to stop. */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void loading(String phase, double fraction) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };

        /** {@code phase} is what is being done ("reading", "indexing"); {@code fraction} how much of it, 0 to 1. */
        void loading(String phase, double fraction);

        boolean cancelled();
    }

    /** Thrown out of {@link #open} when its progress asked to stop. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("opening the trace was cancelled", null, false, false);
        }
    }

    private final LoadedTrace trace;
    private final int interval;
    private final ViewState[] checkpoints;
    private final List<Marker> markers;
    private ViewState state;
    private int position;

    private ReplayModel(LoadedTrace trace, Progress progress) {
        this.trace = trace;
        this.interval = Math.max(MIN_INTERVAL, (trace.size() + MAX_CHECKPOINTS - 1) / MAX_CHECKPOINTS);
        this.checkpoints = new ViewState[trace.size() / interval + 1];
        Markers found = new Markers();
        ViewState folding = initialState(trace.header());
        for (int index = 0; index < trace.size(); index++) {
            if (index % interval == 0) {
                checkpoints[index / interval] = folding.copy();
                if (progress.cancelled()) {
                    throw new Cancelled();
                }
                progress.loading("indexing", index / (double) trace.size());
            }
            TraceEvent event = trace.event(index);
            folding.apply(event);
            found.accept(index, event);
        }
        if (trace.size() % interval == 0) {
            checkpoints[trace.size() / interval] = folding.copy();
        }
        this.markers = List.copyOf(found.list());
        this.state = folding;
        this.position = trace.size();
    }

    /** The view state before any event of a trace with this header. */
    public static ViewState initialState(TraceHeader header) {
        Protocol protocol = header.scenario() != null ? header.scenario().protocol() : null;
        return new ViewState(header.nodes(), protocol);
    }

    /** A replay of events already in memory (a live session's, or a test's). */
    public static ReplayModel of(TraceHeader header, List<TraceEvent> events) {
        return new ReplayModel(new LoadedTrace(header, events), Progress.NONE);
    }

    /**
     * Reads a trace file (plain or gzipped) and indexes it. A file that is not a usable trace is
     * a {@link BadInputException} naming the file, the line and the field.
     */
    public static ReplayModel open(Path file, Progress progress) throws BadInputException {
        List<TraceEvent> events = new ArrayList<>();
        ReadProgress reading = new ReadProgress() {
            @Override
            public void bytesRead(long done, long total) {
                progress.loading("reading", total > 0 ? Math.min(1, done / (double) total) : 0);
            }

            @Override
            public boolean cancelRequested() {
                return progress.cancelled();
            }
        };
        TraceHeader header;
        try {
            header = TraceReader.readWithHeader(file, h -> events::add, reading);
        } catch (ReadCancelledException e) {
            throw new Cancelled();
        }
        return new ReplayModel(new LoadedTrace(header, events), progress);
    }

    // ---------------------------------------------------------------- reading

    public LoadedTrace trace() {
        return trace;
    }

    public TraceHeader header() {
        return trace.header();
    }

    /** How many events the trace has: positions run from 0 (before the first) to this (after the last). */
    public int size() {
        return trace.size();
    }

    /** How many events are folded into {@link #state()}: the last one shown is event {@code position - 1}. */
    public int position() {
        return position;
    }

    /** The view state at {@link #position()}. It changes with every seek; copy it to keep it. */
    public ViewState state() {
        return state;
    }

    /** The markers, in trace order. */
    public List<Marker> markers() {
        return markers;
    }

    public int checkpointInterval() {
        return interval;
    }

    /** The time shown at {@link #position()}: the last folded event's, or the trace's start before any. */
    public double millis() {
        return position == 0 ? trace.startMillis() : trace.event(position - 1).t();
    }

    // ---------------------------------------------------------------- moving

    /** Shows the state after the first {@code target} events (clamped to the trace). */
    public ViewState seek(int target) {
        int to = Math.max(0, Math.min(target, trace.size()));
        int nearest = to / interval;
        boolean forwardIsNearer = to >= position && (to - position) <= (to - nearest * interval);
        if (!forwardIsNearer) {
            state = checkpoints[nearest].copy();
            position = nearest * interval;
        }
        while (position < to) {
            state.apply(trace.event(position++));
        }
        return state;
    }

    /** Shows the state at {@code millis}: after every event at or before it. */
    public ViewState seekTime(double millis) {
        return seek(trace.positionAt(millis));
    }

    /** A fresh state after the first {@code target} events, leaving {@link #state()} where it is. */
    public ViewState stateAt(int target) {
        int to = Math.max(0, Math.min(target, trace.size()));
        ViewState copy = checkpoints[to / interval].copy();
        for (int index = (to / interval) * interval; index < to; index++) {
            copy.apply(trace.event(index));
        }
        return copy;
    }
}
