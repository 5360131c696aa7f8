package paxosviz.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.BadInputException;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.trace.json.TraceWriter;
import paxosviz.trace.model.ReadCancelledException;
import paxosviz.trace.model.ReadProgress;
import paxosviz.trace.model.TraceHeader;

/** A simulator trace re-run from its header: identical when untouched, else the first event that differs. */
class ReExecutionTest {

    @TempDir
    static Path dir;

    private static Path recorded;
    private static List<String> lines;

    @BeforeAll
    static void record() throws Exception {
        Scenario scenario = ScenarioReader.read("{\"name\": \"replay\", \"nodes\": 3, \"seed\": 5, \"durationMs\": 1500,"
                + " \"network\": {\"delayMs\": [1, 4], \"drop\": 0.02},"
                + " \"steps\": [{\"at\": 0, \"do\": \"load\", \"clients\": 2, \"keys\": [\"k\"], \"ratePerSec\": 100, \"until\": 1500},"
                + " {\"at\": 500, \"do\": \"crash\", \"node\": 1}, {\"at\": 900, \"do\": \"restart\", \"node\": 1}]}", "replay.json");
        recorded = dir.resolve("recorded.jsonl");
        try (TraceWriter writer = new TraceWriter(recorded, new TraceHeader(1, 3, "sim", 11L, scenario))) {
            EventStream events = new EventStream();
            events.subscribe(writer);
            new paxosviz.runtime.sim.SimulatedRun(scenario, 11, events).runToEnd();
        }
        lines = Files.readAllLines(recorded);
    }

