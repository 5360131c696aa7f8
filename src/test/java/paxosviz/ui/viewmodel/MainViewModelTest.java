package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.core.Role;
import paxosviz.runtime.threads.ThreadedCluster;

class MainViewModelTest {

    @TempDir
    Path dir;

    private final MainViewModel model = new MainViewModel(null);

    @AfterEach
    void close() {
        model.close();
    }

    private ThreadedCluster runtime() {
        return model.models().session().cluster();
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
        assertThat(model.models().session().report().acknowledged()).isGreaterThan(0);
        assertThat(model.clusterMillisProperty().get()).isGreaterThan(1000);
    }

    @Test
    void speedNetworkAndPauseReachTheRuntime() throws Exception {
        model.startCluster(3);
        model.speedProperty().set(0.5);
        model.dropProperty().set(0.1);
        model.maxDelayMsProperty().set(50);
        framesFor(300);

        assertThat(runtime().speed()).isEqualTo(0.5);
        assertThat(runtime().network().drop()).isEqualTo(0.1);
        assertThat(runtime().network().maxDelayMs()).isEqualTo(50);

        model.togglePause();
        framesFor(300);
        assertThat(model.pausedProperty().get()).isTrue();
        assertThat(runtime().paused()).isTrue();
    }

    @Test
    void aBrokenScenarioIsExplainedAndTheSessionGoesOn() throws Exception {
        model.startCluster(5);
        LiveSession before = model.models().session();
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"nodes\": 3, \"durationMs\": 100, \"steps\": [{\"at\": 1, \"do\": \"crash\", \"node\": 9}]}");

        String problem = model.openScenario(broken);

        assertThat(problem).contains("broken.json", "node 9 is out of range");
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
}
