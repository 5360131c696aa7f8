package paxosviz.trace.json;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import paxosviz.BadInputException;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.TraceSink;

/**
 * Reads a trace (JSON Lines, plain or gzipped) and streams its events into a sink, one line at a
 * time, so a trace larger than memory can be read. Every problem is a {@link BadInputException}
 * naming the file, the line and the field, e.g.
 * {@code trace.jsonl: line 57: field "slot": expected an integer, got "x"}. Hostile input is
 * bounded: line length, nesting depth, string and number length, tokens per line.
 */
public final class TraceReader {

    public static final int MAX_LINE_BYTES = 16 << 20;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_CHARS = 100;
    /** Bounds the tree built for one line: 16 MiB of {@code ["a","a",...]} would take some 250 MB. */
    public static final int MAX_TOKENS_PER_LINE = 1_000_000;

    private static final int BUFFER_BYTES = 1 << 16;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_LINE_BYTES)
                    .maxNameLength(MAX_LINE_BYTES)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxTokenCount(MAX_TOKENS_PER_LINE)
                    .build())
            .build());

    private TraceReader() {
    }

    /** The most nodes a trace may name; views draw every one of them. */
    public static final int MAX_NODES = 1000;

    /** Reads the file, gzipped or not, into {@code sink}; returns its header once every event was delivered. */
    public static TraceHeader read(Path file, TraceSink sink) throws BadInputException {
        return readWithHeader(file, header -> sink);
    }

    /**
     * Streams a trace file, choosing where its events go once its header is read: a consumer
     * such as the checker needs the number of nodes before the first event.
     */
    public static TraceHeader readWithHeader(Path file, Function<TraceHeader, TraceSink> sinkForHeader) throws BadInputException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(source + ": is a directory, not a trace file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readWithHeader(in, source, sinkForHeader);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream, gzipped or not, to its end and closes it; {@code source} names it in
     * error messages. Returns the header once every event was delivered.
     */
    public static TraceHeader read(InputStream stream, String source, TraceSink sink) throws BadInputException {
        return readWithHeader(stream, source, header -> sink);
    }

    /** As {@link #readWithHeader(Path, Function)}, from a stream; reads to the end, then closes it. */
    public static TraceHeader readWithHeader(InputStream stream, String source, Function<TraceHeader, TraceSink> sinkForHeader)
            throws BadInputException {
        BufferedInputStream buffered = new BufferedInputStream(stream, BUFFER_BYTES);
        boolean gzipped;
        try {
            gzipped = isGzip(buffered);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage(), e);
        }
        try (InputStream data = gzipped ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered) {
            return read(new LineReader(data, source, MAX_LINE_BYTES), source, gzipped, sinkForHeader);
        } catch (IOException e) {
            String problem = gzipped ? "not a readable gzip file: " : "cannot read: ";
            throw new BadInputException(source + ": " + problem + reason(e), e);
        }
    }

    private static TraceHeader read(LineReader lines, String source, boolean gzipped,
            Function<TraceHeader, TraceSink> sinkForHeader) throws BadInputException {
        TraceHeader header = null;
        TraceSink sink = null;
        long lastSeq = 0;
        while (nextLine(lines, source, gzipped)) {
            if (lines.blank()) {
                continue;
            }
            if (header == null) {
                // The header names no node, so the node count it is checked against does not matter.
                Field.Line line = new Field.Line(source, lines.number(), 1);
                header = header(Field.root(line, parse(lines, line)));
                sink = sinkForHeader.apply(header);
                continue;
            }
            Field.Line line = new Field.Line(source, lines.number(), header.nodes());
            TraceEvent event = event(Field.root(line, parse(lines, line)), lastSeq);
            lastSeq = event.seq();
            sink.accept(event);
        }
        if (header == null) {
            throw new BadInputException(source + ": empty: no header line, so not a trace");
        }
        return header;
    }

    private static boolean nextLine(LineReader lines, String source, boolean gzipped) throws BadInputException {
        try {
            return lines.next();
        } catch (IOException e) {
            String problem = gzipped ? "the gzip data is truncated or corrupt (" + reason(e) + ")"
                    : "cannot read: " + reason(e);
            throw new BadInputException(source + ": line " + lines.number() + ": " + problem, e);
        }
    }

    /** The JDK's gzip stream throws an EOFException without a message when the data stops early. */
    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e instanceof EOFException ? "the data ends too early" : e.toString();
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /** One JSON object per line. */
    private static JsonNode parse(LineReader lines, Field.Line line) throws BadInputException {
        try (JsonParser parser = MAPPER.createParser(lines.bytes(), 0, lines.length())) {
            JsonNode tree = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw line.fail("more than one JSON value on the line");
            }
            if (tree == null || !tree.isObject()) {
                throw line.fail("expected a JSON object, got " + Field.root(line, tree).describe());
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw notJson(e, lines, line);
        } catch (IOException e) {
            throw line.fail("cannot read: " + e.getMessage());
        }
    }

    private static BadInputException notJson(JsonProcessingException e, LineReader lines, Field.Line line) {
        String where = line.source() + ": line " + line.number();
        if (!lines.terminated()) {
            return new BadInputException(where + ": the last line is cut off (no newline at the end and not complete JSON)", e);
        }
        JsonLocation at = e.getLocation();
        if (e instanceof JsonEOFException || at != null && at.getByteOffset() >= lines.length()) {
            return new BadInputException(where + ": incomplete JSON: the line ends inside a value", e);
        }
        // Jackson's hints name its own configuration methods, which a user cannot act on.
        String detail = e.getOriginalMessage().replaceAll(" \\(from `[^`]*`\\)|, from `[^`]*`", "");
        String column = at == null ? "" : ", column " + at.getColumnNr();
        String kind = e instanceof StreamConstraintsException ? "too large or too deeply nested: " : "not valid JSON: ";
        return new BadInputException(where + column + ": " + kind + detail, e);
    }

    private static TraceHeader header(Field h) throws BadInputException {
        Field type = h.get("type");
        if (!type.isString() || !type.asString().equals("header")) {
            throw h.line().fail("not a trace: the first line must be the header, "
                    + "{\"type\":\"header\",\"format\":\"" + TraceHeader.FORMAT + "\",...}");
        }
        Field format = h.get("format");
        if (!format.isString() || !format.asString().equals(TraceHeader.FORMAT)) {
            throw format.wrongType("\"" + TraceHeader.FORMAT + "\"");
        }
        Field version = h.get("version");
        Field nodes = h.get("nodes");
        int nodeCount = nodes.asInt();
        if (nodeCount < 1 || nodeCount > MAX_NODES) {
            throw nodes.fail("must be within 1.." + MAX_NODES + ", got " + nodeCount);
        }
        Field seed = h.get("seed");
        return new TraceHeader(
                version.present() ? version.asInt() : TraceHeader.VERSION,
                nodeCount,
                h.get("runtime").asStringOrNull(),
                seed.present() ? seed.asLong() : null,
                scenario(h.get("scenario")),
                window(h.get("window")));
    }

    /** The optional time window of an exported part of a trace. */
    private static TraceHeader.Window window(Field field) throws BadInputException {
        if (!field.present()) {
            return null;
        }
        field.requireObject();
        double from = field.get("from").asDouble();
        double until = field.get("until").asDouble();
        if (until < from) {
            throw field.fail("\"until\" (" + until + ") is before \"from\" (" + from + ")");
        }
        return new TraceHeader.Window(from, until);
    }

    /** A header may carry any scenario, or {@code {}}; one this program cannot read is left out, not an error. */
    private static Scenario scenario(Field field) throws BadInputException {
        if (!field.present()) {
            return null;
        }
        try {
            return ScenarioReader.read(field.node(), "header scenario");
        } catch (BadInputException unreadable) {
            return null;
        }
    }

    private static TraceEvent event(Field e, long lastSeq) throws BadInputException {
        Field typeField = e.get("type");
        if (typeField.isString() && typeField.asString().equals("header")) {
            throw e.line().fail("a second header; only the first line of a trace is a header");
        }
        Field seqField = e.get("seq");
        long seq = seqField.asLong();
        if (seq <= lastSeq) {
            throw seqField.fail(lastSeq == 0 ? "must be at least 1, got " + seq
                    : seq + " is not greater than the previous event's " + lastSeq + " (seq must strictly increase)");
        }
        double t = e.get("t").asDouble();
        String type = typeField.asString();
        return new TraceEvent(seq, t, EventDecoder.body(type, e));
    }
}
