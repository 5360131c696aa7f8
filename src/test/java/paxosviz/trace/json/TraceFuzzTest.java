package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import paxosviz.BadInputException;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.ScenarioRunner;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.trace.model.TraceHeader;

/**
 * Bad files never take the reader down: thousands of mutated traces (bytes flipped, lines cut,
 * removed, duplicated or swapped, gzip cut short, fields swapped between lines, values of the
 * wrong type, huge numbers and strings, deep nesting, duplicate keys, garbage lines) each either
 * read or fail with a {@link BadInputException} whose one-line message names the file and the
 * line (and the field, where one is at fault), at or after the first line that was changed;
 * never another exception, never a hang, never memory out of proportion to the file.
 *
 * <pre>
 * mvn -B test -Dtest=TraceFuzzTest -Dfuzz.cases=200000   # a long run
 * mvn -B test -Dtest=TraceFuzzTest -Dfuzz.seed=1234      # replay one case
 * </pre>
 * A failing case prints its seed and that command, and writes its input to
 * {@code target/fuzz-failures/}.
 */
class TraceFuzzTest {

    private static final long TIMEOUT_SECONDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Pattern MESSAGE = Pattern.compile(
            "(?<source>fuzz-\\d+\\.jsonl(\\.gz)?): (line (?<line>\\d+)(, column \\d+)?: .+"
                    + "|empty: no header line, so not a trace|not a readable gzip file: .+)");

    /** Small traces of real runs and of every event type, and one large enough for several decoding threads. */
    private static final List<byte[]> SMALL = new ArrayList<>();
    private static byte[] large;
    private static ExecutorService runner;

