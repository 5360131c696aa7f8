package paxosviz.ui.viewmodel;

import java.nio.file.Path;
import java.util.function.BiConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import paxosviz.BadInputException;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.ui.session.LiveControls;
import paxosviz.ui.session.LiveDefaults;
import paxosviz.ui.session.LiveSession;
import paxosviz.ui.session.ReplaySession;
import paxosviz.ui.session.SessionInfo;
import paxosviz.ui.session.SessionRecorder;
import paxosviz.ui.session.Sessions;

/**
 * The window's model: the live session and, while a trace is open, the replay shown instead;
 * the live clock (speed, pause, step) and the replay's; the network's delay, drop and duplicate
 * rates; the background workload; and opening, forking and exporting. Views call
 * {@link #onFrame()} once per frame; that is when events reach the view models, in one batch.
 * A live session is never lost to a replay: opening a trace pauses it, and it comes back.
 */
public final class MainViewModel implements AutoCloseable {

    private final SessionRecorder recorder;
    private final ReadOnlyObjectWrapper<SessionModels> models = new ReadOnlyObjectWrapper<>();
    private SessionModels live;
    /** Whether opening a replay paused the live session (so leaving the replay resumes it). */
    private boolean pausedForReplay;
    /** What the live session's clock events said last: paused or not. */
    private boolean foldedPause;
    private final DoubleProperty speed = new SimpleDoubleProperty(LiveDefaults.SPEED);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty onSimulator = new SimpleBooleanProperty(false);
    private final BooleanProperty stopAtCaptions = new SimpleBooleanProperty(true);
    private final DoubleProperty replaySpeed = new SimpleDoubleProperty(1);
    private final ReadOnlyBooleanWrapper replaying = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty minDelayMs = new SimpleDoubleProperty(LiveDefaults.MIN_DELAY_MS);
    private final DoubleProperty maxDelayMs = new SimpleDoubleProperty(LiveDefaults.MAX_DELAY_MS);
    private final DoubleProperty drop = new SimpleDoubleProperty(0);
    private final DoubleProperty duplicate = new SimpleDoubleProperty(0);
    private final BooleanProperty workload = new SimpleBooleanProperty(true);
    private final DoubleProperty workloadRate = new SimpleDoubleProperty(LiveDefaults.WORKLOAD_RATE);
    private final IntegerProperty workloadClients = new SimpleIntegerProperty(LiveDefaults.WORKLOAD_CLIENTS.size());
    private final ReadOnlyDoubleWrapper clusterMillis = new ReadOnlyDoubleWrapper();
    private final javafx.beans.property.ReadOnlyLongWrapper frames = new javafx.beans.property.ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper scenarioName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scenarioDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unsafe = new ReadOnlyStringWrapper("");
    private final CaptionViewModel caption = new CaptionViewModel();
    private final TraceOpener opener;
    private final Exports exports;
    private boolean showingNetwork;

    /** {@code recorder} writes the live session's trace (null: nothing is recorded). */
    public MainViewModel(SessionRecorder recorder) {
        this.recorder = recorder;
        this.opener = new TraceOpener(this);
        this.exports = new Exports(this);
        speed.addListener((obs, old, value) -> withLive(c -> c.setSpeed(value.doubleValue())));
        replaySpeed.addListener((obs, old, value) -> {
            ReplaySession replay = replay();
            if (replay != null) {
                replay.setSpeed(value.doubleValue());
            }
        });
        minDelayMs.addListener((obs, old, value) -> applyNetwork());
        maxDelayMs.addListener((obs, old, value) -> applyNetwork());
        drop.addListener((obs, old, value) -> applyNetwork());
        duplicate.addListener((obs, old, value) -> applyNetwork());
        workload.addListener((obs, old, value) -> applyWorkload());
        workloadRate.addListener((obs, old, value) -> applyWorkload());
        workloadClients.addListener((obs, old, value) -> applyWorkload());
    }

    // ---------------------------------------------------------------- live sessions

    /** Starts the default live cluster of {@code nodes} nodes, replacing the current one. */
    public void startCluster(int nodes) {
        startLive(Sessions.freePlay(nodes, recorder));
        workload.set(true);
        applyWorkload();
    }

