package paxosviz.trace.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import paxosviz.BadInputException;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;

/**
 * Turns the lines of a trace into its header and events. One per thread: Jackson's streaming
 * parser reads each line into one reused {@link LineTape}. Every problem is a
 * {@link BadInputException} naming the file, the line and the field (and, for a line that is
 * not JSON, the column).
 */
final class LineDecoder {

    /**
     * The limits are a line's: a line that breaks one is read again with a parser of its own.
     * A trace is UTF-8, as JSON Lines are: with charset detection on, Jackson would take a line
     * starting with a NUL byte for UTF-16 or UTF-32 and report nonsense characters, where UTF-8
     * names the NUL.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CHARSET_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(TraceReader.MAX_DEPTH)
                    .maxNumberLength(TraceReader.MAX_NUMBER_CHARS)
                    .maxTokenCount(TraceReader.MAX_TOKENS_PER_LINE)
                    .maxStringLength(TraceReader.MAX_LINE_BYTES)
                    .maxNameLength(TraceReader.MAX_LINE_BYTES)
                    .build())
            .build();

    /** The events of one batch of lines, and the problem that stopped it, if one did. */
    static final class Decoded {
        final LineBatches.Batch batch;
        TraceEvent[] events = new TraceEvent[64];
        int count;
        /** The seq of the batch's first event, which only the reader can check against the batch before. */
        boolean hasFirstSeq;
        long firstSeq;
        long firstSeqLine;
        BadInputException error;

        Decoded(LineBatches.Batch batch) {
            this.batch = batch;
        }

        private void add(TraceEvent event) {
            if (count == events.length) {
                events = java.util.Arrays.copyOf(events, count * 2);
            }
            events[count++] = event;
        }
    }

    /** No event before: the first event of a batch is checked against the one before it by the reader. */
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final String source;
    private final LineTape tape;
    private final int nodes;
    /**
     * One parser reading a batch's lines one after the other, opened at the start of line
     * {@code runStart}: a parser per line would cost a tenth of the reading. Closed when it
     * meets a line it cannot take as it is, which is then read again on its own.
     */
    private JsonParser run;
    private int runStart;
    private int batchEnd;

    /** {@code nodes}: the trace's cluster size, to check node indices (1 for the header). */
    LineDecoder(String source, Shared shared, int nodes) {
        this.source = source;
        this.tape = new LineTape(shared);
        this.nodes = nodes;
    }

