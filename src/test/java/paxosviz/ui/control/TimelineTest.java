package paxosviz.ui.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TimelineTest {

    /** 1,016 pixels wide without padding: a track of 1,000 pixels from x = 8, so 10 ms a pixel over 10 s. */
    private static final double WIDTH = 1016;
    private static final double END = 10_000;
    /** Mouse positions land on whole pixels: a position may be off by this much from the time at the exact x. */
    private static final double PIXEL_SLACK = 2 * END / 1000;

    private Timeline timeline;
    private Scene scene;

    @Start
    void start(Stage stage) {
        timeline = new Timeline();
        timeline.setRange(0, END);
        scene = new Scene(new StackPane(timeline), WIDTH, 180);
        stage.setScene(scene);
        // the stage is shared with earlier test classes, which may have sized it: this test measures pixels
        stage.setFullScreen(false);
        stage.setMaximized(false);
        stage.sizeToScene();
        stage.show();
    }

    private TimelineSkin skin() {
        return (TimelineSkin) timeline.getSkin();
    }

    private TimelineGeometry geometry(FxRobot robot) {
        robot.interact(() -> skin().flush());
        return skin().geometry();
    }

    private Point2D at(FxRobot robot, double x, TimelineLane lane) {
        TimelineGeometry g = geometry(robot);
        return skin().toScreen(x, g.laneTop(lane) + g.laneHeight(lane) / 2);
    }

    private Point2D atTime(FxRobot robot, double t, TimelineLane lane) {
        return at(robot, geometry(robot).xOf(t), lane);
    }

    @Test
    void draggingAcrossTheTrackMovesThePositionAtEveryStep(FxRobot robot) {
        DoubleProperty owner = new SimpleDoubleProperty();
        List<Double> seen = new ArrayList<>();
        List<Double> ownerSaw = new ArrayList<>();
        robot.interact(() -> {
            owner.bindBidirectional(timeline.positionProperty());
            timeline.positionProperty().addListener((obs, old, value) -> seen.add(value.doubleValue()));
            owner.addListener((obs, old, value) -> ownerSaw.add(value.doubleValue()));
        });
        Point2D from = at(robot, 108, TimelineLane.FAULTS);
        Point2D to = at(robot, 808, TimelineLane.FAULTS);

        robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
        robot.interact(() -> skin().flush());

        System.out.printf("timeline drag: %d position changes over 700 px%n", seen.size());
        assertThat(seen.size()).as("a change per drag event, not only at the end").isGreaterThan(20);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("left to right: never back").isGreaterThanOrEqualTo(seen.get(i - 1));
        }
        assertThat(seen.get(0)).isCloseTo(1_000, within(PIXEL_SLACK));
        assertThat(timeline.getPosition()).isCloseTo(8_000, within(PIXEL_SLACK));
        assertThat(seen.stream().filter(t -> t > 2_000 && t < 7_000).count()).as("intermediate values").isGreaterThan(10);
        assertThat(ownerSaw).as("the bound owner followed every step").isEqualTo(seen);
        assertThat(skin().playheadX()).isCloseTo(geometry(robot).xOf(timeline.getPosition()), within(1.0));
    }

    @Test
    void aPressOrADragPastTheEndsStopsAtTheEnds(FxRobot robot) {
        robot.drag(at(robot, 500, TimelineLane.LEADERS), MouseButton.PRIMARY).moveTo(at(robot, 1014, TimelineLane.LEADERS));
        assertThat(timeline.getPosition()).isEqualTo(END);
        robot.moveTo(at(robot, 2, TimelineLane.LEADERS)).drop();
        assertThat(timeline.getPosition()).isZero();
    }

    @Test
    void shiftDragSelectsTheDraggedTimesAndLeavesThePositionAlone(FxRobot robot) {
        robot.interact(() -> timeline.setPosition(500));
        List<TimeRange> ranges = new ArrayList<>();
        robot.interact(() -> timeline.selectionProperty().addListener((obs, old, range) -> ranges.add(range)));

        robot.press(KeyCode.SHIFT);
        try {
            robot.drag(at(robot, 208, TimelineLane.INSTALLS), MouseButton.PRIMARY)
                    .moveTo(at(robot, 608, TimelineLane.INSTALLS)).drop();
        } finally {
            robot.release(KeyCode.SHIFT);
        }

        TimeRange selection = timeline.getSelection();
        assertThat(selection).isNotNull();
        assertThat(selection.from()).isCloseTo(2_000, within(PIXEL_SLACK));
        assertThat(selection.until()).isCloseTo(6_000, within(PIXEL_SLACK));
        assertThat(ranges.size()).as("the band grows while dragging").isGreaterThan(5);
        assertThat(timeline.getPosition()).isEqualTo(500);
    }

    @Test
    void theSelectionStaysThroughClicksUntilEscapeOrADoubleClick(FxRobot robot) {
        robot.interact(() -> timeline.setSelection(new TimeRange(2_000, 4_000)));

        robot.clickOn(at(robot, 708, TimelineLane.FAULTS));
        assertThat(timeline.getPosition()).isCloseTo(7_000, within(PIXEL_SLACK));
        assertThat(timeline.getSelection()).as("a plain click keeps it").isEqualTo(new TimeRange(2_000, 4_000));

        robot.clickOn(at(robot, 108, TimelineLane.FAULTS), MouseButton.SECONDARY);
        assertThat(timeline.getPosition()).as("a right-click is left to the owner").isCloseTo(7_000, within(PIXEL_SLACK));

        robot.type(KeyCode.ESCAPE);
        assertThat(timeline.getSelection()).isNull();

        robot.interact(() -> timeline.setSelection(new TimeRange(2_000, 4_000)));
        robot.doubleClickOn(at(robot, 308, TimelineLane.FAULTS));
        assertThat(timeline.getSelection()).isNull();
        assertThat(timeline.getPosition()).isCloseTo(3_000, within(PIXEL_SLACK));
    }

    @Test
    void shiftClickSelectsFromThePlayheadToTheClick(FxRobot robot) {
        robot.interact(() -> timeline.setPosition(1_000));

        robot.press(KeyCode.SHIFT);
        try {
            robot.clickOn(at(robot, 508, TimelineLane.FAULTS));
        } finally {
            robot.release(KeyCode.SHIFT);
        }

        assertThat(timeline.getSelection().from()).isEqualTo(1_000);
        assertThat(timeline.getSelection().until()).isCloseTo(5_000, within(PIXEL_SLACK));
        assertThat(timeline.getPosition()).isEqualTo(1_000);
    }

    @Test
    void fiftyThousandMarkersDrawAsBucketsInAFewRectangles(FxRobot robot) {
        List<TimelineMarker> markers = new ArrayList<>();
        String[] rare = {"crash", "restart", "link", "leader", "install", "violation"};
        for (int i = 0; i < 50_000; i++) {
            double t = i * (END / 50_000);
            markers.add(i % 500 == 0
                    ? TimelineMarker.of(t, i, rare[i / 500 % rare.length], "marker " + i)
                    : TimelineMarker.of(t, i, "answer", "answer " + i));
        }
        int framesBefore = skin().baseFrames();

        robot.interact(() -> timeline.getMarkers().setAll(markers));
        WaitForAsyncUtils.waitForAsyncFx(2_000, () -> { });
        awaitTrue(() -> skin().markersInWindow() == 50_000);

        int columns = skin().geometry().columns();
        assertThat(skin().baseFrames() - framesBefore).as("one repaint in the next pulse").isBetween(1, 2);
        assertThat(skin().markerColumnsDrawn()).isPositive().isLessThanOrEqualTo(columns * TimelineLane.values().length);
        assertThat(skin().markerRectanglesDrawn()).isLessThanOrEqualTo(skin().markerColumnsDrawn());
        assertThat(skin().rulerTicksDrawn()).isBetween(5, 21);

        int frames = 200;
        long[] took = new long[2];
        robot.interact(() -> {
            long started = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                skin().drawNow();
            }
            took[0] = System.nanoTime() - started;
            started = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                timeline.setPosition(i * END / frames);
                skin().drawOverlayNow();
            }
            took[1] = System.nanoTime() - started;
        });
        System.out.printf("timeline: 50,000 markers -> %d columns in %d rectangles; whole frame %.0f µs"
                        + " (bucketing %.0f µs of it), playhead move %.0f µs%n",
                skin().markerColumnsDrawn(), skin().markerRectanglesDrawn(), took[0] / 1e3 / frames,
                skin().lastBaseNanos() / 1e3, took[1] / 1e3 / frames);
    }

    @Test
    void markersAddedOneByOneRepaintOnce(FxRobot robot) {
        robot.interact(() -> skin().flush());
        int framesBefore = skin().baseFrames();

        robot.interact(() -> {
            for (int i = 0; i < 2_000; i++) {
                timeline.getMarkers().add(TimelineMarker.of(i * 5, i, "answer", "answer " + i));
            }
        });
        awaitTrue(() -> skin().markersInWindow() == 2_000);

        assertThat(skin().baseFrames() - framesBefore).isBetween(1, 2);
    }

    @Test
    void hoveringAMarkerShowsItsLabelAndTime(FxRobot robot) {
        robot.interact(() -> timeline.getMarkers().setAll(
                TimelineMarker.of(3_000, 11, "crash", "crash n2"),
                TimelineMarker.of(3_000, 12, "leader", "n1 leads with 4.1"),
                TimelineMarker.of(7_000, 20, "answer", "alice#3 put x ok"),
                TimelineMarker.of(7_010, 21, "violation", "slot 7: two values chosen")));

        robot.moveTo(at(robot, geometry(robot).xOf(3_000) + 2, TimelineLane.FAULTS));
        assertThat(skin().tooltipText()).startsWith("crash n2\n").contains("3.000 s").contains("#11");

        robot.moveTo(at(robot, geometry(robot).xOf(3_000) - 2, TimelineLane.LEADERS));
        assertThat(skin().tooltipText()).startsWith("n1 leads with 4.1\n");

        robot.moveTo(at(robot, geometry(robot).xOf(7_000), TimelineLane.ANSWERS));
        assertThat(skin().tooltipText()).as("a violation nearby wins").startsWith("slot 7: two values chosen\n")
                .contains("7.010 s").contains("+1 other");

        robot.moveTo(at(robot, geometry(robot).xOf(5_000), TimelineLane.FAULTS));
        assertThat(skin().tooltipText()).as("no marker here").isNull();
        awaitTrue(() -> skin().tooltipText() != null);
        assertThat(skin().tooltipText()).as("resting: the time and the gestures").startsWith("5.0").contains("Shift+drag");

        robot.interact(() -> scene.setRoot(new StackPane()));
        assertThat(skin().tooltipText()).as("gone with the scene").isNull();
    }

    @Test
    void thePositionStaysInTheRangeAndABoundPropertyIsPutRight(FxRobot robot) {
        DoubleProperty owner = new SimpleDoubleProperty(4_000);
        robot.interact(() -> timeline.positionProperty().bindBidirectional(owner));
        assertThat(timeline.getPosition()).isEqualTo(4_000);

        robot.interact(() -> owner.set(25_000));
        assertThat(timeline.getPosition()).isEqualTo(END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(owner.get()).isEqualTo(END);

        robot.interact(() -> owner.set(-3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(owner.get()).isZero();

        robot.interact(() -> {
            owner.set(8_000);
            timeline.setRange(0, 4_000);
        });
        assertThat(owner.get()).as("a shorter trace pulls the position in").isEqualTo(4_000);
        assertThat(timeline.getVisibleEnd()).as("an unzoomed window follows the range").isEqualTo(4_000);
    }

    @Test
    void theWheelZoomsAroundThePointerAndCtrlDragPans(FxRobot robot) {

        robot.interact(() -> skin().flush());
        double under = geometry(robot).timeAt(258);

        for (int notch = 0; notch < 3; notch++) {
            wheel(robot, 258, 40);
        }
        robot.interact(() -> skin().flush());

        double span = timeline.getVisibleEnd() - timeline.getVisibleStart();
        assertThat(span).as("zoomed in, 1.25 a notch").isCloseTo(END / Math.pow(1.25, 3), within(1e-6));
        assertThat(geometry(robot).timeAt(258)).as("the time under the pointer stays").isCloseTo(under, within(1e-6));

        for (int notch = 0; notch < 30; notch++) {
            wheel(robot, 258, -40);
        }
        assertThat(timeline.getVisibleStart()).isZero();
        assertThat(timeline.getVisibleEnd()).as("zoomed out no farther than the whole trace").isEqualTo(END);

        robot.interact(() -> {
            timeline.setPosition(3_000);
            timeline.setVisibleRange(2_000, 4_000);
        });
        robot.press(KeyCode.CONTROL);
        try {
            robot.drag(at(robot, 508, TimelineLane.FAULTS), MouseButton.PRIMARY).moveTo(at(robot, 308, TimelineLane.FAULTS)).drop();
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        assertThat(timeline.getVisibleStart()).as("200 px to the left: 400 ms later").isCloseTo(2_400, within(10.0));
        assertThat(timeline.getVisibleEnd() - timeline.getVisibleStart()).isCloseTo(2_000, within(1e-6));
        assertThat(timeline.getPosition()).as("panning leaves the position").isEqualTo(3_000);

        robot.interact(() -> timeline.setPosition(9_000));
        assertThat(timeline.getVisibleStart()).as("the window turns the page to the position").isLessThan(9_000);
        assertThat(timeline.getVisibleEnd()).isGreaterThan(9_000);
    }

    @Test
    void nextAndPreviousMarkerFindTheChosenKinds(FxRobot robot) {
        robot.interact(() -> timeline.getMarkers().setAll(
                TimelineMarker.of(4_000, 3, "crash", "crash n0"),
                TimelineMarker.of(1_000, 1, "crash", "crash n1"),
                TimelineMarker.of(2_000, 2, "install", "n1 installs up to 900")));

        assertThat(timeline.nextMarker(1_000, Set.of("crash")).label()).isEqualTo("crash n0");
        assertThat(timeline.previousMarker(4_000, Set.of("crash", "install")).label()).isEqualTo("n1 installs up to 900");
        assertThat(timeline.nextMarker(4_000, null)).isNull();

        robot.interact(() -> timeline.getMarkers().add(TimelineMarker.of(6_000, 4, "crash", "crash n2")));
        assertThat(timeline.nextMarker(4_000, null).label()).as("sees markers added since").isEqualTo("crash n2");
    }

    @Test
    void itTellsAssistiveTechnologyWhereThePlayheadIs(FxRobot robot) {
        robot.interact(() -> {
            timeline.setPosition(2_500);
            timeline.setSelection(new TimeRange(1_000, 2_000));
        });

        assertThat(timeline.queryAccessibleAttribute(AccessibleAttribute.VALUE)).isEqualTo(2_500.0);
        assertThat(timeline.queryAccessibleAttribute(AccessibleAttribute.MAX_VALUE)).isEqualTo(END);
        assertThat((String) timeline.queryAccessibleAttribute(AccessibleAttribute.TEXT))
                .isEqualTo("Timeline: 2.500 s of 10.000 s, selected 1.000 s to 2.000 s");
    }

    @Test
    void theThemesSetTheColoursAndThePresenterSize(FxRobot robot) {
        double lightHeight = timeline.prefHeight(WIDTH);
        robot.interact(() -> {
            scene.getStylesheets().setAll(css("base"), css("dark"));
            timeline.applyCss();
        });
        assertThat(timeline.track()).isEqualTo(Color.web("#26262b"));
        assertThat(timeline.playhead()).isEqualTo(Color.web("#56B4E9"));

        robot.interact(() -> {
            scene.getStylesheets().setAll(css("base"), css("presenter"));
            timeline.applyCss();
            timeline.layout();
        });
        assertThat(timeline.fontSize()).isEqualTo(17);
        assertThat(timeline.playhead()).isEqualTo(Color.BLACK);
        assertThat(timeline.text()).isEqualTo(Color.BLACK);
        assertThat(timeline.prefHeight(WIDTH)).as("larger for a projector").isGreaterThan(lightHeight * 1.3);

        robot.interact(() -> {
            scene.getStylesheets().setAll(css("base"), css("light"));
            timeline.applyCss();
        });
        assertThat(timeline.selectionColor()).isEqualTo(Color.web("#CC79A7"));
        assertThat(timeline.fontSize()).isEqualTo(11);
    }

    /**
     * A notch of a desktop mouse wheel (40 pixels; positive: away from the user) at x. The headless
     * robot's wheel sends deltas of one pixel, and the other way round, so the test sends its own.
     */
    private void wheel(FxRobot robot, double x, double deltaY) {
        robot.interact(() -> {
            TimelineGeometry g = skin().geometry();
            Point2D scenePoint = skin().mouseLayer().localToScene(x, g.laneTop(TimelineLane.FAULTS) + 2);
            Point2D screen = skin().mouseLayer().localToScreen(x, g.laneTop(TimelineLane.FAULTS) + 2);
            javafx.event.Event.fireEvent(skin().mouseLayer(), new ScrollEvent(ScrollEvent.SCROLL,
                    scenePoint.getX(), scenePoint.getY(), screen.getX(), screen.getY(),
                    false, false, false, false, false, false, 0, deltaY, 0, deltaY,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES, deltaY / 40,
                    0, null));
        });
    }

    private static String css(String name) {
        return TimelineTest.class.getResource("/styles/" + name + ".css").toExternalForm();
    }

    private static void awaitTrue(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }
}
