package paxosviz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import paxosviz.runtime.threads.ThreadedCluster;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.control.ClusterCanvas;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.NodeModel;

/** The window as a person uses it, headless: what it draws on launch and what clicks and keys do. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private VisualizerApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new VisualizerApp();
        app.start(stage);
    }

    /** A node of this test's window (a query over all windows may find one left over from an earlier test). */
    private Node find(String selector) {
        return stage.getScene().lookup(selector);
    }

    @Stop
    void stop() {
        app.stop();
    }

    private MainViewModel model() {
        return app.model();
    }

    private ClusterViewModel clusterModel() {
        return model().models().cluster();
    }

    private ThreadedCluster runtime() {
        return model().models().session().cluster();
    }

    private ClusterCanvas canvas(FxRobot robot) {
        return (ClusterCanvas) find("#clusterCanvas");
    }

    private static void waitUntil(String what, long seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for: " + what);
        }
    }

    /** Runs the cluster at full speed, so a test sees in seconds what a lecture sees in minutes. */
    private void fullSpeed() {
        WaitForAsyncUtils.asyncFx(() -> model().speedProperty().set(1.0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D onScreen(ClusterCanvas canvas, Point2D local) {
        return canvas.localToScreen(local);
    }

    @Test
    void onLaunchFiveNodesAndTenLinksAreDrawnAndALeaderEmerges(FxRobot robot) throws Exception {
        ClusterCanvas canvas = canvas(robot);
        waitUntil("a first frame", 10, () -> canvas.drawn()[0] > 0);

        assertThat(canvas.drawn()[0]).isEqualTo(5);
        assertThat(canvas.drawn()[1]).isEqualTo(10);
        fullSpeed();
        waitUntil("a leader", 10, () -> clusterModel().leader() >= 0);
    }

    @Test
    void clickingALinkCutsItInTheRuntimeAndClickingAgainRestoresIt(FxRobot robot) throws Exception {
        ClusterCanvas canvas = canvas(robot);
        waitUntil("a first frame", 10, () -> canvas.linkPoint(0, 2) != null);

        robot.clickOn(onScreen(canvas, canvas.linkPoint(0, 2)));
        waitUntil("link 0-2 down both ways", 5, () -> !runtime().isLinkUp(0, 2) && !runtime().isLinkUp(2, 0));
        assertThat(runtime().isLinkUp(0, 1)).isTrue();

        robot.clickOn(onScreen(canvas, canvas.linkPoint(0, 2)));
        waitUntil("link 0-2 up again", 5, () -> runtime().isLinkUp(0, 2) && runtime().isLinkUp(2, 0));
    }

    @Test
    void shiftClickingALinkCutsOnlyOneDirection(FxRobot robot) throws Exception {
        ClusterCanvas canvas = canvas(robot);
        waitUntil("a first frame", 10, () -> canvas.linkPoint(1, 3) != null);

        robot.press(KeyCode.SHIFT);
        try {
            robot.clickOn(onScreen(canvas, canvas.linkPoint(1, 3)));
        } finally {
            robot.release(KeyCode.SHIFT);
        }

        waitUntil("link 1→3 down", 5, () -> !runtime().isLinkUp(1, 3));
        assertThat(runtime().isLinkUp(3, 1)).isTrue();
    }

    @Test
    void crashingANodeThroughItsMenuStopsItAndRestartingBringsItLevel(FxRobot robot) throws Exception {
        ClusterCanvas canvas = canvas(robot);
        fullSpeed();
        waitUntil("a leader", 10, () -> clusterModel().leader() >= 0);
        int victim = (clusterModel().leader() + 1) % 5;

        robot.clickOn(onScreen(canvas, canvas.nodeCenter(victim)), MouseButton.SECONDARY);
        robot.clickOn(menuItem(robot, "Crash n" + victim));
        waitUntil("n" + victim + " down in the runtime", 5, () -> !runtime().isUp(victim));
        NodeModel node = clusterModel().nodes().get(victim);
        long appliedAtCrash = node.applied();
        waitUntil("the others move on", 10, () -> furthestApplied() > appliedAtCrash + 20);
        assertThat(node.isUp()).isFalse();

        robot.clickOn(onScreen(canvas, canvas.nodeCenter(victim)), MouseButton.SECONDARY);
        robot.clickOn(menuItem(robot, "Restart n" + victim));
        waitUntil("n" + victim + " back and level with the others", 15,
                () -> runtime().isUp(victim) && node.isUp() && node.applied() > appliedAtCrash + 20 && node.behind() <= 2);
    }

    private long furthestApplied() {
        return clusterModel().nodes().stream().filter(NodeModel::isUp).mapToLong(NodeModel::applied).max().orElse(-1);
    }

    private static Node menuItem(FxRobot robot, String prefix) {
        return robot.lookup((Node n) -> n instanceof Labeled labeled && labeled.getText() != null
                && labeled.getText().startsWith(prefix) && n.isVisible() && n.getScene() != null).query();
    }

    @Test
    void pausingStopsAllMovementAndEachStepDeliversAtMostOneMessage(FxRobot robot) throws Exception {
        fullSpeed();
        waitUntil("a leader", 10, () -> clusterModel().leader() >= 0);
        List<TraceEvent> seen = Collections.synchronizedList(new ArrayList<>());
        runtime().events().subscribe(seen::add);

        robot.clickOn(find("#pauseButton"));
        waitUntil("the runtime paused", 5, () -> runtime().paused());
        Thread.sleep(300);
        int eventsAtPause = seen.size();
        List<Double> positions = progressOfMessages();
        Thread.sleep(500);
        assertThat(seen).hasSize(eventsAtPause);
        assertThat(progressOfMessages()).isEqualTo(positions);

        int delivered = 0;
        for (int step = 0; step < 12; step++) {
            int before = seen.size();
            robot.type(KeyCode.PERIOD);
            Thread.sleep(150);
            List<TraceEvent> caused;
            synchronized (seen) {
                caused = new ArrayList<>(seen.subList(before, seen.size()));
            }
            long deliveries = caused.stream().filter(e -> e.body() instanceof EventBody.Deliver).count();
            assertThat(deliveries).as("step %d delivered %s", step, caused).isLessThanOrEqualTo(1);
            delivered += (int) deliveries;
        }
        assertThat(delivered).isGreaterThan(0);
    }

    private List<Double> progressOfMessages() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> clusterModel().messages().stream().map(m -> m.progress()).toList()).get();
    }

    @Test
    void majorityMinorityPresetStallsTheMinorityWhileTheMajorityAdvances(FxRobot robot) throws Exception {
        fullSpeed();
        waitUntil("a leader", 10, () -> clusterModel().leader() >= 0);

        robot.type(KeyCode.M);
        waitUntil("the partition in place", 5, () -> !runtime().isLinkUp(0, 4) && !runtime().isLinkUp(3, 1));
        Thread.sleep(1500); // anything already decided reaches the minority, or not, by now
        long minority = Math.max(clusterModel().nodes().get(3).applied(), clusterModel().nodes().get(4).applied());
        long majority = clusterModel().nodes().get(0).applied();

        waitUntil("the majority advances", 15, () -> clusterModel().nodes().get(1).applied() > majority + 20);
        assertThat(clusterModel().nodes().get(3).applied()).isLessThanOrEqualTo(minority);
        assertThat(clusterModel().nodes().get(4).applied()).isLessThanOrEqualTo(minority);

        robot.type(KeyCode.H);
        waitUntil("the minority catches up after healing", 15,
                () -> clusterModel().nodes().get(4).applied() > majority + 20);
    }

    @Test
    void theSafetyIndicatorStaysGreenThroughAFaultStorm(FxRobot robot) throws Exception {
        fullSpeed();
        waitUntil("a leader", 10, () -> clusterModel().leader() >= 0);
        java.util.Random random = new java.util.Random(7);
        KeyCode[] presets = {KeyCode.M, KeyCode.B, KeyCode.R, KeyCode.L, KeyCode.H};
        for (int round = 0; round < 14; round++) {
            switch (random.nextInt(3)) {
                case 0 -> robot.type(presets[random.nextInt(presets.length)]);
                case 1 -> {
                    int node = random.nextInt(5);
                    WaitForAsyncUtils.asyncFx(() -> clusterModel().toggleCrash(node));
                }
                default -> {
                    int a = random.nextInt(5);
                    int b = (a + 1 + random.nextInt(4)) % 5;
                    WaitForAsyncUtils.asyncFx(() -> clusterModel().toggleLink(a, b, random.nextBoolean()));
                }
            }
            Thread.sleep(350);
        }
        robot.type(KeyCode.H);
        for (int node = 0; node < 5; node++) {
            int restart = node;
            WaitForAsyncUtils.asyncFx(() -> clusterModel().restart(restart));
        }
        waitUntil("operations answered again", 20, () -> model().models().session().report() != null
                && model().models().session().report().acknowledged() > 50);
        Thread.sleep(1000);
        model().models().session().refreshReport();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model().models().session().report().violations()).isEmpty();
        assertThat(model().models().safety().safeProperty().get()).isTrue();
        assertThat(find(".safety").getStyleClass()).contains("safety-ok");
    }
}
