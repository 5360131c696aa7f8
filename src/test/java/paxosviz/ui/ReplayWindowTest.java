package paxosviz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import paxosviz.check.Checker;
import paxosviz.export.SpaceTimeDiagram;
import paxosviz.export.TimeWindow;
import paxosviz.replay.ReplayModel;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.sim.SimulatedRun;
import paxosviz.scenario.Scenario;
import paxosviz.trace.json.TraceReader;
import paxosviz.trace.json.TraceWriter;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.ui.control.SpaceTimeChart;
import paxosviz.ui.control.Timeline;
import paxosviz.ui.session.LiveSession;
import paxosviz.ui.session.ReplaySession;
import paxosviz.ui.session.ReplaySource;
import paxosviz.ui.session.Session;
import paxosviz.ui.viewmodel.Demos;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.MessageRef;
import paxosviz.ui.viewmodel.SpaceTimeViewModel;

/**
 * Replay as a person uses it, headless: a trace opens over the live session, the timeline
 * drags every view through time, a step goes back, the badge lands on the violation, a bad
 * file gets a dialog while the live session goes on, a window of the trace exports and checks,
 * and a live run forks from the middle.
 */
class ReplayWindowTest extends WindowTest {

    @Start
    void start(Stage shown) {
        open(shown);
    }

    @Stop
    void stop() {
        close();
    }

    @TempDir
    static Path dir;
    private static Path safeTrace;
    private static Path forkingTrace;

    /** Two demos recorded from the simulator as `run` records them: one safe, one that forks. */
    @BeforeAll
    static void record() throws Exception {
        safeTrace = record("06-stock-multipaxos.json", dir.resolve("multipaxos.jsonl"));
        forkingTrace = record("04-stock-primary-backup-auto.json", dir.resolve("forks.jsonl.gz"));
    }

    private static Path record(String demo, Path file) throws Exception {
        Scenario scenario = Demos.all().stream().filter(d -> d.file().equals(demo)).findFirst().orElseThrow().scenario();
        EventStream events = new EventStream();
        try (TraceWriter writer = new TraceWriter(file, new TraceHeader(TraceHeader.VERSION, scenario.nodes(), "sim",
                scenario.seed(), scenario))) {
            events.subscribe(writer);
            new SimulatedRun(scenario, scenario.seed(), events).runToEnd();
        }
        return file;
    }

    private ReplaySession open(Path trace) throws Exception {
        onFx(() -> model().open(trace));
        waitUntil("the replay of " + trace.getFileName(), 20, () -> model().replay() != null);
        return model().replay();
    }

    private Timeline timeline() {
        return (Timeline) stage.getScene().lookup("#timeline");
    }

    @Test
    void aTraceOpensOverTheLiveSessionWhichComesBackAfterwards(FxRobot robot) throws Exception {
        waitUntil("the live cluster's first events", 10, () -> model().models().session().state().events() > 0);
        Session live = model().models().session();

        ReplaySession replay = open(safeTrace);

        assertThat(model().replayingProperty().get()).isTrue();
        assertThat(replay.position()).isZero();
        assertThat(timeline().isVisible()).isTrue();
        assertThat(((Labeled) stage.getScene().lookup("#modeBadge")).getText()).isEqualTo("REPLAY");
        assertThat(timeline().getMarkers()).isNotEmpty();

        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(replay.position()).isEqualTo(2);

        onFx(() -> model().backToLive());
        assertThat(model().models().session()).isSameAs(live);
        assertThat(model().replay()).isNull();
        long before = live.state().events();
        waitUntil("the live session going on", 10, () -> live.state().events() > before);
    }