    @BeforeAll
    static void recordTraces() throws Exception {
        SMALL.add(record(scenario(3, 700, 0.05, 0.05), 1));
        SMALL.add(record(scenario(5, 500, 0, 0), 2));
        ByteArrayOutputStream samples = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(samples, new TraceHeader(1, 5, "sim", 1L, null))) {
            Samples.events().forEach(writer::accept);
        }
        SMALL.add(samples.toByteArray());
        large = record(scenario(5, 12_000, 0.02, 0.02), 3);
        runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzz-case");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    private static Scenario scenario(int nodes, int durationMs, double drop, double duplicate) throws BadInputException {
        return ScenarioReader.read("{\"nodes\": " + nodes + ", \"durationMs\": " + durationMs
                + ", \"network\": {\"delayMs\": [1, 5], \"drop\": " + drop + ", \"duplicate\": " + duplicate + "},"
                + " \"steps\": [{\"at\": 0, \"do\": \"load\", \"clients\": 3, \"keys\": [\"x\", \"y\"], \"ratePerSec\": 300,"
                + " \"until\": " + durationMs + "}, {\"at\": " + durationMs / 4 + ", \"do\": \"crash\", \"node\": 0},"
                + " {\"at\": " + durationMs / 2 + ", \"do\": \"restart\", \"node\": 0},"
                + " {\"at\": " + durationMs / 3 + ", \"do\": \"partition\", \"groups\": [[0, 1, \"w1\"], [2"
                + (nodes > 3 ? ", 3, 4" : "") + "]]}, {\"at\": " + durationMs * 2 / 3 + ", \"do\": \"heal\"}]}", "fuzz scenario");
    }

    private static byte[] record(Scenario scenario, long seed) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(bytes, new TraceHeader(1, scenario.nodes(), "sim", seed, scenario))) {
            EventStream events = new EventStream();
            events.subscribe(writer);
            ScenarioRunner.run(scenario, new Simulation(ClusterSpec.of(scenario), seed, events));
        }
        return bytes.toByteArray();
    }

    @Test
    void badTracesGiveOneMessageNamingTheFileAndTheLine() throws Exception {
        long cases = Long.getLong("fuzz.cases", 3_000);
        Long only = Long.getLong("fuzz.seed");
        long first = only != null ? only : 1;
        long last = only != null ? only : cases;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (long seed = first; seed <= last; seed++) {
            String outcome = runCase(seed);
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("trace fuzz: " + (last - first + 1) + " cases: " + outcomes);
        assertThat(outcomes).isNotEmpty();
    }

    /** One case: a mutated trace, read with a deadline; returns what happened, for the summary. */
    private static String runCase(long seed) throws Exception {
        Case c = Case.make(seed);
        Future<String> result = runner.submit(() -> c.read());
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw c.failure("did not finish within " + TIMEOUT_SECONDS + " s", null);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError assertion) {
                throw assertion;
            }
            throw c.failure("threw " + cause, cause);
        }
    }

    /** A mutated trace and what is known of it. */
    private static final class Case {
        final long seed;
        final String source;
        final byte[] bytes;
        final boolean gzipped;
        /** The first line that differs from the valid trace it was made from. */
        final long firstChangedLine;
        final List<String> mutations;

        Case(long seed, String source, byte[] bytes, boolean gzipped, long firstChangedLine, List<String> mutations) {
            this.seed = seed;
            this.source = source;
            this.bytes = bytes;
            this.gzipped = gzipped;
            this.firstChangedLine = firstChangedLine;
            this.mutations = mutations;
        }

        static Case make(long seed) throws IOException {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] original = random.nextInt(40) == 0 ? large : SMALL.get(random.nextInt(SMALL.size()));
            List<byte[]> lines = split(original);
            List<String> mutations = new ArrayList<>();
            int count = 1 + random.nextInt(random.nextInt(8) == 0 ? 6 : 2);
            boolean gzipCut = false;
            for (int i = 0; i < count; i++) {
                String mutation = mutate(lines, random);
                mutations.add(mutation);
                gzipCut |= mutation.equals("gzip cut");
            }
            byte[] text = join(lines);
            if (random.nextInt(4) == 0 && text.length > 0) {
                text = Arrays.copyOf(text, text.length - 1); // no newline at the end
            }
            long changed = firstChangedLine(original, text);
            boolean gzip = gzipCut || random.nextInt(10) == 0;
            byte[] bytes = text;
            if (gzip) {
                bytes = gzip(text);
                if (gzipCut) {
                    bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                    changed = 1; // where a cut gzip stops is the inflater's business
                }
            }
            return new Case(seed, "fuzz-" + seed + ".jsonl" + (gzip ? ".gz" : ""), bytes, gzip, changed, mutations);
        }

        /** Reads the trace from a stream or, now and then, from a file; checks how it ended. */
        String read() throws Exception {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            long[] events = new long[1];
            try {
                if (seed % 16 == 0) {
                    Path dir = Files.createTempDirectory("fuzz");
                    Path file = dir.resolve(source);
                    Files.write(file, bytes);
                    try {
                        TraceReader.read(file, e -> events[0]++);
                    } catch (BadInputException e) {
                        // The file's path names it; keep only the name, as for a stream.
                        throw new BadInputException(e.getMessage().replace(dir + "/", ""), e);
                    } finally {
                        Files.delete(file);
                        Files.delete(dir);
                    }
                } else {
                    TraceReader.read(new ByteArrayInputStream(bytes), source, e -> events[0]++);
                }
            } catch (BadInputException e) {
                checkMessage(e.getMessage());
                return "refused";
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (allocated > 200L * bytes.length + (64 << 20)) {
                throw failure("allocated " + allocated + " bytes reading " + bytes.length, null);
            }
            return events[0] > 0 ? "read" : "read, no events";
        }

        private void checkMessage(String message) {
            Matcher m = MESSAGE.matcher(message);
            if (!m.matches() || message.contains("\n") || !m.group("source").equals(source)) {
                throw failure("not one line naming the file and the line: " + message, null);
            }
            String line = m.group("line");
            if (line != null && Long.parseLong(line) < firstChangedLine) {
                throw failure("names line " + line + ", before the first line changed (" + firstChangedLine + "): " + message,
                        null);
            }
            if (message.matches(".*(JsonReadFeature|StreamReadFeature|StreamReadConstraints|Feature '|\\[Source: ).*")) {
                throw failure("names Jackson's own configuration, which a user cannot act on: " + message, null);
            }
            boolean syntax = message.contains(": not valid JSON: ") || message.contains(": too large or too deeply nested: ");
            boolean aboutAValue = !syntax && message.matches(".*: (expected (?!a JSON object).*|missing.*|.*out of range.*)");
            if (aboutAValue && !message.contains("field \"")) {
                throw failure("a value is at fault but no field is named: " + message, null);
            }
        }

        AssertionError failure(String problem, Throwable cause) {
            Path saved = Path.of("target", "fuzz-failures", source);
            try {
                Files.createDirectories(saved.getParent());
                Files.write(saved, bytes);
            } catch (IOException e) {
                saved = null;
            }
            AssertionError error = new AssertionError("fuzz case " + seed + " (" + String.join(", ", mutations) + "): "
                    + problem + "\n  replay: mvn -B test -Dtest=TraceFuzzTest -Dfuzz.seed=" + seed
                    + (saved != null ? "\n  input: " + saved.toAbsolutePath() : ""));
            if (cause != null) {
                error.initCause(cause);
            }
            return error;
        }
    }

    // ------------------------------------------------------------------ mutations

    private static String mutate(List<byte[]> lines, SplittableRandom random) {
        int at = lines.size() == 0 ? 0 : random.nextInt(lines.size());
        switch (random.nextInt(16)) {
            case 0:
                if (lines.isEmpty()) {
                    return "nothing";
                }
                flipBytes(lines, at, random);
                return "bytes flipped";
            case 1:
                if (lines.isEmpty()) {
                    return "nothing";
                }
                byte[] line = lines.get(at);
                lines.set(at, Arrays.copyOf(line, random.nextInt(line.length + 1)));
                return "line cut";
            case 2:
                while (lines.size() > at + 1) {
                    lines.remove(lines.size() - 1);
                }
                if (!lines.isEmpty()) {
                    byte[] last = lines.remove(lines.size() - 1);
                    lines.add(Arrays.copyOf(last, random.nextInt(last.length + 1)));
                }
                return "file cut";
            case 3:
                return "gzip cut";
            case 4:
                if (!lines.isEmpty()) {
                    lines.remove(at);
                }
                return "line removed";
            case 5:
                if (!lines.isEmpty()) {
                    lines.add(at, lines.get(at).clone());
                }
                return "line duplicated";
            case 6:
                if (lines.size() > 1) {
                    int other = random.nextInt(lines.size());
                    byte[] swap = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, swap);
                }
                return "lines swapped";
            case 7:
                lines.add(at, garbage(random));
                return "garbage line";
            case 8:
                return tree(lines, at, random, "fields swapped between lines", TraceFuzzTest::swapBetweenLines);
            case 9:
                return tree(lines, at, random, "field of another type", (root, r, all) -> replaceValue(root, r, wrongType(r)));
            case 10:
                return tree(lines, at, random, "huge value", (root, r, all) -> replaceValue(root, r, huge(r)));
            case 11:
                return tree(lines, at, random, "deep nesting", (root, r, all) -> replaceValue(root, r, deep(r)));
            case 12:
                return duplicateKey(lines, at, random);
            case 13:
                return tree(lines, at, random, "fields swapped within a line", (root, r, all) -> swapWithin(root, r));
            case 14:
                return tree(lines, at, random, "field removed", (root, r, all) -> removeField(root, r));
            default:
                if (!lines.isEmpty()) {
                    lines.set(at, new byte[0]);
                }
                return "line blanked";
        }
    }

    private static void flipBytes(List<byte[]> lines, int at, SplittableRandom random) {
        byte[] line = lines.get(at).clone();
        if (line.length == 0) {
            return;
        }
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            int where = random.nextInt(line.length);
            line[where] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (line[where] ^ 1 << random.nextInt(8));
        }
        lines.set(at, line);
    }

    private static byte[] garbage(SplittableRandom random) {
        byte[] line = new byte[random.nextInt(200)];
        boolean text = random.nextBoolean();
        for (int i = 0; i < line.length; i++) {
            byte b = (byte) (text ? 32 + random.nextInt(95) : random.nextInt(256));
            line[i] = b == '\n' ? (byte) ' ' : b;
        }
        return line;
    }

    @FunctionalInterface
    private interface TreeChange {
        void apply(ObjectNode root, SplittableRandom random, List<byte[]> lines) throws IOException;
    }

    /** Changes one line as a JSON tree (lines that are not JSON are left alone). */
    private static String tree(List<byte[]> lines, int at, SplittableRandom random, String name, TreeChange change) {
        if (lines.isEmpty()) {
            return "nothing";
        }
        try {
            JsonNode node = JSON.readTree(lines.get(at));
            if (!(node instanceof ObjectNode root)) {
                return "nothing";
            }
            change.apply(root, random, lines);
            lines.set(at, JSON.writeValueAsBytes(root));
            return name;
        } catch (IOException | RuntimeException notJson) {
            return "nothing";
        }
    }

    /** Every object in the tree, the root first. */
    private static List<ObjectNode> objects(JsonNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        return objects;
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        for (JsonNode child : node) {
            collect(child, into);
        }
    }

    private static void replaceValue(ObjectNode root, SplittableRandom random, JsonNode value) {
        List<ObjectNode> objects = objects(root);
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(8) == 0 ? "seq" : names.get(random.nextInt(names.size()));
        object.set(name, value);
    }

    private static JsonNode wrongType(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.textNode("7");
            case 1 -> NODES.numberNode(random.nextInt(-3, 10));
            case 2 -> NODES.numberNode(2.5);
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.nullNode();
            case 5 -> NODES.arrayNode().add(1);
            case 6 -> NODES.objectNode().put("round", 1);
            default -> NODES.textNode("");
        };
    }

    private static JsonNode huge(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(120))));
            case 1 -> NODES.numberNode(new java.math.BigInteger("-9223372036854775809"));
            case 2 -> NODES.numberNode(1e300 * (random.nextBoolean() ? 1 : -1));
            case 3 -> NODES.textNode("x".repeat(random.nextInt(1 << 20)));
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            default -> NODES.numberNode(new java.math.BigDecimal("1e" + random.nextInt(400, 100_000)));
        };
    }

    private static JsonNode deep(SplittableRandom random) {
        int depth = random.nextBoolean() ? random.nextInt(40, 80) : random.nextInt(1000, 5000);
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private static void swapBetweenLines(ObjectNode root, SplittableRandom random, List<byte[]> lines) throws IOException {
        JsonNode other = JSON.readTree(lines.get(random.nextInt(lines.size())));
        if (!(other instanceof ObjectNode)) {
            return;
        }
        List<ObjectNode> mine = objects(root);
        List<ObjectNode> theirs = objects(other);
        ObjectNode from = theirs.get(random.nextInt(theirs.size()));
        Iterator<String> names = from.fieldNames();
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        if (list.isEmpty()) {
            return;
        }
        String name = list.get(random.nextInt(list.size()));
        mine.get(random.nextInt(mine.size())).set(random.nextBoolean() ? name : "seq", from.get(name).deepCopy());
    }

    private static void swapWithin(ObjectNode root, SplittableRandom random) {
        List<ObjectNode> objects = objects(root);
        ObjectNode a = objects.get(random.nextInt(objects.size()));
        ObjectNode b = objects.get(random.nextInt(objects.size()));
        List<String> aNames = new ArrayList<>();
        a.fieldNames().forEachRemaining(aNames::add);
        List<String> bNames = new ArrayList<>();
        b.fieldNames().forEachRemaining(bNames::add);
        if (aNames.isEmpty() || bNames.isEmpty()) {
            return;
        }
        String x = aNames.get(random.nextInt(aNames.size()));
        String y = bNames.get(random.nextInt(bNames.size()));
        JsonNode ax = a.get(x).deepCopy();
        JsonNode by = b.get(y).deepCopy();
        a.set(x, by);
        b.set(y, ax);
    }

    private static void removeField(ObjectNode root, SplittableRandom random) {
        List<ObjectNode> objects = objects(root);
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
            object.remove(names.get(random.nextInt(names.size())));
        }
    }

    /** A member written twice, the second time with another value: as text, since a tree cannot hold it. */
    private static String duplicateKey(List<byte[]> lines, int at, SplittableRandom random) {
        if (lines.isEmpty()) {
            return "nothing";
        }
        String line = new String(lines.get(at), StandardCharsets.UTF_8);
        int brace = line.lastIndexOf('}');
        Matcher member = Pattern.compile("\"([a-zA-Z]+)\":").matcher(line);
        List<String> names = new ArrayList<>();
        while (member.find()) {
            names.add(member.group(1));
        }
        if (brace < 0 || names.isEmpty()) {
            return "nothing";
        }
        String name = names.get(random.nextInt(names.size()));
        String value = wrongType(random).toString();
        String changed = line.substring(0, brace) + (line.charAt(brace - 1) == '{' ? "" : ",") + "\"" + name + "\":" + value
                + line.substring(brace);
        lines.set(at, changed.getBytes(StandardCharsets.UTF_8));
        return "duplicate key";
    }

    // ------------------------------------------------------------------ bytes

    private static List<byte[]> split(byte[] text) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                lines.add(Arrays.copyOfRange(text, start, i));
                start = i + 1;
            }
        }
        if (start < text.length) {
            lines.add(Arrays.copyOfRange(text, start, text.length));
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static long firstChangedLine(byte[] original, byte[] changed) {
        int n = Math.min(original.length, changed.length);
        int differs = 0;
        while (differs < n && original[differs] == changed[differs]) {
            differs++;
        }
        long line = 1;
        for (int i = 0; i < differs; i++) {
            if (changed[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static byte[] gzip(byte[] text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text);
        }
        return out.toByteArray();
    }
}
