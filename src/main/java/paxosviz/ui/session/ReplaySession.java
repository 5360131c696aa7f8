package paxosviz.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import paxosviz.check.CheckReport;
import paxosviz.check.Violation;
import paxosviz.replay.LoadedTrace;
import paxosviz.replay.Marker;
import paxosviz.replay.ReplayModel;
import paxosviz.replay.ReplayVerdict;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.viewstate.ViewState;

/**
 * A trace played back: the same views as a live session, showing the state at a point of the
 * trace that moves by playing (0.1x to 100x of trace time), by seeking, and by stepping one
 * event either way. The checker judges the whole trace once, on a thread of its own, and the
 * badge shows what it found up to the point shown. Everything here runs on the FX thread but
 * the checking.
 */
public final class ReplaySession implements Session {

    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 100;
    /** A forward move of at most this many events hands them to the event log; a longer one rebuilds it. */
    private static final int FRESH_LIMIT = LiveSession.EVENTS_PER_FRAME;

    private final ReplayModel model;
    private final java.nio.file.Path file;
    private Marker firstByHand;
    private boolean byHandLooked;
    private final SessionInfo info;
    private final Thread checking;
    private volatile ReplayVerdict verdict;
    private volatile boolean closed;
    private double playhead;
    private boolean playing;
    private final int[] pausingCaptions;
    private double speed = 1;
    private long lastFrameNanos;
    // what happened since the last frame
    private int shownPosition;
    private boolean moved = true;

