package paxosviz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import paxosviz.core.Role;
import paxosviz.export.SpaceTimeDiagram;
import paxosviz.trace.model.EventBody;
import paxosviz.ui.control.ClusterCanvas;
import paxosviz.ui.control.LogStrip;
import paxosviz.ui.control.SpaceTimeChart;
import paxosviz.ui.view.Theme;
import paxosviz.ui.viewmodel.Demos;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.MessageRef;
import paxosviz.ui.viewmodel.SpaceTimeViewModel;
import paxosviz.viewstate.ViewState;

/**
 * What a new user tripped on in the live window, headless: values that diverge show as
 * diverged, the view-service demo does what it says, keys work after picking a message, the
 * log fits a bigger cluster, and node captions never overlap in the presenter theme at 1280x720.
 */
class LiveWindowTest extends WindowTest {

    @Start
    void start(Stage shown) {
        open(shown);
    }

    @Stop
    void stop() {
        close();
    }

    private ViewState state() {
        return model().models().session().state();
    }

    private void openDemo(String file) {
        Demos.Demo demo = Demos.all().stream().filter(d -> d.file().equals(file)).findFirst().orElseThrow();
        onFx(() -> {
            model().stopAtCaptionsProperty().set(false); // these tests look at the run, not the lecture
            model().openDemo(demo);
            model().speedProperty().set(1.0);
        });
    }

    @Test
    void theAmnesiaDemosSplitSlotShowsAsDivergedWithBothValues() throws Exception {
        openDemo("09-unsafe-amnesia.json");
        waitUntil("two values chosen for one slot", 40, () -> !state().log().divergedSlots().isEmpty());

        long slot = state().log().divergedSlots().first();
        List<Character> letters = new java.util.ArrayList<>();
        for (int node = 0; node < state().size(); node++) {
            char letter = model().models().log().divergedValue(node, slot);
            if (letter != 0) {
                letters.add(letter);
            }
        }
        assertThat(letters).contains('A', 'B');
        int holder = -1;
        for (int node = 0; node < state().size() && holder < 0; node++) {
            holder = state().log().learned(node, slot) != null ? node : -1;
        }
        String tooltip = model().models().log().describe(holder, slot);
        assertThat(tooltip).contains("DIVERGED", "A: ", "B: ");
        waitUntil("the badge turning red", 10, () -> !model().models().safety().safeProperty().get());
    }

    @Test
    void theViewServiceDemoServesNobodyDuringItsPartitionAndExactlyOneBuyerAfter() throws Exception {
        openDemo("05-stock-primary-backup-view-service.json");
        waitUntil("the first view", 10, () -> state().nodes().role(1) == Role.PRIMARY);
        assertThat(state().nodes().role(0)).isEqualTo(Role.VIEW_SERVICE);
        assertThat(state().nodes().role(2)).isEqualTo(Role.BACKUP);

        waitUntil("the middle of the partition", 10, () -> model().clusterMillisProperty().get() > 3500);
        assertThat(state().clients().recent()).noneMatch(answer -> answer.op() != null && answer.op().type().wireName().equals("cas"));
        assertThat(state().nodes().role(2)).as("the backup is not promoted: no view reaches it").isEqualTo(Role.BACKUP);

        waitUntil("both buyers answered after the heal", 20, () -> state().clients().recent().stream()
                .filter(answer -> answer.op() != null && answer.op().type().wireName().equals("cas")
                        && answer.outcome() == paxosviz.trace.model.Outcome.OK)
                .count() == 2);
        long bought = state().clients().recent().stream()
                .filter(answer -> answer.op() != null && answer.op().type().wireName().equals("cas"))
                .filter(answer -> String.valueOf(answer.result()).contains("true")).count();
        assertThat(bought).as("exactly one purchase succeeds").isEqualTo(1);
    }

