package paxosviz.trace.json;

import java.io.BufferedOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.scenario.json.ScenarioWriter;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.TraceSink;

/**
 * Writes a trace as JSON Lines: the header, then one event per line, each ending in a newline.
 * Equal input gives byte-for-byte equal output (fields in a fixed order). Output is buffered:
 * call {@link #flush()} to push it out, {@link #close()} to finish (and close the stream).
 * {@link #accept} throws {@link UncheckedIOException} when writing fails, as a sink cannot
 * throw checked exceptions. Safe to call from several threads; each line is written whole.
 */
public final class TraceWriter implements TraceSink, AutoCloseable, Flushable {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator out;

    /** Writes to a file, gzipped when its name ends in {@code .gz}. */
    public TraceWriter(Path file, TraceHeader header) throws IOException {
        this(open(file), header);
    }

    /** Writes to a stream, which the writer then owns and closes. */
    public TraceWriter(OutputStream stream, TraceHeader header) throws IOException {
        this.out = FACTORY.createGenerator(stream);
        out.setRootValueSeparator(null); // each line ends in '\n', written by hand
        try {
            writeHeader(header);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public synchronized void accept(TraceEvent event) {
        try {
            EventEncoder.event(event, out);
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    private void writeHeader(TraceHeader header) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "header");
        out.writeStringField("format", TraceHeader.FORMAT);
        out.writeNumberField("version", header.version());
        out.writeNumberField("nodes", header.nodes());
        out.writeStringField("runtime", header.runtime());
        if (header.seed() != null) {
            out.writeNumberField("seed", header.seed());
        }
        out.writeFieldName("scenario");
        if (header.scenario() == null) {
            out.writeStartObject();
            out.writeEndObject();
        } else {
            ScenarioWriter.write(header.scenario(), out);
            if (header.scenario().unsafe()) {
                // for whoever reads the file, not only this program: the run was unsafe on purpose
                out.writeStringField("unsafe", header.scenario().unsafeWhy());
            }
        }
        if (header.window() != null) {
            out.writeObjectFieldStart("window");
            out.writeNumberField("from", header.window().fromMillis());
            out.writeNumberField("until", header.window().untilMillis());
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private static OutputStream open(Path file) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".gz")) {
            try {
                return new FastGzip(stream);
            } catch (IOException e) {
                stream.close();
                throw e;
            }
        }
        return new BufferedOutputStream(stream, BUFFER_BYTES);
    }

    /** The fastest level: traces compress well even so, and a live run should not wait on the compressor. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
