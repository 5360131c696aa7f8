package paxosviz.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.beans.property.SimpleLongProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXMLLoader;
import javafx.geometry.VerticalDirection;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;
import paxosviz.ui.session.Frame;
import paxosviz.ui.session.ScriptedSession;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.EventFilter;
import paxosviz.ui.viewmodel.EventLogViewModel;
import paxosviz.ui.viewmodel.MainViewModel;

/** The events panel on a headless screen, fed synthetic events the way the frame pump feeds it. */
@ExtendWith(ApplicationExtension.class)
class EventsPanelViewTest {

    private final SimpleLongProperty violationSeq = new SimpleLongProperty(-1);
    private EventsPanelView view;
    private EventLogViewModel log;
    private ClusterViewModel cluster;
    private long seq;

    private Stage stage;

    /** A node of this test's window (a query over all windows may find one left over from an earlier test). */
    private javafx.scene.Node find(String selector) {
        return stage.getScene().lookup(selector);
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        MainViewModel model = new MainViewModel(null); // no session: the test binds a log of its own
        FXMLLoader loader = new FXMLLoader(getClass().getResource("/fxml/EventsPanel.fxml"));
        loader.setControllerFactory(type -> new EventsPanelView(model));
        Parent root = loader.load();
        view = loader.getController();
        // the log only reads the cluster picture's size and selects in it
        cluster = new ClusterViewModel(new ScriptedSession(5, true));
        log = new EventLogViewModel(cluster, violationSeq);
        view.bind(log);
        Scene scene = new Scene(root, 460, 700);
        Theme.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    /** One frame's events, handed over on the FX thread as the frame pump does. */
    private void frame(FxRobot robot, List<EventBody> bodies) {
        robot.interact(() -> {
            List<TraceEvent> fresh = new java.util.ArrayList<>(bodies.size());
            for (EventBody body : bodies) {
                seq++;
                fresh.add(new TraceEvent(seq, seq * 0.5, body));
            }
            log.refresh(new Frame(fresh, false, true), List::of);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void heartbeats(FxRobot robot, int count) {
        EventBody beat = new EventBody.Send(Address.node(0), Address.node(1), Wire.of(1, new Message.Heartbeat(new Ballot(1, 0), 3)));
        frame(robot, java.util.Collections.nCopies(count, beat));
    }

    private static EventBody leader(int node) {
        return new EventBody.NodeStep(node, new NodeEvent.LeaderElected(new Ballot(2, node)));
    }

    private static EventBody applied(int node, long slot) {
        Command op = Command.put("alice", slot, "x", "1");
        return new EventBody.NodeStep(node, new NodeEvent.Applied(slot, op, Result.of(op.type())));
    }

    @SuppressWarnings("unchecked")
    private ListView<TraceEvent> list(FxRobot robot) {
        return ((ListView) find("#eventList"));
    }

    /** The row in view whose event has this seq or whose summary says this. */
    private static Optional<ListCell<?>> shownCell(FxRobot robot, Object seqOrSummary) {
        for (ListCell<?> cell : robot.lookup(".event-log .list-cell").queryAllAs(ListCell.class)) {
            if (cell.isVisible() && cell.getItem() instanceof TraceEvent event && (seqOrSummary instanceof Long seq
                    ? event.seq() == seq : cell.getText().contains((String) seqOrSummary))) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /** That row, once the list has been laid out with it in view. */
    private static ListCell<?> awaitShown(FxRobot robot, Object seqOrSummary) {
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> shownCell(robot, seqOrSummary).isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("no row in view shows " + seqOrSummary, e);
        }
        return shownCell(robot, seqOrSummary).orElseThrow();
    }

    @Test
    void followsTheNewestEventsAndFiltersByNodeAndType(FxRobot robot) {
        heartbeats(robot, 300);
        frame(robot, List.of(leader(3), applied(2, 17)));

        assertThat(list(robot).getItems()).hasSize(302);
        awaitShown(robot, "n2 applied slot 17: alice#17 put x=1 → done"); // the bottom row
        assertThat(((Label) find("#countLabel")).getText()).isEqualTo("302 shown");

        robot.clickOn(find("#nodeFilter"));
        robot.clickOn("n3");
        assertThat(((ChoiceBox) find("#nodeFilter")).getValue()).isEqualTo(3);
        assertThat(list(robot).getItems()).extracting(TraceEvent::type).containsExactly("leader");

        robot.interact(() -> ((ChoiceBox) find("#nodeFilter")).setValue(-1));
        @SuppressWarnings("unchecked")
        CheckComboBox<String> types = ((CheckComboBox) find("#typeFilter"));
        robot.interact(() -> types.getCheckModel().check("apply"));
        assertThat(list(robot).getItems()).extracting(TraceEvent::type).containsExactly("apply");
        assertThat(types.getTitle()).isEqualTo("apply");

        robot.clickOn("Clear filters");
        assertThat(list(robot).getItems()).hasSize(302);
        assertThat(types.getTitle()).isEqualTo("any type");
    }

    @Test
    void clickingAnEventSelectsItsNodeAndShowsAllOfIt(FxRobot robot) {
        heartbeats(robot, 50);
        frame(robot, List.of(leader(3)));
        heartbeats(robot, 2);

        robot.clickOn(awaitShown(robot, "n3 leads with ballot 2.3"));

        assertThat(cluster.selectedNodeProperty().get()).isEqualTo(3);
        assertThat(log.selectedSeqProperty().get()).isEqualTo(51);
        assertThat(((TextArea) find("#details")).getText()).contains("#51", "n3 leads with ballot 2.3");
        assertThat(((ToggleButton) find("#followToggle")).isSelected()).as("picking an event stops following").isFalse();
    }

    @Test
    void scrollingUpHoldsTheRowsStillUntilFollowIsOnAgain(FxRobot robot) {
        heartbeats(robot, 500);
        awaitShown(robot, 500L);
        double bottom = position(robot);
        robot.moveTo("#eventList");
        // Monocle's wheel runs the other way round: this moves the view towards older rows
        robot.scroll(20, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(log.followProperty().get()).isFalse();
        double scrolled = position(robot);
        assertThat(scrolled).as("the view moved up").isLessThan(bottom);

        heartbeats(robot, 100);
        robot.sleep(100);
        assertThat(list(robot).getItems()).hasSize(500);
        assertThat(position(robot)).as("the rows held still").isEqualTo(scrolled);
        assertThat(((Label) find("#countLabel")).getText()).isEqualTo("500 shown · 100 newer");

        robot.clickOn("#followToggle");
        assertThat(list(robot).getItems()).hasSize(600);
        awaitShown(robot, 600L); // back at the bottom
    }

    /** Where the list is scrolled to, from 0 (top) to 1 (bottom). */
    private static double position(FxRobot robot) {
        VirtualFlow<?> flow = robot.lookup("#eventList .virtual-flow").queryAs(VirtualFlow.class);
        return flow.getPosition();
    }

    @Test
    void theSafetyJumpClearsFiltersAndHighlightsTheEventThatBrokeIt(FxRobot robot) {
        heartbeats(robot, 10);
        frame(robot, List.of(applied(4, 9)));
        heartbeats(robot, 3000);
        @SuppressWarnings("unchecked")
        CheckComboBox<String> types = ((CheckComboBox) find("#typeFilter"));
        robot.interact(() -> types.getCheckModel().check("leader"));

        robot.interact(() -> {
            violationSeq.set(11);
            view.revealViolation();
        });

        assertThat(log.filterProperty().get()).isEqualTo(EventFilter.ANY);
        assertThat(list(robot).getSelectionModel().getSelectedItem().seq()).isEqualTo(11);
        ListCell<?> culprit = awaitShown(robot, "n4 applied slot 9");
        assertThat(culprit.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("violation"));
        assertThat(cluster.selectedNodeProperty().get()).isEqualTo(4);
    }

    @Test
    void saysSoWhenTheEventThatBrokeSafetyIsGone(FxRobot robot) {
        heartbeats(robot, EventLogViewModel.CAPACITY + 10);
        robot.interact(() -> {
            violationSeq.set(5); // reported after the event left the log, and a heartbeat is not kept longer
            view.revealViolation();
        });
        Label notice = ((Label) find("#notice"));
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).startsWith("Event #5, where the checker saw the violation, is not in the log");
    }
}
