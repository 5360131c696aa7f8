package paxosviz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import paxosviz.ui.control.LogStrip;
import paxosviz.ui.session.ReplaySession;
import paxosviz.ui.viewmodel.SlotInspectorViewModel;
import paxosviz.viewstate.SlotReport;

/**
 * Clicking a cell of the log opens the quorum inspector on that slot, in a live session and in
 * the replay of a sample trace, where it shows the slot as of the playhead.
 */
class SlotInspectorWindowTest extends WindowTest {

    @Start
    void start(Stage shown) {
        open(shown);
    }

    @Stop
    void stop() {
        close();
    }

    private SlotInspectorViewModel inspector() {
        return model().models().inspector();
    }

    private void clickCell(FxRobot robot, int node, long slot) {
        LogStrip strip = (LogStrip) find("#logStrip");
        Point2D cell = strip.cellCenter(node, slot);
        assertThat(cell).as("slot %d in the log's window", slot).isNotNull();
        robot.clickOn(strip.localToScreen(cell));
    }

    private String shown(String id) {
        return ((Label) find(id)).getText();
    }

    private String selectedTab() {
        return ((TabPane) find("#sideTabs")).getSelectionModel().getSelectedItem().getText();
    }

    private void waitForReport(long slot) throws Exception {
        waitUntil("the inspector's report on slot " + slot, 20, () -> {
            SlotReport report = inspector().reportProperty().get();
            return report != null && report.slot() == slot;
        });
    }

    @Test
    void clickingACellOfTheLiveLogInspectsItsSlot(FxRobot robot) throws Exception {
        waitUntil("two slots chosen everywhere", 30, () -> model().models().session().state().log().head() >= 2
                && model().models().session().state().log().learned(0, 1) != null);

        clickCell(robot, 0, 1);

        assertThat(inspector().slotProperty().get()).isEqualTo(1);
        assertThat(selectedTab()).isEqualTo("Slot");
        waitForReport(1);
        waitUntil("a majority and a learner shown", 20, () -> shown("#slotTitle").startsWith("Slot 1 · chosen under"));
        SlotReport report = inspector().reportProperty().get();
        assertThat(report.counts()).anySatisfy(count -> assertThat(count.reachedMajority()).isTrue());
        assertThat(report.learned()).isNotEmpty();
        assertThat(shown("#accepts")).contains("n0 accepted");
        assertThat(shown("#why")).contains("phase 1");
    }

    @Test
    void inAReplayTheInspectorShowsTheSlotAsOfThePlayhead(FxRobot robot) throws Exception {
        onFx(() -> model().open(Path.of("traces/three-replicas-one-crashes.jsonl")));
        waitUntil("the replay", 20, () -> model().replay() != null);
        ReplaySession replay = model().replay();
        onFx(() -> replay.seekTime(2400));

        clickCell(robot, 0, 35);

        assertThat(selectedTab()).isEqualTo("Slot");
        waitForReport(35);
        waitUntil("slot 35's title", 10, () -> shown("#slotTitle").startsWith("Slot 35 · chosen under 2.2"));
        assertThat(shown("#why")).contains("Ballot 3.1, led by n1", "had to propose it again");
        assertThat(shown("#majority")).contains("ballot 2.2", "ballot 3.1", "majority (2)");

        onFx(() -> replay.seekTime(1990));
        waitUntil("the slot as it was before its majority", 10, () -> shown("#slotTitle").startsWith("Slot 35 · no majority yet"));
        assertThat(shown("#accepts")).contains("n2 accepted").doesNotContain("n1 accepted");
    }
}
