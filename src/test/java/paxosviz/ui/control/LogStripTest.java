package paxosviz.ui.control;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpType;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.session.ScriptedSession;
import paxosviz.ui.viewmodel.LogViewModel;

@ExtendWith(ApplicationExtension.class)
class LogStripTest {

    private static final int NODES = 7;
    private static final int SLOTS = 100_000;

    private LogStrip strip;
    private LogViewModel log;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ScriptedSession session = new ScriptedSession(NODES, true);
        log = new LogViewModel(session);
        Ballot ballot = new Ballot(1, 0);
        long seq = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            Command cmd = Command.put("alice", slot, "x", "v" + slot);
            for (int node = 0; node < NODES; node++) {
                session.feed(new TraceEvent(++seq, slot, new EventBody.NodeStep(node, new NodeEvent.Accepted(slot, ballot, cmd))),
                        new TraceEvent(++seq, slot, new EventBody.NodeStep(node, new NodeEvent.Applied(slot, cmd, Result.of(OpType.PUT)))));
            }
        }
        log.refresh(session.frame().changed());
        strip = new LogStrip();
        strip.setViewModel(log);
        scene = new Scene(new StackPane(strip), 900, 320);
        stage.setScene(scene);
        stage.show();
    }

    private LogStripSkin skin() {
        return (LogStripSkin) strip.getSkin();
    }

    @Test
    void aDrawVisitsOnlyTheVisibleCellsAndFollowsTheHead(FxRobot robot) {
        int visible = skin().geometry().visibleSlots();

        assertThat(skin().cellsDrawn()).as("7 rows of the visible window").isEqualTo(NODES * visible);
        assertThat(visible).isLessThan(SLOTS / 100);
        long first = log.firstSlot(visible);
        assertThat(first + visible - 1).as("the head in sight, at the right edge").isBetween((long) SLOTS - 1, (long) SLOTS + 1);

        System.out.printf("log strip: %d cells visited per draw (%d slots visible of %,d), %.0f µs per draw%n",
                skin().cellsDrawn(), visible, SLOTS, microsPerDraw(robot));
    }

    /** Issuing the drawing commands only: the renderer rasterizes them on its own thread. */
    private double microsPerDraw(FxRobot robot) {
        int frames = 500;
        long started = System.nanoTime();
        robot.interact(() -> {
            for (int i = 0; i < frames; i++) {
                skin().draw();
            }
        });
        return (System.nanoTime() - started) / 1e3 / frames;
    }

    @Test
    void zoomingOutShowsMoreSlotsAsRunsAndStillOnlyTheWindow(FxRobot robot) {
        robot.interact(() -> strip.zoomProperty().set(LogStrip.MIN_ZOOM));
        int visible = skin().geometry().visibleSlots();

        assertThat(skin().geometry().separateCells()).isFalse();
        assertThat(skin().cellsDrawn()).isEqualTo(NODES * visible);
        System.out.printf("log strip zoomed out: %d cells visited per draw (%d slots visible), %.0f µs per draw%n",
                skin().cellsDrawn(), visible, microsPerDraw(robot));
    }

    @Test
    void homeScrollsBackToSlotZeroAndEndFollowsTheHeadAgain(FxRobot robot) {
        robot.clickOn(strip);
        robot.type(KeyCode.HOME);
        assertThat(log.followHeadProperty().get()).isFalse();
        assertThat(log.firstSlot(skin().geometry().visibleSlots())).isZero();

        robot.type(KeyCode.END);
        assertThat(log.followHeadProperty().get()).isTrue();
    }

    @Test
    void clickingARowSelectsItsNodeAndHoveringACellExplainsIt(FxRobot robot) {
        LogGeometry geometry = skin().geometry();
        Point2D cell = new Point2D(geometry.cellX(3) + geometry.cellWidth() / 2, geometry.cellTop(4) + geometry.cellHeight() / 2);

        robot.clickOn(robot.point(strip).atPosition(Pos.TOP_LEFT).atOffset(cell));
        robot.moveBy(1, 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(strip.selectedNodeProperty().get()).isEqualTo(4);
        long slot = log.firstSlot(geometry.visibleSlots()) + 3;
        assertThat(skin().tooltipText()).isEqualTo(log.describe(4, slot))
                .isEqualTo("slot " + slot + " at n4: applied — alice#" + slot + " put x=v" + slot + " (accepted here under ballot 1.0)");
    }

    @Test
    void theThemesSetTheColoursAndThePresenterCellSize(FxRobot robot) {
        robot.interact(() -> {
            scene.getStylesheets().setAll(LogStripTest.class.getResource("/styles/presenter.css").toExternalForm());
            strip.applyCss();
        });

        assertThat(strip.cellSize()).isEqualTo(22);
        assertThat(strip.chosen()).isEqualTo(Color.web("#004f86"));
    }
}
