package paxosviz.ui;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.HdrHistogram.Histogram;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.NodeModel;

/**
 * The window under load, measured (`gui --frame-bench`): 7 nodes run fast until the log holds
 * 100,000 slots; then slow links keep about 300 messages in flight while a probe records, for
 * every frame, how long the FX thread worked on it (from the pulse's start to the end of its
 * layout) and the interval between frames; also the heap. Prints the figures and exits.
 */
final class FrameBenchmark {

    static final int NODES = 7;
    static final long TARGET_SLOTS = 100_000;
    static final int TARGET_IN_FLIGHT = 300;
    private static final int FILL_CLIENTS = 32;
    private static final int HOLD_CLIENTS = 8;

    private enum Phase { FILL, SETTLE, MEASURE, DONE }

    private final MainViewModel model;
    private final Scene scene;
    private final double seconds;
    private final PrintStream out;
    private final Histogram work = new Histogram(3_600_000_000L, 3);
    private final Histogram intervals = new Histogram(3_600_000_000L, 3);
    private Phase phase = Phase.FILL;
    private long phaseStart;
    private long pulseStart;
    private long lastPulse;
    private long lastTune;
    private double holdRate = 30;
    private long inFlightSamples;
    private long inFlightTotal;
    private long peakHeap;
    private final Runnable afterLayout = this::afterLayout;

    FrameBenchmark(MainViewModel model, Scene scene, double seconds, PrintStream out) {
        this.model = model;
        this.scene = scene;
        this.seconds = seconds;
        this.out = out;
    }

    /** Runs with the tab titled {@code tab} on screen: a side tab (the list and charts cost the most), or Space-time. */
    void start(String tab) {
        for (javafx.scene.Node node : scene.getRoot().lookupAll(".tab-pane")) {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) node;
            tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(tab)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        model.workloadProperty().set(false);
        model.startCluster(NODES);
        model.speedProperty().set(2.0);
        model.minDelayMsProperty().set(0);
        model.maxDelayMsProperty().set(1);
        model.models().session().live().setWorkload(true, 1_000_000, FILL_CLIENTS);
        out.println("frame benchmark: filling the log of " + NODES + " nodes to " + TARGET_SLOTS + " slots…");
        scene.addPostLayoutPulseListener(afterLayout);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulseStart = now;
                onPulse(now, this);
            }
        }.start();
    }

    private void onPulse(long now, AnimationTimer timer) {
        if (phaseStart == 0) {
            phaseStart = now;
        }
        peakHeap = Math.max(peakHeap, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        switch (phase) {
            case FILL -> {
                if (furthestApplied() >= TARGET_SLOTS) {
                    hold(now);
                }
            }
            case SETTLE -> {
                tune(now);
                if (now - phaseStart > 5_000_000_000L) {
                    phase = Phase.MEASURE;
                    phaseStart = now;
                    work.reset();
                    intervals.reset();
                }
            }
            case MEASURE -> {
                tune(now);
                inFlightSamples++;
                inFlightTotal += model.models().cluster().messages().size();
                if (lastPulse != 0) {
                    intervals.recordValue(now - lastPulse);
                }
                if (now - phaseStart > seconds * 1e9) {
                    phase = Phase.DONE;
                    timer.stop();
                    finish();
                }
            }
            default -> { }
        }
        lastPulse = now;
    }

    /** The log is full: slow links, a gentle workload, and about 300 messages in flight. */
    private void hold(long now) {
        out.printf(Locale.ROOT, "frame benchmark: %d slots after %.1f s; holding about %d messages in flight…%n",
                furthestApplied(), (now - phaseStart) / 1e9, TARGET_IN_FLIGHT);
        model.models().session().live().setWorkload(false, 0, 0);
        model.speedProperty().set(1.0);
        model.maxDelayMsProperty().set(1100);
        model.minDelayMsProperty().set(900);
        phase = Phase.SETTLE;
        phaseStart = now;
        lastTune = now;
        startHoldLoad();
    }

    /** Once a second, nudges the workload towards the target number of messages in flight. */
    private void tune(long now) {
        if (now - lastTune < 1_000_000_000L) {
            return;
        }
        lastTune = now;
        int inFlight = model.models().cluster().messages().size();
        holdRate = Math.max(1, Math.min(2000, holdRate * (TARGET_IN_FLIGHT + 50.0) / (inFlight + 50.0)));
        startHoldLoad();
    }

    private void startHoldLoad() {
        double rate = holdRate;
        model.models().session().live().setWorkload(true, rate, HOLD_CLIENTS);
    }

    private void afterLayout() {
        if (phase == Phase.MEASURE && pulseStart != 0) {
            work.recordValue(Math.max(0, System.nanoTime() - pulseStart));
        }
    }

    private long furthestApplied() {
        return model.models().cluster().nodes().stream().mapToLong(NodeModel::applied).max().orElse(-1);
    }

    private void finish() {
        scene.removePostLayoutPulseListener(afterLayout);
        System.gc();
        long settledHeap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        List<String> shown = scene.getRoot().lookupAll(".tab-pane").stream()
                .map(node -> ((javafx.scene.control.TabPane) node).getSelectionModel().getSelectedItem().getText()).toList();
        out.printf(Locale.ROOT, "frame benchmark: %d frames measured over %.0f s, %d nodes, %d slots, %.0f messages in flight on average, tabs shown: %s%n",
                work.getTotalCount(), seconds, NODES, furthestApplied(), inFlightTotal / (double) Math.max(1, inFlightSamples),
                String.join(", ", shown));
        out.printf(Locale.ROOT, "{\"frameP50Ms\": %.2f, \"frameP99Ms\": %.2f, \"frameMaxMs\": %.2f, \"intervalP50Ms\": %.2f, \"intervalP99Ms\": %.2f,"
                        + " \"messagesInFlight\": %.0f, \"slots\": %d, \"peakHeapMb\": %d, \"heapAfterGcMb\": %d}%n",
                work.getValueAtPercentile(50) / 1e6, work.getValueAtPercentile(99) / 1e6, work.getMaxValue() / 1e6,
                intervals.getValueAtPercentile(50) / 1e6, intervals.getValueAtPercentile(99) / 1e6,
                inFlightTotal / (double) Math.max(1, inFlightSamples), furthestApplied(),
                peakHeap >> 20, settledHeap >> 20);
        out.flush();
        Platform.exit();
    }
}