    @Test
    void draggingTheTimelineMovesEveryViewAsItGoes(FxRobot robot) throws Exception {
        ReplaySession replay = open(safeTrace);
        List<Integer> positions = new ArrayList<>();
        onFx(() -> model().frameProperty().addListener((obs, old, frame) -> positions.add(replay.position())));
        Bounds track = timeline().localToScreen(timeline().getLayoutBounds());
        double y = track.getMinY() + track.getHeight() * 0.6;

        robot.moveTo(new Point2D(track.getMinX() + 20, y)).press(javafx.scene.input.MouseButton.PRIMARY);
        for (double x = track.getMinX() + 20; x < track.getMaxX() - 20; x += 12) {
            robot.moveTo(new Point2D(x, y));
        }
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        long[] distinct = new long[1];
        onFx(() -> distinct[0] = positions.stream().distinct().count());
        assertThat(distinct[0]).as("positions the views showed while dragging").isGreaterThan(10);
        assertThat(replay.position()).isGreaterThan(replay.size() * 9 / 10);
        assertThat(model().models().log().head()).isGreaterThanOrEqualTo(0);
        assertThat(model().clusterMillisProperty().get()).isGreaterThan(replay.trace().startMillis());
    }

    @Test
    void theSpaceTimeDiagramEndsAtThePlayheadAndPicksWhatIsOnItsWayThere(FxRobot robot) throws Exception {
        ReplaySession replay = open(safeTrace);
        onFx(() -> replay.seek(replay.size() / 2));
        SpaceTimeChart chart = showSpaceTime();
        SpaceTimeViewModel spaceTime = model().models().spaceTime();
        for (int step = 0; step < 200 && newestFlyingArrow(chart) == null; step++) {
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(spaceTime.now()).isEqualTo(replay.nowMillis());
        SpaceTimeDiagram.Arrow flying = newestFlyingArrow(chart);
        assertThat(flying).as("a message on its way at the playhead").isNotNull();

        clickOn(robot, chart, flying);

        MessageRef selected = model().models().cluster().selectedMessageProperty().get();
        assertThat(selected).isNotNull();
        assertThat(selected.id()).isEqualTo(flying.id());
        assertThat(spaceTime.isHighlighted(flying)).isTrue();

        onFx(() -> replay.seek(replay.size()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spaceTime.now()).isEqualTo(replay.nowMillis());
        assertThat(spaceTime.from()).isGreaterThan(replay.trace().startMillis());
        assertThat(chart.arrowsDrawn()).isPositive();
    }

    @Test
    void aStepBackShowsExactlyTheStateBeforeTheLastEvent(FxRobot robot) throws Exception {
        ReplaySession replay = open(safeTrace);
        int middle = replay.size() / 2;
        onFx(() -> replay.seek(middle));

        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(replay.position()).isEqualTo(middle - 1);
        assertThat(replay.state()).isEqualTo(replay.model().stateAt(middle - 1));
    }

    @Test
    void aForkedRunOpensFineAndTheBadgeLandsOnTheViolation(FxRobot robot) throws Exception {
        ReplaySession replay = open(forkingTrace);
        waitUntil("the checker's verdict on the whole trace", 20, () -> replay.verdict() != null);
        assertThat(replay.verdict().found()).isNotEmpty();
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#safetyLabel");
        WaitForAsyncUtils.waitForFxEvents();

        int at = replay.verdict().found().get(0).position();
        assertThat(replay.position()).isEqualTo(at);
        assertThat(model().models().safety().safeProperty().get()).isFalse();
        assertThat(model().models().safety().textProperty().get()).contains("✖");
        assertThat(model().models().events().selectedSeqProperty().get())
                .isEqualTo(replay.verdict().found().get(0).violation().seq());
    }

    @Test
    void aBrokenTraceGetsADialogNamingFileAndLineAndTheLiveSessionGoesOn(FxRobot robot) throws Exception {
        waitUntil("the live cluster's first events", 10, () -> model().models().session().state().events() > 0);
        Session live = model().models().session();
        List<String> lines = Files.readAllLines(safeTrace);
        Path broken = dir.resolve("broken.jsonl");
        Files.write(broken, List.of(lines.get(0), lines.get(1), lines.get(2).substring(0, lines.get(2).length() / 2), lines.get(3)));

        onFx(() -> model().open(broken));
        waitUntil("a dialog", 10, () -> dialog() != null);

        assertThat(dialog().getContentText()).contains("broken.jsonl", "line 3");
        assertThat(model().replay()).isNull();
        assertThat(model().models().session()).isSameAs(live);
        long before = live.state().events();
        waitUntil("the live session going on", 10, () -> live.state().events() > before);
        onFx(() -> ((Stage) dialog().getScene().getWindow()).close());
    }

    private DialogPane dialog() {
        for (Window window : Window.getWindows()) {
            if (window != stage && window.getScene() != null && window.getScene().getRoot() instanceof DialogPane pane) {
                return pane;
            }
        }
        return null;
    }

    @Test
    void theSelectedWindowExportsAsATraceThatOpensAndChecks(FxRobot robot) throws Exception {
        ReplaySession replay = open(safeTrace);
        double from = replay.trace().startMillis() + 1000;
        double until = replay.trace().startMillis() + 3000;
        onFx(() -> timeline().setSelection(new paxosviz.ui.control.TimeRange(from, until)));
        assertThat(model().exports().selectionProperty().get()).isEqualTo(new TimeWindow(from, until));
        Path out = dir.resolve("window.jsonl.gz");

        String[] told = new String[1];
        onFx(() -> model().exports().exportTrace(out, true).thenAccept(text -> told[0] = text));
        waitUntil("the export", 20, () -> told[0] != null);

        Checker checker = new Checker(5);
        TraceHeader header = TraceReader.read(out, checker);
        assertThat(checker.report().ok()).isTrue();
        assertThat(header.window()).isEqualTo(new TraceHeader.Window(from, until));
        ReplayModel window = ReplayModel.open(out, ReplayModel.Progress.NONE);
        assertThat(window.size()).isLessThan(replay.size());
        assertThat(window.trace().endMillis()).isLessThanOrEqualTo(until);
        // at the window's start the picture is the whole trace's: nodes, links, logs and messages on their way
        int startOfWindow = replay.trace().positionAt(from - 1e-9);
        assertThat(window.seekTime(from - 1e-9).flight().all()).isEqualTo(replay.model().stateAt(startOfWindow).flight().all());
        assertThat(window.state().nodes()).isEqualTo(replay.model().stateAt(startOfWindow).nodes());
        assertThat(window.state().log()).isEqualTo(replay.model().stateAt(startOfWindow).log());
    }

    @Test
    void theReplayExportsAsASpaceTimeDiagramAndAClientHistory(FxRobot robot) throws Exception {
        open(safeTrace);
        Path svg = dir.resolve("diagram.svg");
        Path history = dir.resolve("history.jsonl");
        List<String> told = new ArrayList<>();

        onFx(() -> {
            model().exports().exportAs(paxosviz.export.Exporter.Format.SVG, svg, false).thenAccept(told::add);
            model().exports().exportAs(paxosviz.export.Exporter.Format.HISTORY, history, false).thenAccept(told::add);
        });
        waitUntil("both exports", 20, () -> told.size() == 2);

        assertThat(Files.readString(svg)).startsWith("<svg").contains("n0", "n4");
        assertThat(Files.readAllLines(history)).isNotEmpty().allMatch(line -> line.contains("\"invoke\""));
    }

    @Test
    void reExecutingASimulatorTraceFindsItIdenticalAndAnEditedOneDiverges(FxRobot robot) throws Exception {
        open(safeTrace);
        String[] told = new String[1];
        onFx(() -> model().reexecute().thenAccept(text -> told[0] = text));
        waitUntil("the re-execution", 60, () -> told[0] != null);
        assertThat(told[0]).startsWith("Identical");

        List<String> lines = new ArrayList<>(Files.readAllLines(safeTrace));
        lines.remove(lines.size() / 2);
        Path edited = dir.resolve("edited.jsonl");
        Files.write(edited, lines);
        onFx(() -> model().backToLive());
        open(edited);
        String[] second = new String[1];
        onFx(() -> model().reexecute().thenAccept(text -> second[0] = text));
        waitUntil("the second re-execution", 60, () -> second[0] != null);
        assertThat(second[0]).startsWith("Diverged at event #");
    }

    /** The whole way, without the command line: run, export, open, scrub, fork from the middle. */
    @Test
    void aDemoOnTheSimulatorIsExportedOpenedScrubbedAndForkedFromTheMiddle(FxRobot robot) throws Exception {
        Demos.Demo demo = Demos.all().stream().filter(d -> d.file().startsWith("06-")).findFirst().orElseThrow();
        onFx(() -> {
            model().onSimulatorProperty().set(true);
            model().stopAtCaptionsProperty().set(false);
            model().openDemo(demo);
            model().speedProperty().set(2.0);
        });
        waitUntil("the demo's end", 30, () -> model().models().session().state().ended());
        waitUntil("the pause at the end", 5, () -> model().pausedProperty().get());
        Path out = dir.resolve("demo.jsonl.gz");
        String[] told = new String[1];
        onFx(() -> model().exports().exportTrace(out, false).thenAccept(text -> told[0] = text));
        waitUntil("the export", 20, () -> told[0] != null);

        ReplaySession replay = open(out);
        onFx(() -> replay.seek(replay.size() / 2));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(replay.canFork()).as(String.valueOf(replay.whyNoFork())).isTrue();
        String[] rerun = new String[1];
        onFx(() -> model().reexecute().thenAccept(text -> rerun[0] = text));
        waitUntil("the re-execution", 60, () -> rerun[0] != null);
        assertThat(rerun[0]).startsWith("Identical");
        List<String> recorded = runEvents(replay.trace().events(0, replay.position()));

        robot.type(KeyCode.F);
        waitUntil("the fork", 10, () -> model().replay() == null);
        LiveSession forked = (LiveSession) model().models().session();
        waitUntil("the fork's prefix", 20, () -> forked.state().events() >= recorded.size());
        List<String> forkedRun = runEvents(forked.traceSoFar().events());
        assertThat(forkedRun.subList(0, recorded.size())).containsExactlyElementsOf(recorded);
    }

    /** The events of the run, without the live window's pace ({@code clock}), each as time and body. */
    private static List<String> runEvents(List<TraceEvent> events) {
        return events.stream().filter(event -> !(event.body() instanceof paxosviz.trace.model.EventBody.Clock))
                .map(event -> event.t() + " " + event.body()).toList();
    }

    @Test
    void anActionByHandIsInTheTraceAndAForkCanStartOnlyBeforeIt(FxRobot robot) throws Exception {
        Demos.Demo demo = Demos.all().stream().filter(d -> d.file().startsWith("06-")).findFirst().orElseThrow();
        onFx(() -> {
            model().onSimulatorProperty().set(true);
            model().stopAtCaptionsProperty().set(false);
            model().openDemo(demo);
            model().speedProperty().set(1.0);
        });
        waitUntil("a leader", 20, () -> model().models().session().state().nodes().currentLeader() >= 0);
        onFx(() -> model().models().cluster().toggleCrash(3));
        waitUntil("the crash", 10, () -> !model().models().session().state().nodes().isUp(3));
        onFx(() -> model().replayLiveSession());
        waitUntil("the replay of the session so far", 20, () -> model().replay() != null);
        ReplaySession replay = model().replay();

        paxosviz.replay.Marker byHand = replay.firstByHand();
        assertThat(byHand).isNotNull();
        assertThat(byHand.label()).contains("crash n3");
        onFx(() -> replay.seek(byHand.index()));
        assertThat(replay.canFork()).isTrue();
        onFx(() -> replay.seek(byHand.index() + 2));
        assertThat(replay.whyNoFork()).contains("by hand", "crash n3");
    }

    @Test
    void aLiveRunForksFromTheMiddleAfterReRunningTheTraceExactlyUpToThere(FxRobot robot) throws Exception {
        ReplaySession replay = open(safeTrace);
        int middle = replay.size() / 2;
        onFx(() -> replay.seek(middle));
        List<TraceEvent> recorded = replay.trace().events(0, middle);

        robot.type(KeyCode.F);
        waitUntil("a live session again", 10, () -> model().replay() == null);
        LiveSession forked = (LiveSession) model().models().session();
        assertThat(forked.info().title()).contains("fork");
        assertThat(model().pausedProperty().get()).isTrue();
        waitUntil("the fork's prefix", 20, () -> forked.state().lastSeq() >= recorded.get(middle - 1).seq());

        ReplaySource soFar = forked.traceSoFar();
        assertThat(soFar.events().subList(0, middle)).containsExactlyElementsOf(recorded);

        onFx(() -> model().togglePause());
        long before = forked.state().events();
        waitUntil("the fork running on live", 10, () -> forked.state().events() > before);
    }
}
