package paxosviz.scenario.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import paxosviz.BadInputException;
import paxosviz.core.OpType;
import paxosviz.scenario.Expectations;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;
import paxosviz.scenario.TimingSpec;

class ScenarioReaderTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ScenarioReaderTest.class.getResource("/scenarios/" + name).toURI());
    }

    @Test
    void readsTheContractExample() throws Exception {
        Scenario scenario = ScenarioReader.read(resource("contract-example.json"));

        assertThat(scenario.name()).isEqualTo("stock-split-brain");
        assertThat(scenario.nodes()).isEqualTo(5);
        assertThat(scenario.seed()).isEqualTo(7);
        assertThat(scenario.protocol()).isEqualTo(Protocol.MULTIPAXOS);
        assertThat(scenario.network()).isEqualTo(new NetworkSpec(1, 5, 0, 0));
        assertThat(scenario.timing()).isEqualTo(TimingSpec.DEFAULT);
        assertThat(scenario.durationMs()).isEqualTo(6000);
        assertThat(scenario.expect()).isEqualTo(new Expectations(true, true, true, null));
        assertThat(scenario.amnesia()).isFalse();
        assertThat(scenario.steps()).containsExactly(
                new Step.ClientOp(0, OpType.PUT, "setup", "stock", "1", null),
                new Step.Partition(500, List.of(new Step.Group(List.of(0, 2), List.of("alice")),
                        new Step.Group(List.of(1, 3, 4), List.of("bob")))),
                new Step.ClientOp(800, OpType.CAS, "alice", "stock", "0", "1"),
                new Step.ClientOp(800, OpType.CAS, "bob", "stock", "0", "1"),
                new Step.Crash(2000, 3),
                new Step.Restart(2500, 3),
                new Step.Heal(3000),
                new Step.Cut(3500, 0, 2, true),
                new Step.Load(0, 3, List.of("x", "y"), 50, 4000));
    }

    @Test
    void readsTheSharedExamples() throws Exception {
        Scenario crash = ScenarioReader.read(resource("example-leader-crash.json"));
        Scenario partition = ScenarioReader.read(resource("example-minority-partition.json"));

        assertThat(crash.seed()).isEqualTo(3);
        assertThat(crash.expect().minAcknowledged()).isEqualTo(50);
        assertThat(crash.steps()).containsExactly(
                new Step.Load(0, 3, List.of("x", "y"), 50, 4000), new Step.Crash(1000, 0), new Step.Restart(2500, 0));
        assertThat(partition.steps()).contains(
                new Step.Partition(1000, List.of(new Step.Group(List.of(0, 1, 2), List.of()),
                        new Step.Group(List.of(3, 4), List.of("c9")))),
                new Step.ClientOp(1100, OpType.APPEND, "c9", "a", "!", null));
    }

    @Test
    void fillsInDefaults() throws Exception {
        Scenario scenario = ScenarioReader.read("{\"nodes\": 3, \"durationMs\": 100}", "min.json");

        assertThat(scenario).isEqualTo(new Scenario(null, null, 3, 1, Protocol.MULTIPAXOS, NetworkSpec.DEFAULT,
                TimingSpec.DEFAULT, 100, List.of(), Expectations.NONE, false));
    }

    @Test
    void acceptsTimingInsideTheNetworkOrAtTheTop() throws Exception {
        TimingSpec expected = new TimingSpec(20, 100, 200);
        String inside = "{\"nodes\": 3, \"durationMs\": 100, \"network\": {\"timing\": "
                + "{\"heartbeatMs\": 20, \"electionTimeoutMs\": [100, 200]}}}";
        String top = "{\"nodes\": 3, \"durationMs\": 100, \"timing\": {\"heartbeatMs\": 20, \"electionTimeoutMs\": [100, 200]}}";

        assertThat(ScenarioReader.read(inside, "in.json").timing()).isEqualTo(expected);
        assertThat(ScenarioReader.read(top, "top.json").timing()).isEqualTo(expected);
    }

    @Test
    void readsEveryKindOfStep() throws Exception {
        String text = """
                {"nodes": 3, "durationMs": 100, "protocol": "primary-backup", "unsafe": {"amnesia": true},
                 "extra": "ignored",
                 "steps": [
                  {"at": 1, "do": "get", "client": "c", "key": "k", "note": "ignored"},
                  {"at": 2, "do": "cas", "client": "c", "key": "k", "expect": null, "value": "v"},
                  {"at": 3, "do": "restore", "from": 1, "to": 2},
                  {"at": 4, "do": "isolate", "node": 2},
                  {"at": 5.5, "do": "network", "delayMs": [0, 10.5], "drop": 0.25},
                  {"at": 6, "do": "network"}
                 ]}
                """;

        Scenario scenario = ScenarioReader.read(text, "all.json");

        assertThat(scenario.protocol()).isEqualTo(Protocol.PRIMARY_BACKUP);
        assertThat(scenario.amnesia()).isTrue();
        assertThat(scenario.steps()).containsExactly(
                new Step.ClientOp(1, OpType.GET, "c", "k", null, null),
                new Step.ClientOp(2, OpType.CAS, "c", "k", "v", null),
                new Step.Restore(3, 1, 2, false),
                new Step.Isolate(4, 2),
                new Step.NetworkChange(5.5, 0.0, 10.5, 0.25, null),
                new Step.NetworkChange(6, null, null, null, null));
    }

    @Test
    void readsAnEmbeddedTree() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("{\"nodes\": 2, \"durationMs\": 5}");

        assertThat(ScenarioReader.read(tree, "header").nodes()).isEqualTo(2);
        assertThatThrownBy(() -> ScenarioReader.read(tree.get("nodes"), "header"))
                .hasMessage("header: expected a JSON object holding the scenario, got 2");
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> ScenarioReader.read(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void refusesADirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioReader.read(dir)).hasMessage(dir + ": is a directory, not a scenario file");
    }

    @Test
    void failsFastOnDeepNesting() {
        String deep = "[".repeat(100_000);

        BadInputException error = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(BadInputException.class,
                        () -> ScenarioReader.read(deep, "deep.json")));

        assertThat(error).hasMessageStartingWith("deep.json: line 1, column 65: too large or too deeply nested: ")
                .hasMessageContaining("nesting depth (65) exceeds the maximum allowed (64)");
    }

    @Test
    void refusesMoreValuesThanAScenarioNeeds() {
        String many = "{\"nodes\": 1, \"durationMs\": 1, \"x\": [" + "0,".repeat(500_000) + "0]}";

        assertThatThrownBy(() -> ScenarioReader.read(many, "many.json"))
                .hasMessageStartingWith("many.json: line 1, column ")
                .hasMessageEndingWith(": too large or too deeply nested: Token count (500001) exceeds the maximum allowed (500000)");
    }

    @Test
    void failsFastOnAHugeFile(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.json");
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        try (OutputStream out = Files.newOutputStream(huge)) {
            for (int i = 0; i < 50; i++) {
                out.write(spaces);
            }
        }

        BadInputException error = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(BadInputException.class, () -> ScenarioReader.read(huge)));

        assertThat(error).hasMessage(huge + ": too large for a scenario: more than 10 MiB");
    }
}