    /** {@code file}: where the trace was read from, or null for one held in memory only (a live session's). */
    public ReplaySession(ReplayModel model, String title, java.nio.file.Path file) {
        this.model = model;
        this.file = file;
        TraceHeader header = model.header();
        Scenario scenario = header.scenario();
        this.info = new SessionInfo(SessionInfo.Kind.REPLAY, title,
                scenario != null && scenario.description() != null ? scenario.description() : "",
                header.nodes(), scenario != null ? scenario.protocol() : Protocol.MULTIPAXOS,
                header.runtime(), header.seed(), scenario != null ? scenario.unsafeWhy() : "");
        model.seek(0);
        this.pausingCaptions = pausingCaptions(model);
        this.playhead = model.trace().startMillis();
        this.checking = new Thread(() -> verdict = ReplayVerdict.check(model.trace(), () -> closed), "replay-checker");
        checking.setDaemon(true);
        checking.start();
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    public ReplayModel model() {
        return model;
    }

    public LoadedTrace trace() {
        return model.trace();
    }

    @Override
    public ViewState state() {
        return model.state();
    }

    @Override
    public double nowMillis() {
        return playhead;
    }

    @Override
    public LiveControls live() {
        return null;
    }

    @Override
    public ReplaySession replay() {
        return this;
    }

    // ---------------------------------------------------------------- frames

    @Override
    public Frame frame() {
        long now = System.nanoTime();
        if (playing) {
            double wallMs = lastFrameNanos == 0 ? 0 : (now - lastFrameNanos) / 1e6;
            playhead = Math.min(model.trace().endMillis(), playhead + wallMs * speed);
            int target = model.trace().positionAt(playhead);
            int caption = pausingCaption(model.position(), target);
            if (caption >= 0) {
                // playing stops where the narration asked the live run to wait, as the live run did
                model.seek(caption + 1);
                playhead = model.millis();
                playing = false;
            } else {
                model.seek(target);
            }
            moved = true;
            if (model.position() >= model.size() && playhead >= model.trace().endMillis()) {
                playing = false;
            }
        }
        lastFrameNanos = now;
        if (!moved) {
            return Frame.NOTHING;
        }
        moved = false;
        int from = shownPosition;
        int to = model.position();
        shownPosition = to;
        if (to >= from && to - from <= FRESH_LIMIT) {
            return new Frame(model.trace().events(from, to), false, true);
        }
        return new Frame(List.of(), true, true);
    }

    /** The index of the first caption that pauses among the events from {@code from} (inclusive) to {@code to}, or -1. */
    private int pausingCaption(int from, int to) {
        int at = java.util.Arrays.binarySearch(pausingCaptions, from);
        int first = at >= 0 ? at : -at - 1;
        return first < pausingCaptions.length && pausingCaptions[first] < to ? pausingCaptions[first] : -1;
    }

    /** Where the captions that stop playback are, in trace order: found once, as playing looks for them every frame. */
    private static int[] pausingCaptions(ReplayModel model) {
        return model.markers().stream()
                .filter(marker -> marker.kind() == Marker.Kind.CAPTION
                        && model.trace().event(marker.index()).body() instanceof EventBody.Caption caption && caption.pause())
                .mapToInt(Marker::index).toArray();
    }

    // ---------------------------------------------------------------- moving through time

    public int position() {
        return model.position();
    }

    public int size() {
        return model.size();
    }

    /** Shows the state after the first {@code position} events; the playhead moves to the last one's time. */
    public void seek(int position) {
        model.seek(position);
        playhead = model.millis();
        moved = true;
    }

    /** Shows the state at {@code millis} of trace time. */
    public void seekTime(double millis) {
        double clamped = Math.max(model.trace().startMillis(), Math.min(model.trace().endMillis(), millis));
        model.seekTime(clamped);
        playhead = clamped;
        moved = true;
    }

    /** One event forward. */
    public void stepForward() {
        playing = false;
        seek(model.position() + 1);
    }

    /** One event back. */
    public void stepBack() {
        playing = false;
        seek(model.position() - 1);
    }

    /** Shows the state right after the event with this seq (the nearest after it, if the trace has none). */
    public void jumpToSeq(long seq) {
        playing = false;
        seek(model.trace().indexAtOrAfterSeq(seq) + 1);
    }

    public boolean playing() {
        return playing;
    }

    public void play() {
        if (model.position() >= model.size()) {
            seek(0);
        }
        playing = true;
        lastFrameNanos = 0;
    }

    public void pause() {
        playing = false;
    }

    public double speed() {
        return speed;
    }

    /** Trace time per wall time, {@link #MIN_SPEED} to {@link #MAX_SPEED}. */
    public void setSpeed(double value) {
        speed = Math.max(MIN_SPEED, Math.min(MAX_SPEED, value));
    }

    // ---------------------------------------------------------------- markers and verdict

    /** The timeline's markers: the trace's, and the checker's violations once it has judged. */
    public List<Marker> markers() {
        ReplayVerdict judged = verdict;
        if (judged == null || judged.found().isEmpty()) {
            return model.markers();
        }
        List<Marker> all = new ArrayList<>(model.markers());
        all.addAll(judged.markers(model.trace()));
        all.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return all;
    }

    /** The first marker of one of these kinds after the point shown, or null. */
    public Marker nextMarker(Set<Marker.Kind> kinds) {
        for (Marker marker : markers()) {
            if (marker.index() >= model.position() && kinds.contains(marker.kind())) {
                return marker;
            }
        }
        return null;
    }

    /** The last marker of one of these kinds before the point shown, or null. */
    public Marker previousMarker(Set<Marker.Kind> kinds) {
        Marker found = null;
        for (Marker marker : markers()) {
            if (marker.index() + 1 < model.position() && kinds.contains(marker.kind())) {
                found = marker;
            }
        }
        return found;
    }

    /** Shows the state right after a marker's event. */
    public void jumpTo(Marker marker) {
        playing = false;
        seek(marker.index() + 1);
    }

    /** Shows the point where the checker first saw a violation; false if it found none (or is still checking). */
    public boolean jumpToFirstViolation() {
        ReplayVerdict judged = verdict;
        if (judged == null || judged.found().isEmpty()) {
            return false;
        }
        playing = false;
        seek(judged.found().get(0).position());
        return true;
    }

    /** The checker's verdict on the whole trace, or null while it is still checking. */
    public ReplayVerdict verdict() {
        return verdict;
    }

    @Override
    public Safety safety() {
        ReplayVerdict judged = verdict;
        if (judged == null) {
            return new Safety(null, null, true);
        }
        List<Violation> seen = new ArrayList<>();
        judged.upTo(model.position()).forEach(found -> seen.add(found.violation()));
        ViewState state = model.state();
        CheckReport whole = judged.report();
        CheckReport current = new CheckReport(seen.isEmpty(), seen, state.log().head() + 1, state.clients().acknowledged(),
                seen.isEmpty() ? whole.linearizable() : Boolean.valueOf(false), null, List.of());
        return new Safety(current, whole, true);
    }

    // ---------------------------------------------------------------- forking

    /** Whether a live run can continue from here: only a simulator trace with its scenario and seed can be re-run. */
    public boolean canFork() {
        return whyNoFork() == null;
    }

    /** Why this trace cannot be forked at the point shown, or null if it can. */
    public String whyNoFork() {
        String why = whyNoRerun();
        if (why != null) {
            return why;
        }
        Marker byHand = firstByHand();
        if (byHand != null && byHand.index() < model.position()) {
            return "Someone acted by hand at event #" + model.trace().event(byHand.index()).seq() + " (" + byHand.label()
                    + "); a fork re-runs the scenario from its seed, so it can start only before that point.";
        }
        return null;
    }

    /** The first action by hand in the trace, or null: from there on a seed alone does not make the run. */
    public Marker firstByHand() {
        if (!byHandLooked) {
            byHandLooked = true;
            for (Marker marker : model.markers()) {
                if (marker.kind() == Marker.Kind.BY_HAND) {
                    firstByHand = marker;
                    break;
                }
            }
        }
        return firstByHand;
    }

    /** Why the trace's scenario cannot be re-run from its seed at all, or null. */
    private String whyNoRerun() {
        TraceHeader header = model.header();
        if (Sessions.FORKED_RUNTIME.equals(header.runtime())) {
            return "This trace was recorded from a fork driven by hand: only its scenario's part can be re-run from the seed.";
        }
        if (!"sim".equals(header.runtime())) {
            return "Only a trace recorded from the simulator can be re-run; this one is from "
                    + (header.runtime() == null ? "an unnamed runtime" : "the " + header.runtime() + " runtime") + ".";
        }
        if (header.scenario() == null || header.seed() == null) {
            return "The trace's header does not carry the scenario and seed it was run with.";
        }
        return null;
    }

    /** The event shown last, or null before the first. */
    public TraceEvent current() {
        return model.position() == 0 ? null : model.trace().event(model.position() - 1);
    }

    /** Why the trace cannot be re-run and compared event by event, or null if it can. */
    public String whyNoReexecution() {
        String why = whyNoRerun();
        if (why != null) {
            return why;
        }
        if (model.header().window() != null) {
            return "This trace is a window exported from a longer one; re-run the whole trace to compare it.";
        }
        return file == null ? "This trace is held in memory only; export it, then open the file to re-run it." : null;
    }

    /** The file the trace was read from, or null. */
    public java.nio.file.Path file() {
        return file;
    }

    /**
     * A launcher for a live run that re-runs this trace's scenario up to the point shown, then
     * goes on live. The re-run has the run's events but not the live window's {@code clock}
     * events, so the point is counted in events of the run.
     */
    public ClusterLauncher forkHere() {
        TraceHeader header = model.header();
        long runEvents = 0;
        for (TraceEvent event : model.trace().events(0, model.position())) {
            if (!(event.body() instanceof paxosviz.trace.model.EventBody.Clock)) {
                runEvents++;
            }
        }
        return ClusterLauncher.fork(header.scenario(), header.seed(), runEvents);
    }

    @Override
    public void close() {
        closed = true;
    }
}