    /** Nothing but spaces, tabs and carriage returns. */
    static boolean blank(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The events of a batch's lines, up to the first line that cannot be read. */
    Decoded decode(LineBatches.Batch batch) {
        closeRun();
        batchEnd = batch.offset + batch.length;
        try {
            return lines(batch);
        } finally {
            closeRun();
        }
    }

    private Decoded lines(LineBatches.Batch batch) {
        Decoded decoded = new Decoded(batch);
        byte[] bytes = batch.bytes;
        int pos = batch.offset;
        int end = batch.offset + batch.length;
        long number = batch.firstLine;
        long lastSeq = UNKNOWN;
        while (pos < end) {
            int newline = pos;
            while (newline < end && bytes[newline] != '\n') {
                newline++;
            }
            boolean terminated = newline < end || !batch.lastLineUnterminated;
            int length = newline - pos;
            if (newline < end && length > 0 && bytes[newline - 1] == '\r') {
                length--;
            }
            if (!blank(bytes, pos, length)) {
                try {
                    TraceEvent event = event(bytes, pos, length, number, terminated, lastSeq, decoded);
                    decoded.add(event);
                    lastSeq = event.seq();
                } catch (BadInputException e) {
                    decoded.error = e;
                    return decoded;
                }
            }
            pos = newline + 1;
            number++;
        }
        return decoded;
    }

    /** The header, the first line that is not blank. */
    TraceHeader header(byte[] bytes, int offset, int length, long number, boolean terminated) throws BadInputException {
        Field.Line line = new Field.Line(source, number, nodes, tape);
        Field h = parse(bytes, offset, length, line, terminated);
        Field type = h.get("type");
        if (!type.isString() || !type.asString().equals("header")) {
            throw line.fail("not a trace: the first line must be the header, "
                    + "{\"type\":\"header\",\"format\":\"" + TraceHeader.FORMAT + "\",...}");
        }
        Field format = h.get("format");
        if (!format.isString() || !format.asString().equals(TraceHeader.FORMAT)) {
            throw format.wrongType("\"" + TraceHeader.FORMAT + "\"");
        }
        Field versionField = h.get("version");
        int version = versionField.present() ? versionField.asInt() : TraceHeader.VERSION;
        if (version > TraceHeader.VERSION) {
            throw line.fail("unsupported trace version " + version + " (this program reads version " + TraceHeader.VERSION + ")");
        }
        if (version < 1) {
            throw versionField.fail("must be at least 1, got " + version);
        }
        Field nodesField = h.get("nodes");
        int nodeCount = nodesField.asInt();
        if (nodeCount < 1 || nodeCount > TraceReader.MAX_NODES) {
            throw nodesField.fail("must be within 1.." + TraceReader.MAX_NODES + ", got " + nodeCount);
        }
        Field seed = h.get("seed");
        return new TraceHeader(
                version,
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
    private static Scenario scenario(Field field) {
        if (!field.present()) {
            return null;
        }
        try {
            return ScenarioReader.read(field.node(), "header scenario");
        } catch (BadInputException unreadable) {
            return null;
        }
    }

    private TraceEvent event(byte[] bytes, int offset, int length, long number, boolean terminated, long lastSeq,
            Decoded decoded) throws BadInputException {
        Field.Line line = new Field.Line(source, number, nodes, tape);
        Field e = parseInRun(bytes, offset, length, line, terminated);
        Field typeField = e.get("type");
        if (typeField.isString() && typeField.asString().equals("header")) {
            throw line.fail("a second header; only the first line of a trace is a header");
        }
        Field seqField = e.get("seq");
        long seq = seqField.asLong();
        if (lastSeq == UNKNOWN) {
            decoded.hasFirstSeq = true;
            decoded.firstSeq = seq;
            decoded.firstSeqLine = number;
        } else if (seq <= lastSeq) {
            throw seqField.fail(seqProblem(seq, lastSeq));
        }
        double t = e.get("t").asDouble();
        String type = typeField.asString();
        return new TraceEvent(seq, t, EventDecoder.body(type, e));
    }

    /** Why {@code seq} may not follow {@code lastSeq} (0 before the first event). */
    static String seqProblem(long seq, long lastSeq) {
        return lastSeq == 0 ? "must be at least 1, got " + seq
                : seq + " is not greater than the previous event's " + lastSeq + " (seq must strictly increase)";
    }

    /**
     * As {@link #parse}, with the batch's parser: the line must hold one JSON object, and the
     * parser must have stopped inside the line with nothing but white space after it. Any other
     * line (not JSON, ending inside a value, a second value, over a limit, with a byte order
     * mark) is read again on its own, which finds what is wrong with it exactly as if it had
     * been read alone; the next line starts a new parser.
     */
    private Field parseInRun(byte[] bytes, int offset, int length, Field.Line line, boolean terminated)
            throws BadInputException {
        try {
            if (run == null) {
                run = JSON.createParser(bytes, offset, batchEnd - offset);
                runStart = offset;
            }
            if (tape.read(run) && tape.kind(0) == LineTape.OBJECT) {
                int valueEnd = runStart + (int) run.currentLocation().getByteOffset();
                int lineEnd = offset + length;
                if (valueEnd <= lineEnd && blank(bytes, valueEnd, lineEnd - valueEnd)) {
                    return Field.root(line);
                }
            }
        } catch (IOException notAsItIs) {
            // read on its own below
        }
        closeRun();
        return parse(bytes, offset, length, line, terminated);
    }

    private void closeRun() {
        if (run != null) {
            try {
                run.close();
            } catch (IOException inMemory) {
                // nothing to release but buffers
            }
            run = null;
        }
    }

    /** One JSON object per line. */
    private Field parse(byte[] bytes, int offset, int length, Field.Line line, boolean terminated) throws BadInputException {
        // A UTF-8 byte order mark, which an editor may put first, is not JSON; RFC 8259 lets a parser ignore it.
        int skipped = length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
                && bytes[offset + 2] == (byte) 0xBF ? 3 : 0;
        boolean some;
        try (JsonParser parser = JSON.createParser(bytes, offset + skipped, length - skipped)) {
            some = tape.read(parser);
            if (some && parser.nextToken() != null) {
                throw line.fail("more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            throw notJson(e, line, length - skipped, skipped, terminated);
        } catch (IOException e) { // not from bytes in memory
            throw line.fail("cannot read: " + e.getMessage());
        }
        if (!some) {
            throw line.fail("expected a JSON object, got nothing");
        }
        Field root = Field.root(line);
        if (tape.kind(0) != LineTape.OBJECT) {
            throw line.fail("expected a JSON object, got " + root.describe());
        }
        return root;
    }

    /**
     * Jackson's word for what is wrong, where: a line cut off (at the end of the file) or ending
     * inside a value, a limit passed, or the column where the line stops being JSON.
     */
    private static BadInputException notJson(JsonProcessingException e, Field.Line line, int length, int skipped,
            boolean terminated) {
        String where = line.source() + ": line " + line.number();
        if (e instanceof StreamConstraintsException) {
            return new BadInputException(where + ": too large or too deeply nested: " + plain(e.getOriginalMessage()), e);
        }
        JsonLocation at = e.getLocation();
        if (ranOut(e, at, length)) {
            return new BadInputException(where + (terminated ? ": incomplete JSON: the line ends inside a value"
                    : ": the last line is cut off (no newline at the end and not complete JSON)"), e);
        }
        // Jackson takes a lone carriage return for a new line; the byte offset is the column on ours.
        long column = at == null ? -1 : at.getByteOffset() >= 0 ? at.getByteOffset() + 1 + skipped : at.getColumnNr();
        return new BadInputException(where + (column > 0 ? ", column " + column : "") + ": not valid JSON: "
                + plain(e.getOriginalMessage()), e);
    }

    /**
     * Whether the parser stopped because the line ended: at the end of the input, or on the
     * start of a literal that runs to the end ({@code tr} of a cut {@code true}), which Jackson
     * calls an unrecognized token.
     */
    private static boolean ranOut(JsonProcessingException e, JsonLocation at, int length) {
        if (e instanceof JsonEOFException || at != null && at.getByteOffset() >= length) {
            return true;
        }
        String message = e.getOriginalMessage();
        String prefix = "Unrecognized token '";
        if (at == null || at.getByteOffset() < 0 || message == null || !message.startsWith(prefix)) {
            return false;
        }
        int end = message.indexOf('\'', prefix.length());
        String word = end < 0 ? "" : message.substring(prefix.length(), end);
        return !word.isEmpty() && at.getByteOffset() + word.length() >= length
                && ("true".startsWith(word) || "false".startsWith(word) || "null".startsWith(word));
    }

    /** Jackson's message without its hints at its own configuration, which a user cannot act on. */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll(", from `[^`]*`", "")
                .replaceAll(" \\(from `[^`]*`\\)", "")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(" \\(consider enabling `[^`]*`.*\\)$", "")
                .replaceAll(" \\(not recognized as one since Feature '[^']*' not enabled for parser\\)", "")
                .replaceAll("\\[Source: .*?; line: \\d+, column: (\\d+)\\]", "column $1");
    }
}
