package paxosviz.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import paxosviz.export.SpaceTimeDiagram;
import paxosviz.ui.control.SpaceTimeChart;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.MessageRef;

/**
 * What every headless window test needs: the window itself, waiting for a condition, and
 * running on the FX thread. Subclasses open and close the window from their own {@code @Start}
 * and {@code @Stop}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {

    VisualizerApp app;
    Stage stage;

    /** Each test class calls this from its own {@code @Start} (TestFX looks for it in the class itself). */
    void open(Stage shown) {
        this.stage = shown;
        app = new VisualizerApp();
        app.start(shown);
    }

    /** From each test class's {@code @Stop}. */
    void close() {
        app.stop();
    }

    MainViewModel model() {
        return app.model();
    }

    /** A node of this test's window (a query over all windows may find one left over from an earlier test). */
    Node find(String selector) {
        return stage.getScene().lookup(selector);
    }

    /** Brings the space-time tab in front of the cluster picture and waits until it draws arrows. */
    SpaceTimeChart showSpaceTime() throws Exception {
        TabPane tabs = (TabPane) find("#centerTabs");
        onFx(() -> tabs.getTabs().stream().filter(tab -> "spaceTimeTab".equals(tab.getId())).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab)));
        SpaceTimeChart chart = (SpaceTimeChart) find("#spaceTimeChart");
        waitUntil("arrows in the space-time diagram", 10, () -> chart.arrowsDrawn() > 0);
        return chart;
    }

    /**
     * The message sent last of those on their way in the cluster view and drawn in the diagram,
     * or null. Clicking half way along it picks it: where messages on their way cross, the one
     * sent last wins. (A message lost as it left is on its way in the diagram only, for an instant.)
     */
    SpaceTimeDiagram.Arrow newestFlyingArrow(SpaceTimeChart chart) {
        SpaceTimeDiagram.Arrow[] newest = new SpaceTimeDiagram.Arrow[1];
        onFx(() -> {
            for (SpaceTimeDiagram.Pending message : model().models().spaceTime().diagram().inFlight()) {
                boolean flying = model().models().cluster().message(MessageRef.of(message.arrow().id())) != null;
                if (flying && chart.pointOn(message.arrow()) != null) {
                    newest[0] = message.arrow();
                }
            }
        });
        return newest[0];
    }

    /** Clicks half way along an arrow of the diagram. */
    void clickOn(FxRobot robot, SpaceTimeChart chart, SpaceTimeDiagram.Arrow arrow) {
        Point2D[] at = new Point2D[1];
        onFx(() -> at[0] = chart.localToScreen(chart.pointOn(arrow)));
        robot.clickOn(at[0]);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(String what, long seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for: " + what);
        }
    }

    /** Runs {@code action} on the FX thread and waits until it and what it set off are done. */
    static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
