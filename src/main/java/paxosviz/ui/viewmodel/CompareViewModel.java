package paxosviz.ui.viewmodel;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import paxosviz.scenario.Protocol;
import paxosviz.ui.session.Comparison;
import paxosviz.ui.session.LiveControls;
import paxosviz.ui.session.LiveDefaults;

/**
 * The comparison window's model: a demo's scenario under two protocols, side by side, on one
 * clock. The user picks the demo and the two protocols and runs them; pause, step and speed act
 * on both clusters, and so does every fault made on either picture. Views call
 * {@link #onFrame()} once per frame, when events reach both sides' view models.
 */
public final class CompareViewModel implements AutoCloseable {

    /** The two sides shown now. */
    public record Sides(CompareSide left, CompareSide right) {
    }

    private final ObjectProperty<Demos.Demo> demo = new SimpleObjectProperty<>();
    private final ObjectProperty<Protocol> leftProtocol = new SimpleObjectProperty<>();
    private final ObjectProperty<Protocol> rightProtocol = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Sides> sides = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty speed = new SimpleDoubleProperty(LiveDefaults.SPEED);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper clusterMillis = new ReadOnlyDoubleWrapper();
    private Comparison running;
    /** What the clock's events said last: paused or not (a scenario pauses at its end). */
    private boolean foldedPause;

    public CompareViewModel(Comparisons.Preset preset) {
        demo.set(preset.demo());
        leftProtocol.set(preset.left());
        rightProtocol.set(preset.right());
        speed.addListener((obs, old, value) -> withClock(clock -> clock.setSpeed(value.doubleValue())));
        run();
    }

    /** The demo whose scenario both sides run (taken at the next {@link #run()}). */
    public ObjectProperty<Demos.Demo> demoProperty() {
        return demo;
    }

    public ObjectProperty<Protocol> leftProtocolProperty() {
        return leftProtocol;
    }

    public ObjectProperty<Protocol> rightProtocolProperty() {
        return rightProtocol;
    }

    public ReadOnlyObjectProperty<Sides> sidesProperty() {
        return sides.getReadOnlyProperty();
    }

    public Sides sides() {
        return sides.get();
    }

    /** Starts the chosen demo under the chosen protocols, from the beginning, ending the comparison before. */
    public void run() {
        close();
        running = Comparison.start(demo.get().scenario(), leftProtocol.get(), rightProtocol.get());
        foldedPause = false;
        paused.set(false);
        sides.set(new Sides(CompareSide.of(running.left()), CompareSide.of(running.right())));
        running.left().live().setSpeed(speed.get());
    }

    /** Hands this frame's events to both sides. */
    public void onFrame() {
        Sides shown = sides.get();
        if (shown == null) {
            return;
        }
        shown.left().onFrame();
        shown.right().onFrame();
        clusterMillis.set(shown.left().session().nowMillis());
        var state = shown.left().session().state();
        if (!Double.isNaN(state.speed()) && state.paused() != foldedPause) {
            foldedPause = state.paused();
            paused.set(foldedPause);
        }
    }

    // ---------------------------------------------------------------- the shared clock

    /** How fast cluster time runs against the wall, on both sides (0.02 to 2). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** The clusters' time, the same on both sides, as of the last frame. */
    public ReadOnlyDoubleProperty clusterMillisProperty() {
        return clusterMillis.getReadOnlyProperty();
    }

    public void togglePause() {
        boolean pause = !paused.get();
        paused.set(pause);
        withClock(pause ? LiveControls::pause : LiveControls::resume);
    }

    /** While paused: the next thing either cluster does; else it pauses first. */
    public void step() {
        if (!paused.get()) {
            togglePause();
            return;
        }
        withClock(LiveControls::step);
    }

    /** The clock is shared, so either side's controls drive it; the left's are used. */
    private void withClock(java.util.function.Consumer<LiveControls> action) {
        Sides shown = sides.get();
        if (shown != null) {
            action.accept(shown.left().session().live());
        }
    }

    // ---------------------------------------------------------------- faults on both

    /** The controls that reach both clusters (either side's do). */
    public LiveControls both() {
        return sides.get().left().session().live();
    }

    public int size() {
        return sides.get().left().cluster().size();
    }

    /** Stops both clusters and their threads. */
    @Override
    public void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
