package paxosviz.ui.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import paxosviz.BadInputException;
import paxosviz.net.LinkParams;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.ScenarioDriver;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.trace.model.TraceEvent;

/**
 * The window's model: the live session and its view models, the clock (speed, pause, step),
 * the network's delay, drop and duplicate rates, and the background workload. Views call
 * {@link #onFrame()} once per frame; that is when events reach the view models, in one batch.
 */
public final class MainViewModel implements AutoCloseable {

    /** Most events handed to the views in one frame; the rest wait for the next. */
    static final int EVENTS_PER_FRAME = 20_000;

    private final SessionRecorder recorder;
    private final ReadOnlyObjectWrapper<SessionModels> models = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty speed = new SimpleDoubleProperty(LiveDefaults.SPEED);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty minDelayMs = new SimpleDoubleProperty(LiveDefaults.MIN_DELAY_MS);
    private final DoubleProperty maxDelayMs = new SimpleDoubleProperty(LiveDefaults.MAX_DELAY_MS);
    private final DoubleProperty drop = new SimpleDoubleProperty(0);
    private final DoubleProperty duplicate = new SimpleDoubleProperty(0);
    private final BooleanProperty workload = new SimpleBooleanProperty(true);
    private final DoubleProperty workloadRate = new SimpleDoubleProperty(LiveDefaults.WORKLOAD_RATE);
    private final ReadOnlyDoubleWrapper clusterMillis = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper scenarioName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scenarioDescription = new ReadOnlyStringWrapper("");
    private final List<TraceEvent> batch = new ArrayList<>();
    private boolean showingNetwork;

    /** {@code recorder} writes the live session's trace (null: nothing is recorded). */
    public MainViewModel(SessionRecorder recorder) {
        this.recorder = recorder;
        speed.addListener((obs, old, value) -> command(cluster -> cluster.setSpeed(value.doubleValue())));
        minDelayMs.addListener((obs, old, value) -> applyNetwork());
        maxDelayMs.addListener((obs, old, value) -> applyNetwork());
        drop.addListener((obs, old, value) -> applyNetwork());
        duplicate.addListener((obs, old, value) -> applyNetwork());
        workload.addListener((obs, old, value) -> applyWorkload());
        workloadRate.addListener((obs, old, value) -> applyWorkload());
    }

    /** Starts the default live cluster of {@code nodes} nodes, replacing the current one. */
    public void startCluster(int nodes) {
        start(LiveDefaults.spec(nodes), null);
    }

    /**
     * Loads a scenario and runs it live: a new cluster of its size and network, its steps on the
     * cluster's clock, no background workload. Returns a message for the user if the file cannot
     * be used (the current session then goes on), else null.
     */
    public String openScenario(Path file) {
        try {
            run(ScenarioReader.read(file), file.getFileName().toString());
            return null;
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    /** Runs a bundled demo live. */
    public void openDemo(Demos.Demo demo) {
        run(demo.scenario(), demo.file());
    }

    private void run(Scenario scenario, String source) {
        workload.set(false);
        start(ClusterSpec.of(scenario), scenario);
        scenarioName.set(scenario.name() != null ? scenario.name() : source);
        scenarioDescription.set(scenario.description() != null ? scenario.description() : "");
        long end = ScenarioDriver.micros(scenario.durationMs());
        models.get().session().command(cluster -> {
            new ScenarioDriver(scenario, cluster).schedule();
            cluster.scheduleAt(end, cluster::stopClients);
        });
    }

    /** What the running scenario shows, in its author's words; empty for the free-play cluster. */
    public ReadOnlyStringProperty scenarioDescriptionProperty() {
        return scenarioDescription.getReadOnlyProperty();
    }

    /** The scenario running now, or empty for the free-play cluster. */
    public ReadOnlyStringProperty scenarioNameProperty() {
        return scenarioName.getReadOnlyProperty();
    }

    private void start(ClusterSpec spec, Scenario scenario) {
        SessionModels previous = models.get();
        if (previous != null) {
            previous.session().close();
        }
        if (recorder != null) {
            recorder.begin(spec, scenario);
        }
        LiveSession session = new LiveSession(spec, recorder);
        SessionModels fresh = SessionModels.of(session);
        paused.set(false);
        scenarioName.set("");
        scenarioDescription.set("");
        models.set(fresh);
        showNetwork(spec.network());
        session.start();
        session.command(cluster -> cluster.setSpeed(speed.get()));
        applyWorkload();
    }

    /** Puts a network's parameters on the sliders without sending them back to the cluster. */
    private void showNetwork(LinkParams params) {
        showingNetwork = true;
        try {
            minDelayMs.set(params.minDelayMs());
            maxDelayMs.set(params.maxDelayMs());
            drop.set(params.drop());
            duplicate.set(params.duplicate());
        } finally {
            showingNetwork = false;
        }
    }

    public ReadOnlyObjectProperty<SessionModels> modelsProperty() {
        return models.getReadOnlyProperty();
    }

    public SessionModels models() {
        return models.get();
    }

    /** Hands this frame's events to the view models, then places the messages in flight. */
    public void onFrame() {
        SessionModels current = models.get();
        if (current == null) {
            return;
        }
        batch.clear();
        current.session().drain(batch, EVENTS_PER_FRAME);
        List<EventBatchListener> listeners = current.listeners();
        for (TraceEvent event : batch) {
            for (EventBatchListener listener : listeners) {
                listener.accept(event);
            }
        }
        for (EventBatchListener listener : listeners) {
            listener.endBatch();
        }
        current.cluster().onFrame();
        current.safety().poll();
        clusterMillis.set(current.session().cluster().now() / 1000.0);
    }

    // ---------------------------------------------------------------- clock

    /** How fast cluster time runs against the wall (0.02 to 2). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The cluster's clock in milliseconds, as of the last frame. */
    public ReadOnlyDoubleProperty clusterMillisProperty() {
        return clusterMillis.getReadOnlyProperty();
    }

    public void togglePause() {
        if (paused.get()) {
            paused.set(false);
            command(cluster -> cluster.resume());
        } else {
            paused.set(true);
            command(cluster -> {
                try {
                    cluster.pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** While paused: the next message arrives, or the next timer fires. */
    public void step() {
        if (!paused.get()) {
            togglePause();
            return;
        }
        command(cluster -> {
            try {
                cluster.step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
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

    private void applyNetwork() {
        if (showingNetwork) {
            return;
        }
        double min = Math.min(minDelayMs.get(), maxDelayMs.get());
        double max = Math.max(minDelayMs.get(), maxDelayMs.get());
        LinkParams params = LinkParams.ofMillis(min, max, drop.get(), duplicate.get());
        command(cluster -> cluster.setNetwork(params));
    }

    private void applyWorkload() {
        boolean on = workload.get();
        double rate = workloadRate.get();
        command(cluster -> {
            if (on && rate > 0) {
                cluster.startBackgroundLoad(LiveDefaults.WORKLOAD_CLIENTS, LiveDefaults.WORKLOAD_KEYS, rate);
            } else {
                cluster.stopClients();
            }
        });
    }

    private void command(java.util.function.Consumer<paxosviz.runtime.threads.ThreadedCluster> command) {
        SessionModels current = models.get();
        if (current != null) {
            current.session().command(command);
        }
    }

    /** Ends the session: with a recorder, its end state is recorded first. */
    @Override
    public void close() {
        SessionModels current = models.get();
        if (current != null) {
            if (recorder != null) {
                current.session().finish();
            }
            current.session().close();
        }
        if (recorder != null) {
            recorder.close();
        }
    }
}