    private static Path write(String name, List<String> content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void aFreshTraceIsIdentical() throws Exception {
        ReExecution.Result result = ReExecution.compare(recorded);

        assertThat(result.identical()).isTrue();
        assertThat(result.events()).isEqualTo(lines.size() - 1).isGreaterThan(1000);
        assertThat(result.toJson()).isEqualTo("{\"identical\": true, \"events\": " + (lines.size() - 1) + "}");
    }

    @Test
    void aGzippedTraceIsIdenticalToo() throws Exception {
        Path gz = dir.resolve("recorded.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(recorded));
        }

        assertThat(ReExecution.compare(gz).identical()).isTrue();
    }

    @Test
    void anAlteredEventIsTheDivergence() throws Exception {
        List<String> altered = new ArrayList<>(lines);
        String line = altered.get(300);
        altered.set(300, line.replaceFirst("\"t\":[0-9.]+", "\"t\":0.125"));

        ReExecution.Result result = ReExecution.compare(write("altered.jsonl", altered));

        assertThat(result.identical()).isFalse();
        assertThat(result.seq()).isEqualTo(300);
        assertThat(result.events()).isEqualTo(299);
        assertThat(result.recorded()).isEqualTo(altered.get(300));
        assertThat(result.rerun()).isEqualTo(line);
        assertThat(result.toJson()).isEqualTo("{\"identical\": false, \"seq\": 300, \"recorded\": " + altered.get(300)
                + ", \"rerun\": " + line + "}");
    }

    @Test
    void aChangedFieldDeepInsideCountsToo() throws Exception {
        int at = indexOf("\"kind\":\"accept\"");
        List<String> altered = new ArrayList<>(lines);
        altered.set(at, lines.get(at).replaceFirst("\"key\":\"k\"", "\"key\":\"K\""));

        ReExecution.Result result = ReExecution.compare(write("deep.jsonl", altered));

        assertThat(result.seq()).isEqualTo(at);
    }

    @Test
    void aRemovedEventIsTheDivergence() throws Exception {
        List<String> shorter = new ArrayList<>(lines);
        shorter.remove(700);

        ReExecution.Result result = ReExecution.compare(write("removed.jsonl", shorter));

        assertThat(result.seq()).isEqualTo(700);
        assertThat(result.recorded()).isEqualTo(lines.get(701));
        assertThat(result.rerun()).isEqualTo(lines.get(700));
    }

    @Test
    void theLiveWindowsClockEventsAreItsPaceNotPartOfTheRun() throws Exception {
        List<String> paced = new ArrayList<>(lines);
        paced.add(300, "{\"seq\":" + (Long.MAX_VALUE / 4) + ",\"t\":0.0,\"type\":\"clock\",\"speed\":0.1,\"paused\":true}");
        List<String> renumbered = new ArrayList<>();
        for (int i = 0; i < paced.size(); i++) {
            renumbered.add(i == 0 ? paced.get(0) : paced.get(i).replaceFirst("\"seq\":\\d+", "\"seq\":" + i));
        }

        ReExecution.Result result = ReExecution.compare(write("paced.jsonl", renumbered));

        assertThat(result.identical()).as(result.toJson()).isTrue();
    }

    @Test
    void anExtraEventAtTheEndIsTheDivergence() throws Exception {
        List<String> longer = new ArrayList<>(lines);
        String extra = "{\"seq\":" + lines.size() + ",\"t\":99999.0,\"type\":\"heal\"}";
        longer.add(extra);

        ReExecution.Result result = ReExecution.compare(write("extra.jsonl", longer));

        assertThat(result.seq()).isEqualTo(lines.size());
        assertThat(result.recorded()).isEqualTo(extra);
        assertThat(result.rerun()).isNull();
        assertThat(result.toJson()).endsWith("\"rerun\": null}");
    }

    @Test
    void aTraceThatEndsEarlyIsTheDivergence() throws Exception {
        ReExecution.Result result = ReExecution.compare(write("short.jsonl", lines.subList(0, 501)));

        assertThat(result.seq()).isEqualTo(501);
        assertThat(result.recorded()).isNull();
        assertThat(result.rerun()).isEqualTo(lines.get(501));
    }

    @Test
    void onlyASimulatorTraceWithItsScenarioAndSeedCanBeRepeated() throws Exception {
        String header = lines.get(0);
        Path threads = write("threads.jsonl", List.of(header.replace("\"runtime\":\"sim\"", "\"runtime\":\"threads\"")));
        assertThatThrownBy(() -> ReExecution.compare(threads)).isInstanceOf(BadInputException.class)
                .hasMessage(threads + ": recorded by the \"threads\" runtime; only a trace of the deterministic simulator"
                        + " (\"runtime\":\"sim\") can be re-executed");
        Path noSeed = write("no-seed.jsonl", List.of(header.replace("\"seed\":11,", "")));
        assertThatThrownBy(() -> ReExecution.compare(noSeed))
                .hasMessage(noSeed + ": the header carries no seed, so the run cannot be repeated");
        Path noScenario = write("no-scenario.jsonl",
                List.of("{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":1,\"nodes\":3,\"runtime\":\"sim\",\"seed\":1,\"scenario\":{}}"));
        assertThatThrownBy(() -> ReExecution.compare(noScenario))
                .hasMessage(noScenario + ": the header carries no scenario this program can read, so the run cannot be repeated");
        Path missing = dir.resolve("missing.jsonl");
        assertThatThrownBy(() -> ReExecution.compare(missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void aBrokenRecordedTraceIsBadInput() throws Exception {
        List<String> broken = new ArrayList<>(lines);
        broken.set(40, "{\"seq\": 40, oops");

        assertThatThrownBy(() -> ReExecution.compare(write("broken.jsonl", broken))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("broken.jsonl: line 41, column ");
    }

    @Test
    void canBeCancelled() throws Exception {
        // A trace long enough to be read in several steps: the same run, twice as many lines of padding.
        List<String> padded = new ArrayList<>(lines);
        for (int i = 0; i < 20_000; i++) {
            padded.add(" ".repeat(40));
        }
        Path file = write("padded.jsonl", padded);
        AtomicLong asked = new AtomicLong();
        ReadProgress cancelSoon = new ReadProgress() {
            @Override
            public void bytesRead(long done, long total) {
            }

            @Override
            public boolean cancelRequested() {
                return asked.incrementAndGet() > 2;
            }
        };

        assertThatThrownBy(() -> ReExecution.compare(file, cancelSoon)).isInstanceOf(ReadCancelledException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("re-execution") && t.isAlive());
    }

    private static int indexOf(String text) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