    /**
     * Loads a scenario or a trace, told apart by what is in the file. A scenario runs live at
     * once; a trace opens in replay in the background (see {@link #opener()}). Returns a message
     * for the user if the file cannot be used (the current session then goes on), else null.
     */
    public String open(Path file) {
        try {
            if (Sessions.isTrace(file)) {
                opener.open(file);
                return null;
            }
            return openScenario(file);
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    /**
     * Whether scenarios and demos run on the simulator (paced live, reproducible from their seed,
     * so their traces re-run and fork) rather than on threads against the wall clock.
     */
    public BooleanProperty onSimulatorProperty() {
        return onSimulator;
    }

    /** Loads a scenario and runs it live. Returns a message for the user if it cannot be used, else null. */
    public String openScenario(Path file) {
        try {
            Scenario scenario = ScenarioReader.read(file);
            runScenario(scenario, file.getFileName().toString());
            RecentFiles.add(file);
            return null;
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    /** Runs a bundled demo live. */
    public void openDemo(Demos.Demo demo) {
        runScenario(demo.scenario(), demo.file());
    }

    /** A scenario runs with its own clients; the background workload stays off until switched on. */
    private void runScenario(Scenario scenario, String source) {
        workload.set(false);
        Scenario run = stopAtCaptions.get() ? scenario : scenario.withoutPauses();
        startLive(Sessions.scenario(run, source, recorder, onSimulator.get()));
    }

    /** Whether a narrated scenario stops at the captions that ask it to (a lecture), or runs straight through. */
    public BooleanProperty stopAtCaptionsProperty() {
        return stopAtCaptions;
    }

    /** Makes {@code session} the live session, closing the one before (and any replay shown). */
    void startLive(LiveSession session) {
        closeReplay();
        if (live != null) {
            live.session().close();
        }
        pausedForReplay = false;
        foldedPause = false;
        live = SessionModels.of(session);
        paused.set(false);
        show(live);
        showNetwork(session);
        session.setSpeed(speed.get());
    }

    /** A fork starts paused at the point it was taken from. */
    void startForked(LiveSession session) {
        startLive(session);
        paused.set(true);
    }

    private void show(SessionModels shown) {
        SessionInfo info = shown.session().info();
        scenarioName.set(info.title());
        scenarioDescription.set(info.description());
        unsafe.set(info.unsafe());
        replaying.set(info.isReplay());
        models.set(shown);
    }

    /** The live session's models, even while a replay is shown (null before the first). */
    public SessionModels liveModels() {
        return live;
    }

    /** Where the live session is being recorded ({@code --record}), or null. */
    public Path recordingTo() {
        return recorder == null ? null : recorder.file();
    }

    /** What went wrong while recording, or null. */
    public String recordingProblem() {
        return recorder == null ? null : recorder.problem();
    }

    // ---------------------------------------------------------------- replays

    /** Exporting the session shown, in the background. */
    public Exports exports() {
        return exports;
    }

    /** Replays the live session's trace so far (it pauses meanwhile, and goes on after). */
    public void replayLiveSession() {
        if (live != null) {
            LiveSession session = (LiveSession) live.session();
            opener.open(session::traceSoFar, session.info().title().isEmpty() ? "this session" : session.info().title());
        }
    }

    /** Opening traces in the background, with progress and cancel. */
    public TraceOpener opener() {
        return opener;
    }

    /** Shows a replay (the opener calls this once a trace is read); the live session pauses meanwhile. */
    void showReplay(ReplaySession replay) {
        closeReplay();
        if (live != null && !paused.get()) {
            live.session().live().pause();
            pausedForReplay = true;
        }
        replay.setSpeed(replaySpeed.get());
        show(SessionModels.of(replay));
    }

    /** Leaves the replay for the live session, which goes on where it paused. */
    public void backToLive() {
        if (closeReplay() && live != null) {
            show(live);
            if (pausedForReplay) {
                pausedForReplay = false;
                live.session().live().resume();
            }
        }
    }

    private boolean closeReplay() {
        SessionModels shown = models.get();
        if (shown != null && shown.isReplay()) {
            shown.session().close();
            return true;
        }
        return false;
    }

    /** The replay shown, or null. */
    public ReplaySession replay() {
        SessionModels shown = models.get();
        return shown == null ? null : shown.session().replay();
    }

    /** Whether a replay is shown. */
    public ReadOnlyBooleanProperty replayingProperty() {
        return replaying.getReadOnlyProperty();
    }

    /** Replay speed: trace time per wall time, 0.1 to 100. */
    public DoubleProperty replaySpeedProperty() {
        return replaySpeed;
    }

    /**
     * Continues live from the point the replay shows: the trace's scenario re-runs in the
     * simulator with the same seed up to there (in the background), then goes on as a live
     * session, paused, with the user's faults from then on. Returns why it cannot, or null.
     */
    public String forkHere() {
        ReplaySession replay = replay();
        if (replay == null) {
            return "Open a trace first: a live run forks from a point of a replay.";
        }
        if (!replay.canFork()) {
            return replay.whyNoFork();
        }
        LiveSession forked = Sessions.fork(replay, recorder);
        workload.set(false);
        startForked(forked);
        return null;
    }

    /**
     * Runs the replayed trace's scenario again in the simulator, with its seed, and compares the
     * new events with the recorded ones, in the background. Answers "identical" or the first
     * divergence, in words; fails with a reason if the trace cannot be re-run.
     */
    public java.util.concurrent.CompletableFuture<String> reexecute() {
        java.util.concurrent.CompletableFuture<String> done = new java.util.concurrent.CompletableFuture<>();
        ReplaySession replay = replay();
        String why = replay == null ? "Open a trace first." : replay.whyNoReexecution();
        if (why != null) {
            done.completeExceptionally(new BadInputException(why));
            return done;
        }
        java.nio.file.Path file = replay.file();
        Thread worker = new Thread(() -> {
            try {
                paxosviz.replay.ReExecution.Result result = paxosviz.replay.ReExecution.compare(file);
                paxosviz.replay.Marker byHand = replay.firstByHand();
                long byHandSeq = byHand == null ? Long.MAX_VALUE : replay.trace().event(byHand.index()).seq();
                String told = !result.identical() && result.seq() >= byHandSeq
                        ? String.format(java.util.Locale.ROOT, "Identical up to the first action by hand, event #%d (%s): from there"
                                + " on the recorded run is not what its seed alone makes.", byHandSeq, byHand.label())
                        : result.identical()
                        ? String.format(java.util.Locale.ROOT, "Identical: re-running the scenario with seed %d gave the same %,d events.",
                                replay.model().header().seed(), result.events())
                        : "Diverged at event #" + result.seq() + " (after " + result.events() + " matching events)."
                                + "\nrecorded: " + (result.recorded() == null ? "(the recorded trace ends here)" : result.recorded())
                                + "\nre-run:   " + (result.rerun() == null ? "(the re-run ends here)" : result.rerun());
                javafx.application.Platform.runLater(() -> done.complete(told));
            } catch (BadInputException e) {
                javafx.application.Platform.runLater(() -> done.completeExceptionally(e));
            }
        }, "re-execution");
        worker.setDaemon(true);
        worker.start();
        return done;
    }

    // ---------------------------------------------------------------- what is shown

    public ReadOnlyObjectProperty<SessionModels> modelsProperty() {
        return models.getReadOnlyProperty();
    }

    /** The models of the session shown: the live one, or the replay. */
    public SessionModels models() {
        return models.get();
    }

    /** What the running scenario shows, in its author's words; empty for the free-play cluster. */
    public ReadOnlyStringProperty scenarioDescriptionProperty() {
        return scenarioDescription.getReadOnlyProperty();
    }

    /** The scenario running now or the trace shown, or empty for the free-play cluster. */
    /** What makes the session shown unsafe on purpose; empty when nothing does. */
    public ReadOnlyStringProperty unsafeProperty() {
        return unsafe.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioNameProperty() {
        return scenarioName.getReadOnlyProperty();
    }

    /** Hands this frame's events to the view models. */
    public void onFrame() {
        SessionModels current = models.get();
        if (current == null) {
            return;
        }
        current.onFrame();
        clusterMillis.set(current.session().nowMillis());
        ReplaySession replay = current.session().replay();
        if (replay != null) {
            paused.set(!replay.playing());
        } else if (current == live && !Double.isNaN(current.session().state().speed())
                && current.session().state().paused() != foldedPause) {
            // the clock said it paused or ran on (a scenario on the simulator pauses at its end)
            foldedPause = current.session().state().paused();
            paused.set(foldedPause);
        }
        caption.refresh(current.session(), paused.get());
        frames.set(frames.get() + 1);
    }

    /** The narration of a narrated demo or scenario, live or replayed. */
    public CaptionViewModel caption() {
        return caption;
    }

    /** Counts frames: views with per-frame work listen to it. */
    public javafx.beans.property.ReadOnlyLongProperty frameProperty() {
        return frames.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- clock

    /** How fast cluster time runs against the wall (0.02 to 2). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Live: whether the cluster's clock is paused. Replay: whether playback is stopped. */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The clock of the session shown in milliseconds, as of the last frame. */
    public ReadOnlyDoubleProperty clusterMillisProperty() {
        return clusterMillis.getReadOnlyProperty();
    }

    public void togglePause() {
        ReplaySession replay = replay();
        if (replay != null) {
            if (replay.playing()) {
                replay.pause();
            } else {
                replay.play();
            }
            paused.set(!replay.playing());
            return;
        }
        LiveControls controls = liveControls();
        if (controls == null) {
            return;
        }
        if (paused.get()) {
            paused.set(false);
            controls.resume();
        } else {
            paused.set(true);
            controls.pause();
        }
    }

    /** Live, while paused: the next message arrives, or the next timer fires. Replay: one event forward. */
    public void step() {
        ReplaySession replay = replay();
        if (replay != null) {
            replay.stepForward();
            paused.set(true);
            return;
        }
        if (!paused.get()) {
            togglePause();
            return;
        }
        withLive(LiveControls::step);
    }

    /** Replay: one event back. */
    public void stepBack() {
        ReplaySession replay = replay();
        if (replay != null) {
            replay.stepBack();
            paused.set(true);
        }
    }

    // ---------------------------------------------------------------- network and workload

    public DoubleProperty minDelayMsProperty() {
        return minDelayMs;
    }

    public DoubleProperty maxDelayMsProperty() {
        return maxDelayMs;
    }

    public DoubleProperty dropProperty() {
        return drop;
    }

    public DoubleProperty duplicateProperty() {
        return duplicate;
    }

    public BooleanProperty workloadProperty() {
        return workload;
    }

    /** The background workload's operations per second of cluster time. */
    public DoubleProperty workloadRateProperty() {
        return workloadRate;
    }

    /** How many closed-loop clients the background workload runs. */
    public IntegerProperty workloadClientsProperty() {
        return workloadClients;
    }

    /** Puts a new session's network on the sliders without sending it back to the cluster. */
    private void showNetwork(LiveSession session) {
        showingNetwork = true;
        try {
            minDelayMs.set(session.network().minDelayMs());
            maxDelayMs.set(session.network().maxDelayMs());
            drop.set(session.network().drop());
            duplicate.set(session.network().duplicate());
        } finally {
            showingNetwork = false;
        }
    }

    private void applyNetwork() {
        if (!showingNetwork) {
            withLive(c -> c.setNetwork(minDelayMs.get(), maxDelayMs.get(), drop.get(), duplicate.get()));
        }
    }

    private void applyWorkload() {
        boolean on = workload.get();
        double rate = workloadRate.get();
        int clients = workloadClients.get();
        withLive(c -> c.setWorkload(on, rate, clients));
    }

    /** The live session's controls, whether or not it is the one shown. */
    private LiveControls liveControls() {
        return live == null ? null : live.session().live();
    }

    private void withLive(java.util.function.Consumer<LiveControls> action) {
        LiveControls controls = liveControls();
        if (controls != null) {
            action.accept(controls);
        }
    }

    /** Ends the session: with a recorder, its end state is recorded first. */
    @Override
    public void close() {
        opener.cancel();
        closeReplay();
        if (live != null) {
            LiveSession session = (LiveSession) live.session();
            if (recorder != null) {
                session.finish();
            }
            session.close();
        }
        if (recorder != null) {
            recorder.close();
        }
    }

    /** Where problems found in the background (a trace that cannot be opened) are told; set by the view. */
    public void onProblem(BiConsumer<String, String> handler) {
        opener.onProblem(handler);
    }
}
