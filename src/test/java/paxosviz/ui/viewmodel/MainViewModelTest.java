package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.check.CheckReport;
import paxosviz.core.Role;
import paxosviz.replay.ReplayModel;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.ui.session.ReplaySession;
import paxosviz.ui.session.Session;
import paxosviz.viewstate.ViewState;

class MainViewModelTest {

    @TempDir
    Path dir;

    private final MainViewModel model = new MainViewModel(null);

    @AfterEach
    void close() {
        model.close();
    }

    /** What the window shows of the session: its events folded, as of the last frame. */
    private ViewState shown() {
        return model.models().session().state();
    }

    private void framesFor(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            model.onFrame();
            Thread.sleep(16);
        }
    }

    @Test
    void startsALiveClusterThatElectsALeaderAndServesTheWorkload() throws Exception {
        model.speedProperty().set(1.0);
        model.startCluster(3);
        framesFor(2500);

        assertThat(model.models().cluster().size()).isEqualTo(3);
        assertThat(model.models().cluster().nodes()).anyMatch(node -> node.role() == Role.LEADER);
        CheckReport report = model.models().session().safety().current();
        assertThat(report).as("the checker reported").isNotNull();
        assertThat(report.acknowledged()).isGreaterThan(0);
        assertThat(shown().clients().acknowledged()).isGreaterThan(0);
        assertThat(model.clusterMillisProperty().get()).isGreaterThan(1000);
    }

    @Test
    void speedNetworkAndPauseReachTheRuntime() throws Exception {
        model.startCluster(3);
        model.speedProperty().set(0.5);
        model.dropProperty().set(0.1);
        model.maxDelayMsProperty().set(50);
        framesFor(300);

        // the runtime reports each change as an event (clock, network), folded into what the window shows
        assertThat(shown().speed()).isEqualTo(0.5);
        assertThat(shown().links().params().drop()).isEqualTo(0.1);
        assertThat(shown().links().params().maxDelayMs()).isEqualTo(50);
        assertThat(shown().paused()).isFalse();

        model.togglePause();
        framesFor(300);
        assertThat(model.pausedProperty().get()).isTrue();
        assertThat(shown().paused()).as("the runtime said its clock stopped").isTrue();
        double frozen = model.clusterMillisProperty().get();
        framesFor(200);
        assertThat(model.clusterMillisProperty().get()).as("the clock stands still").isEqualTo(frozen);

        model.togglePause();
        framesFor(300);
        assertThat(model.pausedProperty().get()).isFalse();
        assertThat(shown().paused()).isFalse();
    }

    @Test
    void aBrokenScenarioIsExplainedAndTheSessionGoesOn() throws Exception {
        model.startCluster(5);
        Session before = model.models().session();
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"nodes\": 3, \"durationMs\": 100, \"steps\": [{\"at\": 1, \"do\": \"crash\", \"node\": 9}]}");

        String problem = model.openScenario(broken);

        assertThat(problem).contains("broken.json", "node 9 is out of range");
        assertThat(model.models().session()).isSameAs(before);
        assertThat(model.open(broken)).as("open tells a scenario by its content").contains("node 9 is out of range");
        assertThat(model.models().session()).isSameAs(before);
    }

    @Test
    void aScenarioStartsItsOwnClusterWithItsNetworkAndNoBackgroundWorkload() throws Exception {
        model.startCluster(5);
        Path scenario = dir.resolve("three.json");
        Files.writeString(scenario, "{\"name\": \"three\", \"nodes\": 3, \"network\": {\"delayMs\": [2, 7], \"drop\": 0.05},"
                + " \"durationMs\": 1000, \"steps\": [{\"at\": 0, \"do\": \"put\", \"client\": \"c\", \"key\": \"k\", \"value\": \"v\"}]}");

        assertThat(model.openScenario(scenario)).isNull();

        assertThat(model.models().cluster().size()).isEqualTo(3);
        assertThat(model.scenarioNameProperty().get()).isEqualTo("three");
        assertThat(model.workloadProperty().get()).isFalse();
        assertThat(model.maxDelayMsProperty().get()).isEqualTo(7);
        assertThat(model.dropProperty().get()).isEqualTo(0.05);
    }

    @Test
    void aReplayPausesTheLiveSessionUntilBackToLive() throws Exception {
        model.startCluster(3);
        framesFor(300);
        SessionModels live = model.liveModels();
        List<TraceEvent> events = List.of(new TraceEvent(1, 0, new EventBody.Crash(1)), new TraceEvent(2, 5, new EventBody.Restart(1, -1, false)));
        ReplaySession replay = new ReplaySession(ReplayModel.of(new TraceHeader(TraceHeader.VERSION, 3, "sim", 7L, null), events), "two events", null);

        model.showReplay(replay);

        assertThat(model.replayingProperty().get()).isTrue();
        assertThat(model.replay()).isSameAs(replay);
        assertThat(model.models().isReplay()).isTrue();
        assertThat(model.liveModels()).isSameAs(live);
        assertThat(model.scenarioNameProperty().get()).isEqualTo("two events");
        assertThat(model.models().cluster().isLive()).isFalse();
        model.step();
        model.onFrame();
        assertThat(shown().nodes().isUp(1)).as("one event forward: n1 crashed").isFalse();
        model.step();
        model.onFrame();
        assertThat(shown().nodes().isUp(1)).isTrue();
        model.stepBack();
        model.onFrame();
        assertThat(shown().nodes().isUp(1)).as("one event back").isFalse();
        Thread.sleep(300);
        live.onFrame();
        assertThat(live.session().state().paused()).as("the live cluster paused for the replay").isTrue();

        model.backToLive();
        framesFor(300);

        assertThat(model.replayingProperty().get()).isFalse();
        assertThat(model.models()).isSameAs(live);
        assertThat(shown().paused()).as("and goes on after it").isFalse();
    }
}
