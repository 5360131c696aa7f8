package paxosviz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import paxosviz.ui.control.ClusterCanvas;
import paxosviz.ui.view.Theme;
import paxosviz.ui.viewmodel.Demos;

/** The lecture told by the window: the demo menu, captions that wait for Space, highlights, unsafe labels, presenter mode. */
class LectureWindowTest extends WindowTest {

    @Start
    void start(Stage shown) {
        open(shown);
    }

    @Stop
    void stop() {
        close();
    }

    private static Demos.Demo demo(String prefix) {
        return Demos.all().stream().filter(d -> d.file().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void theDemosMenuAsksTheLecturesQuestionsInOrderAndOpensOne(FxRobot robot) throws Exception {
        MenuButton menu = (MenuButton) find("#demosMenu");
        List<CustomMenuItem> demos = menu.getItems().stream()
                .filter(item -> item.getId() != null && item.getId().startsWith("demo-")).map(CustomMenuItem.class::cast).toList();
        assertThat(demos).hasSize(Demos.all().size());
        for (int i = 0; i < demos.size(); i++) {
            Label question = (Label) demos.get(i).getContent().lookup(".demo-question");
            assertThat(question.getText()).isEqualTo((i + 1) + ". " + Demos.all().get(i).name()).endsWith("?");
        }

        robot.clickOn(menu);
        robot.clickOn((Node) demos.get(2).getContent());
        waitUntil("the third demo running", 10,
                () -> model().scenarioNameProperty().get().equals(Demos.all().get(2).name()));
    }

    @Test
    void aCaptionShowsAtItsTimeWaitsForSpaceAndPointsAtWhatItSays(FxRobot robot) throws Exception {
        Demos.Demo demo = demo("11-");
        double first = demo.scenario().narration().get(0).at();
        onFx(() -> {
            model().onSimulatorProperty().set(true);
            model().openDemo(demo);
            model().speedProperty().set(2.0);
        });

        waitUntil("the first caption waiting", 20, () -> model().caption().waitingProperty().get());
        assertThat(model().caption().textProperty().get()).isEqualTo(demo.scenario().narration().get(0).text());
        assertThat(model().clusterMillisProperty().get()).isBetween(first, first + 20);
        assertThat(model().models().cluster().highlight().nodes()).containsExactly(2);
        assertThat(find(".narration-hint").isVisible()).isTrue();
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(model().clusterMillisProperty().get()).as("the clock stands still").isBetween(first, first + 20);

        robot.type(KeyCode.SPACE);
        waitUntil("the run going on", 10, () -> model().clusterMillisProperty().get() > first + 200);
        assertThat(model().caption().waitingProperty().get()).isFalse();
        String second = demo.scenario().narration().get(1).text();
        waitUntil("the next caption", 20, () -> model().caption().textProperty().get().equals(second));
    }

    @Test
    void anUnsafeDemoSaysSoInTheBadgeAndTheBanner() throws Exception {
        onFx(() -> {
            model().stopAtCaptionsProperty().set(false);
            model().openDemo(demo("09-"));
        });

        assertThat(find(".unsafe-badge").isVisible()).isTrue();
        assertThat(((Label) find(".banner")).getText()).startsWith("⚠ UNSAFE on purpose: restarted nodes forget");
        assertThat(model().models().cluster().unsafe()).contains("amnesia");

        onFx(() -> model().openDemo(demo("06-")));
        assertThat(find(".unsafe-badge").isVisible()).isFalse();
    }

    @Test
    void inPresenterModeAt1280x720And1440x900TheCaptionSitsAboveThePictureAndNodeCaptionsNeverOverlap() throws Exception {
        onFx(() -> {
            model().stopAtCaptionsProperty().set(false);
            model().openDemo(demo("10-"));
            Theme.apply(stage.getScene(), Theme.PRESENTER);
        });
        waitUntil("a caption", 20, () -> model().caption().showingProperty().get());
        double[] before = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        try {
            presenterLayoutHolds();
        } finally {
            // the test stage is shared with the test classes that follow
            onFx(() -> {
                stage.setX(before[0]);
                stage.setY(before[1]);
                stage.setWidth(before[2]);
                stage.setHeight(before[3]);
            });
        }
    }

    private void presenterLayoutHolds() throws Exception {
        // a window as large as the headless screen (1600x1000) upsets the robot's coordinates in later tests
        for (double[] size : new double[][] {{1280, 720}, {1440, 900}}) {
            onFx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            ClusterCanvas canvas = (ClusterCanvas) find("#clusterCanvas");
            Node narration = find(".narration");
            Bounds band = narration.localToScene(narration.getBoundsInLocal());
            Bounds picture = canvas.localToScene(canvas.getBoundsInLocal());
            assertThat(band.getMaxY()).as("%s: the caption above the picture", size[0]).isLessThanOrEqualTo(picture.getMinY() + 0.5);
            List<Bounds> captions = canvas.captionBounds();
            assertThat(captions).hasSize(5);
            for (int a = 0; a < captions.size(); a++) {
                for (int b = a + 1; b < captions.size(); b++) {
                    assertThat(captions.get(a).intersects(captions.get(b))).as("%s: n%d and n%d", size[0], a, b).isFalse();
                }
                assertThat(captions.get(a).getMinY()).as("%s: n%d %s in %sx%s", size[0], a, captions.get(a), canvas.getWidth(),
                        canvas.getHeight()).isGreaterThanOrEqualTo(0);
                assertThat(captions.get(a).getMaxY()).isLessThanOrEqualTo(canvas.getHeight());
            }
        }
    }
}