    @Test
    void keysWorkAfterPickingAMessageWhateverHasTheFocus(FxRobot robot) throws Exception {
        waitUntil("messages in flight", 10, () -> !model().models().cluster().messages().isEmpty());
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        MessageRef picked = model().models().cluster().selectedMessageProperty().get();
        assertThat(picked).isNotNull();
        robot.clickOn("#description"); // the message text has the focus now

        robot.type(KeyCode.SPACE);
        waitUntil("paused by Space", 5, () -> model().pausedProperty().get() && state().paused());
        long seq = state().lastSeq();
        robot.type(KeyCode.PERIOD);
        waitUntil("a step", 5, () -> state().lastSeq() > seq);

        robot.press(KeyCode.SHIFT).type(KeyCode.EQUALS).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().speedProperty().get()).as("+ speeds up").isGreaterThan(0.1);
    }

    @Test
    void theLogShowsEveryRowAfterTheClusterGrowsFromThreeToSeven(FxRobot robot) throws Exception {
        onFx(() -> model().startCluster(3));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        waitUntil("seven nodes", 10, () -> model().models().cluster().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        LogStrip strip = (LogStrip) stage.getScene().lookup("#logStrip");
        assertThat(strip.rowsShown()).isEqualTo(7);
        assertThat(strip.legendShown()).as("the legend is not cut off").isTrue();
    }

    @Test
    void inThePresenterThemeAt1280x720NoNodeCaptionsOverlap() throws Exception {
        onFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            Theme.apply(stage.getScene(), Theme.PRESENTER);
        });
        for (int nodes : new int[] {3, 5, 7}) {
            onFx(() -> model().startCluster(nodes));
            ClusterCanvas canvas = (ClusterCanvas) stage.getScene().lookup("#clusterCanvas");
            waitUntil(nodes + " captions drawn", 10, () -> canvas.captionBounds().size() == nodes);
            List<Bounds> captions = canvas.captionBounds();
            for (int a = 0; a < captions.size(); a++) {
                for (int b = a + 1; b < captions.size(); b++) {
                    assertThat(captions.get(a).intersects(captions.get(b)))
                            .as("%d nodes: captions of n%d %s and n%d %s", nodes, a, captions.get(a), b, captions.get(b)).isFalse();
                }
                assertThat(captions.get(a).getMinX()).isGreaterThanOrEqualTo(0);
                assertThat(captions.get(a).getMinY()).isGreaterThanOrEqualTo(0);
                assertThat(captions.get(a).getMaxX()).isLessThanOrEqualTo(canvas.getWidth());
                assertThat(captions.get(a).getMaxY()).isLessThanOrEqualTo(canvas.getHeight());
            }
        }
    }

    @Test
    void holdingAMessageIsAnEventTheViewsLearnFrom(FxRobot robot) throws Exception {
        waitUntil("messages in flight", 10, () -> !model().models().cluster().messages().isEmpty());
        robot.type(KeyCode.SPACE);
        waitUntil("paused", 5, () -> state().paused());
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        MessageRef picked = model().models().cluster().selectedMessageProperty().get();

        robot.press(KeyCode.SHIFT).type(KeyCode.H).release(KeyCode.SHIFT);

        waitUntil("the hold in the folded state", 5, () -> {
            var flying = state().flight().find(picked.id(), picked.copy() == EventBody.ANY_COPY ? EventBody.ANY_COPY : picked.copy());
            return flying != null && flying.held();
        });
    }

    @Test
    void theSpaceTimeDiagramSelectsAndHighlightsThroughTheClusterView(FxRobot robot) throws Exception {
        waitUntil("messages in flight", 10, () -> !model().models().cluster().messages().isEmpty());
        SpaceTimeChart chart = showSpaceTime();
        robot.type(KeyCode.SPACE);
        waitUntil("paused", 5, () -> state().paused());
        for (int step = 0; step < 100 && newestFlyingArrow(chart) == null; step++) {
            robot.type(KeyCode.PERIOD); // paused between two bursts: the next timer sends some
            WaitForAsyncUtils.waitForFxEvents();
        }
        SpaceTimeDiagram.Arrow flying = newestFlyingArrow(chart);
        assertThat(flying).as("a message on its way").isNotNull();
        SpaceTimeViewModel spaceTime = model().models().spaceTime();

        clickOn(robot, chart, flying);

        MessageRef selected = model().models().cluster().selectedMessageProperty().get();
        assertThat(selected).isNotNull();
        assertThat(selected.id()).isEqualTo(flying.id());
        assertThat(model().models().cluster().message(selected)).as("the copy on its way in the cluster view").isNotNull();
        assertThat(((TabPane) find("#sideTabs")).getSelectionModel().getSelectedItem().getId()).isEqualTo("messageTab");
        assertThat(spaceTime.isHighlighted(flying)).isTrue();

        robot.type(KeyCode.DIGIT3); // selects n2, as a click on it in the cluster view does
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spaceTime.highlightedHost()).isEqualTo("n2");

        Point2D row = chart.localToScreen(chart.pointOn("n4"));
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().models().cluster().selectedNodeProperty().get()).isEqualTo(4);
        assertThat(spaceTime.highlightedHost()).isEqualTo("n4");
    }
}
