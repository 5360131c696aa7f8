package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.BadInputException;
import paxosviz.trace.json.FileSniffer.Kind;

/** Traces and scenarios told apart by what they hold, whatever they are called. */
class FileSnifferTest {

    private static final String SCENARIO = "{\n  \"name\": \"s\",\n  \"nodes\": 3,\n  \"durationMs\": 100,\n  \"steps\": []\n}\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aTraceNamedJsonIsATrace() throws Exception {
        assertThat(FileSniffer.detect(file("run.json", TraceReaderTest.HEADER + "\n{\"seq\":1,\"t\":0,\"type\":\"heal\"}\n")))
                .isEqualTo(Kind.TRACE);
    }

    @Test
    void aScenarioNamedJsonlIsAScenario() throws Exception {
        assertThat(FileSniffer.detect(file("odd.jsonl", SCENARIO))).isEqualTo(Kind.SCENARIO);
        assertThat(FileSniffer.detect(file("one-line.jsonl", "{\"nodes\":3,\"durationMs\":10}"))).isEqualTo(Kind.SCENARIO);
    }

    @Test
    void anyGzipIsATrace() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write((TraceReaderTest.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("trace.json");
        Files.write(file, bytes.toByteArray());

        assertThat(FileSniffer.detect(file)).isEqualTo(Kind.TRACE);
    }

    @Test
    void aForeignHeaderWithItsTypeLastIsATrace() throws Exception {
        String header = "{\"format\":\"paxos-trace\",\"scenario\":{\"nodes\":3,\"steps\":[]},\"nodes\":3,\"type\":\"header\"}\n";
        assertThat(FileSniffer.detect(file("foreign.txt", header))).isEqualTo(Kind.TRACE);
        String late = "{\"scenario\":{\"nodes\":3,\"steps\":[{\"at\":1,\"do\":\"heal\"}]},\"nodes\":3,\"type\":\"header\"}\n";
        assertThat(FileSniffer.detect(file("late.txt", late))).isEqualTo(Kind.TRACE);
    }

    @Test
    void eventsWithoutAHeaderAreATraceForTheReaderToRefuse() throws Exception {
        Path file = file("headless.json", "{\"seq\":1,\"t\":0,\"type\":\"heal\"}\n");

        assertThat(FileSniffer.detect(file)).isEqualTo(Kind.TRACE);
        assertThatThrownBy(() -> TraceReader.read(file, e -> { })).hasMessageContaining("the first line must be the header");
    }

    @Test
    void aBrokenScenarioIsLeftToTheScenarioReader() throws Exception {
        assertThat(FileSniffer.detect(file("broken.json", "{\"nodes\": 3, \"steps\": [{\"at\": }"))).isEqualTo(Kind.SCENARIO);
        assertThat(FileSniffer.detect(file("cut.json", "{\"name\": \"x\", \"nodes\": 3, \"ste"))).isEqualTo(Kind.SCENARIO);
    }

    @Test
    void refusesWhatIsNeither() throws Exception {
        assertThatThrownBy(() -> FileSniffer.detect(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir + ": is a directory, not a scenario or a trace");
        Path missing = dir.resolve("gone.json");
        assertThatThrownBy(() -> FileSniffer.detect(missing)).hasMessage(missing + ": no such file");
        Path empty = file("empty.jsonl", "");
        assertThatThrownBy(() -> FileSniffer.detect(empty)).hasMessage(empty + ": empty: neither a scenario nor a trace");
        Path blank = file("blank.json", " \n\t\r\n");
        assertThatThrownBy(() -> FileSniffer.detect(blank)).hasMessage(blank + ": empty: neither a scenario nor a trace");
        Path text = file("notes.json", "hello world\n");
        assertThatThrownBy(() -> FileSniffer.detect(text)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(text + ": line 1, column ").hasMessageContaining("not valid JSON")
                .hasMessageEndingWith("neither a scenario nor a trace").hasMessageNotContaining("enable");
        Path array = file("list.json", "[1, 2]");
        assertThatThrownBy(() -> FileSniffer.detect(array))
                .hasMessage(array + ": line 1, column 1: neither a scenario nor a trace: expected a JSON object, got an array");
        Path cut = file("cut.jsonl", "{\"a\": [1, 2");
        assertThatThrownBy(() -> FileSniffer.detect(cut)).hasMessageContaining("the JSON ends too early");
        Path deep = file("deep.json", "{\"a\":" + "[".repeat(100_000));
        assertThatThrownBy(() -> FileSniffer.detect(deep)).hasMessageStartingWith(deep + ": ")
                .hasMessageContaining("too deeply nested");
    }

    @Test
    void readsOnlyTheStartOfAFile() {
        Path endless = Path.of("/dev/zero");
        assumeThat(Files.isReadable(endless)).as("a file that never ends").isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> FileSniffer.detect(endless)).isInstanceOf(BadInputException.class)
                        .hasMessageStartingWith("/dev/zero: "));
    }

    @Test
    void aHugeFirstLineIsDecidedFromItsStart() throws Exception {
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"nodes\": 3, \"name\": \"" + "x".repeat(5 << 20) + "\"}");
        assertThat(FileSniffer.detect(huge)).isEqualTo(Kind.SCENARIO);

        Path trace = dir.resolve("huge-header.jsonl");
        Files.writeString(trace, "{\"type\":\"header\",\"note\":\"" + "x".repeat(5 << 20) + "\"}\n");
        assertThat(FileSniffer.detect(trace)).isEqualTo(Kind.TRACE);
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        Path locked = file("locked.jsonl", TraceReaderTest.HEADER + "\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(locked)).as("not running as root, who reads anything").isFalse();

        assertThatThrownBy(() -> FileSniffer.detect(locked)).hasMessage(locked + ": cannot read: permission denied");
    }
}
