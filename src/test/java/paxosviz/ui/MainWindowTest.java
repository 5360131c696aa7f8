package paxosviz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import paxosviz.check.CheckReport;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.control.ClusterCanvas;
import paxosviz.ui.session.LiveSession;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.NodeModel;
import paxosviz.viewstate.ViewState;

/** The window as a person uses it, headless: what it draws on launch and what clicks and keys do. */
class MainWindowTest extends WindowTest {

    @Start
    void start(Stage shown) {
        open(shown);
    }

    @Stop
    void stop() {
        close();
    }

    private ClusterViewModel clusterModel() {
        return model().models().cluster();
    }

    /** The live session shown: the window's only way to the cluster. */
    private LiveSession session() {
        return (LiveSession) model().models().session();
    }

    /** Reads on the FX thread, where the session's state is folded, each frame. */
    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the FX thread did not answer", e);
        }
    }

    /** What the window shows: the events the runtime reported, folded as of the last frame (FX thread only). */
    private ViewState shown() {
        return model().models().session().state();
    }

    /** Whether the runtime reported the link from one node to another up (its last {@code link} event, as folded). */
    private boolean linkUp(int from, int to) {
        return onFx(() -> shown().links().isUp(from, to));
    }

    /** The checker's latest report on the session shown, or null. */
    private CheckReport report() {
        return model().models().session().safety().current();
    }

    /** Every event the cluster reports from now on, as it reports it. */
    private List<TraceEvent> subscribe() throws Exception {
        List<TraceEvent> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        session().withCluster(cluster -> {
            cluster.events().subscribe(seen::add);
            subscribed.complete(null);
        });
        subscribed.get(5, TimeUnit.SECONDS);
        return seen;
    }

    private ClusterCanvas canvas(FxRobot robot) {
        return (ClusterCanvas) find("#clusterCanvas");
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
        waitUntil("link 0-2 down both ways", 5, () -> !linkUp(0, 2) && !linkUp(2, 0));
        assertThat(linkUp(0, 1)).isTrue();
        assertThat(onFx(() -> clusterModel().isLinkUp(0, 2))).as("the picture shows it cut").isFalse();

        robot.clickOn(onScreen(canvas, canvas.linkPoint(0, 2)));
        waitUntil("link 0-2 up again", 5, () -> linkUp(0, 2) && linkUp(2, 0));
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

        waitUntil("link 1→3 down", 5, () -> !linkUp(1, 3));
        assertThat(linkUp(3, 1)).isTrue();
    }

    @Test
    void crashingANodeThroughItsMenuStopsItAndRestartingBringsItLevel(FxRobot robot) throws Exception {
        ClusterCanvas canvas = canvas(robot);
        fullSpeed();
        waitUntil("a leader", 10, () -> clusterModel().leader() >= 0);
        int victim = (clusterModel().leader() + 1) % 5;

        robot.clickOn(onScreen(canvas, canvas.nodeCenter(victim)), MouseButton.SECONDARY);
        robot.clickOn(menuItem(robot, "Crash n" + victim));
        waitUntil("n" + victim + " down in the runtime", 5, () -> onFx(() -> !shown().nodes().isUp(victim)));
        NodeModel node = clusterModel().nodes().get(victim);
        long appliedAtCrash = node.applied();
        waitUntil("the others move on", 10, () -> furthestApplied() > appliedAtCrash + 20);
        assertThat(node.isUp()).isFalse();

        robot.clickOn(onScreen(canvas, canvas.nodeCenter(victim)), MouseButton.SECONDARY);
        robot.clickOn(menuItem(robot, "Restart n" + victim));
        waitUntil("n" + victim + " back and level with the others", 15,
                () -> onFx(() -> shown().nodes().isUp(victim)) && node.isUp() && node.applied() > appliedAtCrash + 20
                        && node.behind() <= 2);
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
        List<TraceEvent> seen = subscribe();

        robot.clickOn(find("#pauseButton"));
        waitUntil("the runtime paused", 5, () -> onFx(() -> shown().paused()));
        assertThat(seen).as("the runtime said so").anyMatch(e -> e.body() instanceof EventBody.Clock clock && clock.paused());
        Thread.sleep(300);
        int eventsAtPause = seen.size();
        long foldedAtPause = onFx(() -> shown().events());
        List<Double> positions = progressOfMessages();
        Thread.sleep(500);
        assertThat(seen).hasSize(eventsAtPause);
        assertThat(onFx(() -> shown().events())).as("nothing new to show").isEqualTo(foldedAtPause);
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
        waitUntil("the partition in place", 5, () -> !linkUp(0, 4) && !linkUp(3, 1));
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
            WaitForAsyncUtils.asyncFx(() -> model().models().session().live().restart(restart));
        }
        waitUntil("operations answered again", 20, () -> report() != null && report().acknowledged() > 50);
        Thread.sleep(1000);
        session().refreshReport();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(report().violations()).isEmpty();
        assertThat(model().models().safety().safeProperty().get()).isTrue();
        assertThat(find(".safety").getStyleClass()).contains("safety-ok");
    }
}
