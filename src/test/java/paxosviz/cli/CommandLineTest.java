package paxosviz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/** The command line as CONTRACTS.md binds it: exit codes, the JSON last line, messages for bad input. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = new CommandLine(new MainCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private String lastLine() {
        String[] lines = out.toString().strip().split("\n");
        return lines[lines.length - 1];
    }

    private static Path example(String name) throws URISyntaxException {
        return Path.of(CommandLineTest.class.getResource("/scenarios/" + name).toURI());
    }

    @Test
    void runWritesATraceThatCheckAccepts() throws Exception {
        Path trace = dir.resolve("run.jsonl");

        assertThat(execute("run", example("example-minority-partition.json").toString(), "--trace", trace.toString())).isZero();
        assertThat(lastLine()).startsWith("{\"ok\":true,\"violations\":[]").contains("\"linearizable\":true", "\"converged\":true");

        out.getBuffer().setLength(0);
        assertThat(execute("check", trace.toString())).isZero();
        assertThat(lastLine()).startsWith("{\"ok\":true");
    }

    @Test
    void theSameSeedTwiceGivesTheSameTraceByteForByte() throws Exception {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl.gz");
        Path third = dir.resolve("third.jsonl.gz");
        String scenario = example("example-leader-crash.json").toString();

        execute("run", scenario, "--trace", first.toString());
        execute("run", scenario, "--trace", second.toString(), "--seed", "3");
        execute("run", scenario, "--trace", third.toString(), "--seed", "3");

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(third));
        assertThat(Files.size(first)).isGreaterThan(100_000);
    }

    @Test
    void theThreadedRuntimeRunsTheSameScenario() throws Exception {
        assertThat(execute("run", example("example-leader-crash.json").toString(), "--runtime", "threads")).isZero();
        assertThat(lastLine()).startsWith("{\"ok\":true");
    }

    @Test
    void anExpectationThatFailsExitsOne() throws Exception {
        Path scenario = dir.resolve("greedy.json");
        Files.writeString(scenario, "{\"nodes\": 3, \"durationMs\": 500, \"steps\": [{\"at\": 0, \"do\": \"put\", \"client\": \"a\","
                + " \"key\": \"k\", \"value\": \"v\"}], \"expect\": {\"minAcknowledged\": 1000}}");

        assertThat(execute("run", scenario.toString())).isEqualTo(1);
        assertThat(lastLine()).startsWith("{\"ok\":false").contains("at least 1000 acknowledged");
    }

    @Test
    void aTraceWithTwoValuesChosenForOneSlotExitsOne() throws Exception {
        Path trace = dir.resolve("fork.jsonl");
        Files.write(trace, List.of(
                "{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":1,\"nodes\":3,\"runtime\":\"sim\",\"seed\":1,\"scenario\":{}}",
                "{\"seq\":1,\"t\":0.0,\"type\":\"invoke\",\"client\":\"a\",\"op\":{\"client\":\"a\",\"seq\":1,\"type\":\"put\",\"key\":\"k\",\"value\":\"1\"}}",
                "{\"seq\":2,\"t\":0.0,\"type\":\"invoke\",\"client\":\"b\",\"op\":{\"client\":\"b\",\"seq\":1,\"type\":\"put\",\"key\":\"k\",\"value\":\"2\"}}",
                "{\"seq\":3,\"t\":1.0,\"type\":\"chosen\",\"node\":0,\"slot\":0,\"cmd\":{\"client\":\"a\",\"seq\":1,\"type\":\"put\",\"key\":\"k\",\"value\":\"1\"}}",
                "{\"seq\":4,\"t\":1.0,\"type\":\"chosen\",\"node\":1,\"slot\":0,\"cmd\":{\"client\":\"b\",\"seq\":1,\"type\":\"put\",\"key\":\"k\",\"value\":\"2\"}}"));

        assertThat(execute("check", trace.toString())).isEqualTo(1);
        assertThat(lastLine()).startsWith("{\"ok\":false").contains("slot 0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON | {nodes: 3 | line 1",
        "wrong type | {\"nodes\": \"3\", \"durationMs\": 100} | nodes: expected an integer",
        "unknown step | {\"nodes\": 3, \"durationMs\": 100, \"steps\": [{\"at\": 1, \"do\": \"explode\"}]} | unknown step \"explode\"",
        "node out of range | {\"nodes\": 3, \"durationMs\": 100, \"steps\": [{\"at\": 1, \"do\": \"crash\", \"node\": 3}]} | node 3 is out of range 0..2",
        "negative time | {\"nodes\": 3, \"durationMs\": 100, \"steps\": [{\"at\": -1, \"do\": \"heal\"}]} | steps[0].at: must be >= 0",
        "missing nodes | {\"durationMs\": 100} | missing field \"nodes\"",
    })
    void badScenarioExitsTwoNamingTheFileAndTheField(String what, String json, String expected) throws IOException {
        Path scenario = dir.resolve("bad.json");
        Files.writeString(scenario, json);

        assertThat(execute("run", scenario.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(scenario.toString()).contains(expected);
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void absurdNestingIsRefusedQuickly() throws IOException {
        Path scenario = dir.resolve("deep.json");
        Files.writeString(scenario, "[".repeat(200_000));

        assertThat(execute("run", scenario.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("deep.json").contains("nest");
    }

    @Test
    void missingFilesExitTwo() {
        assertThat(execute("run", dir.resolve("nowhere.json").toString())).isEqualTo(2);
        assertThat(execute("check", dir.resolve("nowhere.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nowhere.json: no such file", "nowhere.jsonl: no such file");
    }

    @Test
    void aTruncatedTraceExitsTwoNamingTheLine() throws Exception {
        Path trace = dir.resolve("whole.jsonl");
        execute("run", example("example-leader-crash.json").toString(), "--trace", trace.toString());
        byte[] bytes = Files.readAllBytes(trace);
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(execute("check", cut.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cut.jsonl: line ").contains("cut off");
    }

    @Test
    void exportWritesEachFormatAndRefusesBadInput() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        execute("run", example("example-leader-crash.json").toString(), "--trace", trace.toString());
        for (String format : List.of("shiviz", "svg", "png", "history")) {
            Path out = dir.resolve("out." + format);
            assertThat(execute("export", trace.toString(), "--to", format, "--out", out.toString(), "--until", "2000")).isZero();
            assertThat(Files.size(out)).as(format).isGreaterThan(100);
        }
        assertThat(execute("export", dir.resolve("missing.jsonl").toString(), "--to", "svg", "--out", dir.resolve("x.svg").toString()))
                .isEqualTo(2);
        assertThat(execute("export", trace.toString(), "--to", "gif", "--out", dir.resolve("x.gif").toString())).isEqualTo(2);
        assertThat(execute("export", trace.toString(), "--to", "svg", "--out", dir.resolve("y.svg").toString(), "--from", "-5"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("missing.jsonl: no such file");
    }

    @Test
    void replayCheckFindsAFreshTraceIdentical() throws Exception {
        String scenario = example("example-minority-partition.json").toString();
        for (String name : List.of("fresh.jsonl", "fresh.jsonl.gz")) {
            Path trace = dir.resolve(name);
            assertThat(execute("run", scenario, "--trace", trace.toString(), "--seed", "9")).isZero();
            out.getBuffer().setLength(0);

            assertThat(execute("run", "--replay-check", trace.toString())).as(name).isZero();
            assertThat(out.toString()).contains(name + ": re-run in the simulator: identical");
            assertThat(lastLine()).matches("\\{\"identical\": true, \"events\": [1-9]\\d+\\}");
        }
    }

    @Test
    void replayCheckNamesTheFirstEventThatDiffers() throws Exception {
        Path trace = dir.resolve("recorded.jsonl");
        execute("run", example("example-leader-crash.json").toString(), "--trace", trace.toString());
        List<String> lines = Files.readAllLines(trace);
        lines.set(812, lines.get(812).replaceFirst("\"t\":[0-9.]+", "\"t\":0.5"));
        Path altered = dir.resolve("altered.jsonl");
        Files.write(altered, lines);
        out.getBuffer().setLength(0);

        assertThat(execute("run", "--replay-check", altered.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("differs at seq 812", "  recorded: " + lines.get(812));
        assertThat(lastLine()).startsWith("{\"identical\": false, \"seq\": 812, \"recorded\": " + lines.get(812) + ", \"rerun\": {");
    }

    @Test
    void replayCheckRefusesWhatItCannotRepeat() throws Exception {
        Path threads = dir.resolve("threads.jsonl");
        Files.write(threads, List.of("{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":1,\"nodes\":3,"
                + "\"runtime\":\"threads\",\"seed\":1,\"scenario\":{\"nodes\":3,\"durationMs\":100}}"));
        Path bare = dir.resolve("bare.jsonl");
        Files.write(bare, List.of("{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":1,\"nodes\":3,\"runtime\":\"sim\"}"));

        assertThat(execute("run", "--replay-check", threads.toString())).isEqualTo(2);
        assertThat(execute("run", "--replay-check", bare.toString())).isEqualTo(2);
        assertThat(execute("run", "--replay-check", dir.resolve("nowhere.jsonl").toString())).isEqualTo(2);
        assertThat(execute("run", example("example-leader-crash.json").toString(), "--replay-check", threads.toString()))
                .isEqualTo(2);
        assertThat(execute("run")).isEqualTo(2);
        assertThat(err.toString()).contains(threads + ": recorded by the \"threads\" runtime", bare + ": the header carries no seed",
                "nowhere.jsonl: no such file", "takes only the trace", "give a scenario").doesNotContain("Exception");
    }

    @Test
    void benchReportsThroughputAndLatencyAsItsLastLine() {
        assertThat(execute("bench", "--seconds", "0.5", "--warmup", "0.2", "--clients", "2")).isZero();
        assertThat(lastLine()).matches("\\{\"opsPerSec\": \\d+, \"p50Ms\": [0-9.]+, \"p99Ms\": [0-9.]+\\}");
    }
}
