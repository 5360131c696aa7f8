package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import paxosviz.BadInputException;
import paxosviz.trace.model.TraceHeader;

/** Each bad trace gives one message naming the file, the line and the field. */
class BadTraceTest {

    private static final String HEADER = TraceReaderTest.HEADER + "\n";
    private static final String EVENT = "{\"seq\":1,\"t\":0,\"type\":\"crash\",\"node\":1}\n";

    /** A header and one event, then {@code line} as line 3. */
    private static String third(String line) {
        return HEADER + EVENT + line + "\n";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("empty", "", "t.jsonl: empty: no header line, so not a trace"),
                Arguments.of("blank lines only", "\n  \n", "t.jsonl: empty: no header line, so not a trace"),
                Arguments.of("no header", EVENT,
                        "t.jsonl: line 1: not a trace: the first line must be the header, "
                                + "{\"type\":\"header\",\"format\":\"paxos-trace\",...}"),
                Arguments.of("wrong format", "{\"type\":\"header\",\"format\":\"otel\",\"nodes\":3}\n",
                        "t.jsonl: line 1: field \"format\": expected \"paxos-trace\", got \"otel\""),
                Arguments.of("a newer version", "{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":2,\"nodes\":3}\n",
                        "t.jsonl: line 1: unsupported trace version 2 (this program reads version 1)"),
                Arguments.of("version zero", "{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":0,\"nodes\":3}\n",
                        "t.jsonl: line 1: field \"version\": must be at least 1, got 0"),
                Arguments.of("version a string", "{\"type\":\"header\",\"format\":\"paxos-trace\",\"version\":\"1\",\"nodes\":3}\n",
                        "t.jsonl: line 1: field \"version\": expected an integer, got \"1\""),
                Arguments.of("header without nodes", "{\"type\":\"header\",\"format\":\"paxos-trace\"}\n",
                        "t.jsonl: line 1: field \"nodes\": missing"),
                Arguments.of("header with no nodes", "{\"type\":\"header\",\"format\":\"paxos-trace\",\"nodes\":0}\n",
                        "t.jsonl: line 1: field \"nodes\": must be within 1..1000, got 0"),
                Arguments.of("second header", third(TraceReaderTest.HEADER),
                        "t.jsonl: line 3: a second header; only the first line of a trace is a header"),
                Arguments.of("seq repeated", third("{\"seq\":1,\"t\":0,\"type\":\"heal\"}"),
                        "t.jsonl: line 3: field \"seq\": 1 is not greater than the previous event's 1 (seq must strictly increase)"),
                Arguments.of("seq zero", HEADER + "{\"seq\":0,\"t\":0,\"type\":\"heal\"}\n",
                        "t.jsonl: line 2: field \"seq\": must be at least 1, got 0"),
                Arguments.of("seq a string", third("{\"seq\":\"2\",\"t\":0,\"type\":\"heal\"}"),
                        "t.jsonl: line 3: field \"seq\": expected an integer, got \"2\""),
                Arguments.of("seq a fraction", third("{\"seq\":2.5,\"t\":0,\"type\":\"heal\"}"),
                        "t.jsonl: line 3: field \"seq\": expected an integer, got 2.5"),
                Arguments.of("t missing", third("{\"seq\":2,\"type\":\"heal\"}"),
                        "t.jsonl: line 3: field \"t\": missing"),
                Arguments.of("t a string", third("{\"seq\":2,\"t\":\"0\",\"type\":\"heal\"}"),
                        "t.jsonl: line 3: field \"t\": expected a number, got \"0\""),
                Arguments.of("type a number", third("{\"seq\":2,\"t\":0,\"type\":7}"),
                        "t.jsonl: line 3: field \"type\": expected a string, got 7"),
                Arguments.of("slot a string", third("{\"seq\":2,\"t\":0,\"type\":\"chosen\",\"node\":0,\"slot\":\"x\",\"cmd\":{\"type\":\"noop\"}}"),
                        "t.jsonl: line 3: field \"slot\": expected an integer, got \"x\""),
                Arguments.of("chosen without cmd", third("{\"seq\":2,\"t\":0,\"type\":\"chosen\",\"node\":0,\"slot\":1}"),
                        "t.jsonl: line 3: field \"cmd\": missing"),
                Arguments.of("node out of range", third("{\"seq\":2,\"t\":0,\"type\":\"crash\",\"node\":9}"),
                        "t.jsonl: line 3: field \"node\": node 9 is out of range 0..4"),
                Arguments.of("unknown command type",
                        third("{\"seq\":2,\"t\":0,\"type\":\"invoke\",\"client\":\"a\",\"op\":{\"type\":\"jump\"}}"),
                        "t.jsonl: line 3: field \"op.type\": unknown command type \"jump\" (known: put, get, append, cas, noop)"),
                Arguments.of("command without key",
                        third("{\"seq\":2,\"t\":0,\"type\":\"invoke\",\"client\":\"a\",\"op\":{\"type\":\"get\",\"client\":\"a\",\"seq\":1}}"),
                        "t.jsonl: line 3: field \"op.key\": missing"),
                Arguments.of("bad outcome",
                        third("{\"seq\":2,\"t\":0,\"type\":\"return\",\"client\":\"a\",\"op\":{\"type\":\"noop\"},\"outcome\":\"maybe\"}"),
                        "t.jsonl: line 3: field \"outcome\": expected \"ok\" or \"timeout\", got \"maybe\""),
                Arguments.of("get result without value",
                        third("{\"seq\":2,\"t\":0,\"type\":\"apply\",\"node\":0,\"slot\":0,"
                                + "\"cmd\":{\"type\":\"get\",\"client\":\"a\",\"seq\":1,\"key\":\"k\"},\"result\":{}}"),
                        "t.jsonl: line 3: field \"result.value\": missing (a get's result is {\"value\": ...}, null when the key is missing)"),
                Arguments.of("end without digest", third("{\"seq\":2,\"t\":0,\"type\":\"end\",\"nodes\":[{\"node\":0,\"up\":true,\"applied\":3}]}"),
                        "t.jsonl: line 3: field \"nodes[0].digest\": missing"),
                Arguments.of("message without kind", third("{\"seq\":2,\"t\":0,\"type\":\"send\",\"node\":0,\"to\":1,\"msg\":{\"id\":1}}"),
                        "t.jsonl: line 3: field \"msg.kind\": missing"),
                Arguments.of("send without sender", third("{\"seq\":2,\"t\":0,\"type\":\"send\",\"to\":1,\"msg\":{\"id\":1,\"kind\":\"x\"}}"),
                        "t.jsonl: line 3: field \"node\": missing (neither \"node\" nor \"client\" is given)"),
                Arguments.of("address of a wrong type", third("{\"seq\":2,\"t\":0,\"type\":\"send\",\"node\":0,\"to\":true,\"msg\":{\"id\":1,\"kind\":\"x\"}}"),
                        "t.jsonl: line 3: field \"to\": expected a node index (integer) or a client name (string), got true"),
                Arguments.of("not an object", third("[1, 2]"),
                        "t.jsonl: line 3: expected a JSON object, got an array"),
                Arguments.of("two values on a line", third("{} {}"),
                        "t.jsonl: line 3: more than one JSON value on the line"),
                Arguments.of("not JSON", third("{\"seq\": 2, oops}"),
                        "t.jsonl: line 3, column 12: not valid JSON: Unexpected character ('o' (code 111)): "
                                + "was expecting double-quote to start field name"),
                Arguments.of("incomplete line in the middle", HEADER + "{\"seq\":1,\"t\":0,\n" + EVENT,
                        "t.jsonl: line 2: incomplete JSON: the line ends inside a value"),
                Arguments.of("truncated last line", HEADER + EVENT + "{\"seq\":2,\"t\":0,\"ty",
                        "t.jsonl: line 3: the last line is cut off (no newline at the end and not complete JSON)"),
                Arguments.of("too many values on a line", third("{\"seq\":2,\"x\":[" + "\"a\",".repeat(1_000_000) + "\"a\"]}"),
                        "t.jsonl: line 3: too large or too deeply nested: "
                                + "Token count (1000001) exceeds the maximum allowed (1000000)"),
                Arguments.of("a huge integer", third("{\"seq\":99999999999999999999,\"t\":0,\"type\":\"heal\"}"),
                        "t.jsonl: line 3: field \"seq\": the integer 99999999999999999999 is too large"),
                Arguments.of("a huge number", third("{\"seq\":2,\"t\":1e400,\"type\":\"heal\"}"),
                        "t.jsonl: line 3: field \"t\": the number Infinity is too large"),
                Arguments.of("a number too long", third("{\"seq\":2,\"t\":" + "1".repeat(101) + ",\"type\":\"heal\"}"),
                        "t.jsonl: line 3: too large or too deeply nested: Number value length (101) exceeds the maximum allowed (100)"),
                Arguments.of("a control character in a string", third("{\"seq\":2,\"t\":0,\"type\":\"he\tal\"}"),
                        "t.jsonl: line 3, column 26: not valid JSON: Illegal unquoted character ((CTRL-CHAR, code 9)): "
                                + "has to be escaped using backslash to be included in string value"),
                Arguments.of("NaN", third("{\"seq\":2,\"t\":NaN,\"type\":\"heal\"}"),
                        "t.jsonl: line 3, column 17: not valid JSON: Non-standard token 'NaN'"),
                Arguments.of("a word that is not a value", third("{\"seq\":2,\"t\":0,\"up\":True}"),
                        "t.jsonl: line 3, column 21: not valid JSON: Unrecognized token 'True': was expecting "
                                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("a literal cut at the end of a line", HEADER + "{\"seq\":1,\"t\":0,\"up\":tr\n" + EVENT,
                        "t.jsonl: line 2: incomplete JSON: the line ends inside a value"),
                Arguments.of("the last line cut in a literal", HEADER + EVENT + "{\"seq\":2,\"t\":0,\"up\":fal",
                        "t.jsonl: line 3: the last line is cut off (no newline at the end and not complete JSON)"),
                Arguments.of("a NUL byte inside a line", third("{\"seq\":2,\"t\":0,\u0000\"type\":\"heal\"}"),
                        "t.jsonl: line 3, column 17: not valid JSON: Illegal character ((CTRL-CHAR, code 0)): "
                                + "only regular white space (\\r, \\n, \\t) is allowed between tokens"),
                Arguments.of("a NUL byte inside a string", third("{\"seq\":2,\"t\":0,\"type\":\"he\u0000al\"}"),
                        "t.jsonl: line 3, column 26: not valid JSON: Illegal unquoted character ((CTRL-CHAR, code 0)): "
                                + "has to be escaped using backslash to be included in string value"),
                Arguments.of("a NUL byte second on a line", third("{\u0000\"seq\":2,\"t\":0,\"type\":\"heal\"}"),
                        "t.jsonl: line 3, column 3: not valid JSON: Illegal character ((CTRL-CHAR, code 0)): "
                                + "only regular white space (\\r, \\n, \\t) is allowed between tokens"),
                Arguments.of("a NUL byte first on a line", third("\u0000{\"seq\":2,\"t\":0,\"type\":\"heal\"}"),
                        "t.jsonl: line 3, column 2: not valid JSON: Illegal character ((CTRL-CHAR, code 0)): "
                                + "only regular white space (\\r, \\n, \\t) is allowed between tokens"),
                Arguments.of("a record separator between values", third("{\"seq\":2,\u001e\"t\":0}"),
                        "t.jsonl: line 3, column 11: not valid JSON: Illegal character ((CTRL-CHAR, code 30)): "
                                + "only regular white space (\\r, \\n, \\t) is allowed between tokens"),
                Arguments.of("a carriage return inside a line", third("{\"seq\":2,\r\"t\":0, oops}"),
                        "t.jsonl: line 3, column 18: not valid JSON: Unexpected character ('o' (code 111)): "
                                + "was expecting double-quote to start field name"),
                Arguments.of("a comment", third("{\"seq\":2,\"t\":0 /* now */}"),
                        "t.jsonl: line 3, column 16: not valid JSON: Unexpected character ('/' (code 47)): "
                                + "maybe a (non-standard) comment?"),
                Arguments.of("a bracket that closes nothing open", third("{\"seq\":2,\"t\":[0}"),
                        "t.jsonl: line 3, column 16: not valid JSON: Unexpected close marker '}': "
                                + "expected ']' (for Array starting at column 14)"),
                Arguments.of("deeply nested", third("[".repeat(100_000)),
                        "t.jsonl: line 3: too large or too deeply nested: "
                                + "Document nesting depth (65) exceeds the maximum allowed (64)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheProblemWhereItIs(String problem, String trace, String message) {
        assertThatThrownBy(() -> TraceReaderTest.events(trace))
                .isInstanceOf(BadInputException.class)
                .hasMessage(message);
    }

    @Test
    void namesADirectoryAnEmptyFileAndAnUnreadableOne(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> TraceReader.read(dir, e -> { })).isInstanceOf(BadInputException.class)
                .hasMessage(dir + ": is a directory, not a trace file");
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertThatThrownBy(() -> TraceReader.read(empty, e -> { })).hasMessage(empty + ": empty: no header line, so not a trace");
        Path emptyGzip = dir.resolve("empty.jsonl.gz");
        try (GZIPOutputStream gzip = new GZIPOutputStream(Files.newOutputStream(emptyGzip))) {
            gzip.flush();
        }
        assertThatThrownBy(() -> TraceReader.read(emptyGzip, e -> { }))
                .hasMessage(emptyGzip + ": empty: no header line, so not a trace");

        Path locked = dir.resolve("locked.jsonl");
        Files.writeString(locked, HEADER);
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        org.assertj.core.api.Assumptions.assumeThat(Files.isReadable(locked)).as("not root, who reads anything").isFalse();
        assertThatThrownBy(() -> TraceReader.read(locked, e -> { })).hasMessage(locked + ": cannot read: permission denied");
    }

    @Test
    void aCutPlainFileNamesItsLastLine(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(whole, new TraceHeader(1, 5, "sim", 1L, null))) {
            Samples.events().forEach(writer::accept);
        }
        byte[] bytes = whole.toByteArray();
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 20));

        assertThatThrownBy(() -> TraceReader.read(cut, e -> { })).isInstanceOf(BadInputException.class)
                .hasMessageMatching(".*cut\\.jsonl: line \\d+: the last line is cut off \\(no newline at the end and not complete JSON\\)");
    }

    @Test
    void bytesThatAreNotUtf8AreNamed() {
        byte[] start = (HEADER + "{\"seq\":1,\"t\":0,\"type\":\"heal\",\"note\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] trace = Arrays.copyOf(start, start.length + 4);
        trace[start.length] = (byte) 0xC3;
        trace[start.length + 1] = '(';
        trace[start.length + 2] = '"';
        trace[start.length + 3] = '}';

        assertThatThrownBy(() -> TraceReader.read(new ByteArrayInputStream(trace), "t.jsonl", e -> { }))
                .hasMessage("t.jsonl: line 2, column 40: not valid JSON: Invalid UTF-8 middle byte 0x28");
    }

    @Test
    void aCompleteLastLineNeedsNoNewline() throws Exception {
        assertThat(TraceReaderTest.events(HEADER + EVENT.strip())).hasSize(1);
    }

    @Test
    void reportsATruncatedGzip(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(new GZIPOutputStream(zipped), new TraceHeader(1, 5, "sim", 1L, null))) {
            Samples.events().forEach(writer::accept);
        }
        byte[] whole = zipped.toByteArray();
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> TraceReader.read(cut, e -> { }))
                .isInstanceOf(BadInputException.class)
                .hasMessageMatching(".*cut\\.jsonl\\.gz: line \\d+: the gzip data is truncated or corrupt "
                        + "\\(Unexpected end of ZLIB input stream\\)");
    }

    @Test
    void reportsAGzipHeaderWithNothingAfterIt() {
        byte[] magic = {0x1f, (byte) 0x8b};

        assertThatThrownBy(() -> TraceReader.read(new ByteArrayInputStream(magic), "t.jsonl.gz", e -> { }))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.jsonl.gz: not a readable gzip file: the data ends too early");
    }

    @Test
    void aHundredMegabyteLineFailsFastWithBoundedMemory() {
        EndlessLine line = new EndlessLine(100L << 20);
        InputStream trace = new SequenceInputStream(new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), line);

        BadInputException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(BadInputException.class, () -> TraceReader.read(trace, "big.jsonl", e -> { })));

        assertThat(error).hasMessage("big.jsonl: line 2: longer than 16 MiB; not a trace line (is this a trace?)");
        assertThat(line.served).as("bytes read before giving up").isLessThan(17L << 20);
    }

    /** {@code {"seq":1,"note":"xxxx...} without an end, produced as it is read. */
    private static final class EndlessLine extends InputStream {
        private final byte[] start = "{\"seq\":1,\"note\":\"".getBytes(StandardCharsets.UTF_8);
        private final long length;
        long served;

        EndlessLine(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - served);
            for (int i = 0; i < n; i++) {
                long at = served + i;
                buffer[offset + i] = at < start.length ? start[(int) at] : (byte) 'x';
            }
            served += n;
            return n;
        }
    }
}
