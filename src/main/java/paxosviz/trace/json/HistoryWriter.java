package paxosviz.trace.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.core.OpId;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceSink;

/**
 * The client history of a trace, one JSON line per operation: who invoked what, when it was
 * invoked and when answered (seq and time), the outcome and the result. An operation is written
 * when it returns; those never answered are written at the end with {@code "return": null} and
 * outcome {@code "pending"}. Only operations invoked within {@code [from, until]} are kept.
 */
public final class HistoryWriter implements TraceSink, Closeable {

    private record Invoked(EventBody.Invoke invoke, long seq, double t) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private final double from;
    private final double until;
    private final Map<OpId, Invoked> open = new LinkedHashMap<>();

    public HistoryWriter(OutputStream out, double from, double until) throws IOException {
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.json.setRootValueSeparator(null);
        this.from = from;
        this.until = until;
    }

    @Override
    public void accept(TraceEvent event) {
        try {
            if (event.body() instanceof EventBody.Invoke invoke && event.t() >= from && event.t() <= until) {
                open.put(invoke.op().id(), new Invoked(invoke, event.seq(), event.t()));
            } else if (event.body() instanceof EventBody.Return answer) {
                Invoked invoked = open.remove(answer.op().id());
                if (invoked != null) {
                    write(invoked, answer, event);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Invoked invoked, EventBody.Return answer, TraceEvent returned) throws IOException {
        json.writeStartObject();
        json.writeStringField("client", invoked.invoke().client());
        json.writeFieldName("op");
        ValueEncoder.command(invoked.invoke().op(), json);
        json.writeFieldName("invoke");
        point(invoked.seq(), invoked.t());
        if (answer == null) {
            json.writeNullField("return");
            json.writeStringField("outcome", "pending");
        } else {
            json.writeFieldName("return");
            point(returned.seq(), returned.t());
            json.writeStringField("outcome", answer.outcome().wireName());
            if (answer.result() != null) {
                json.writeFieldName("result");
                ValueEncoder.result(answer.result(), json);
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void point(long seq, double t) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", seq);
        json.writeNumberField("t", t);
        json.writeEndObject();
    }

    /** Writes the operations never answered, then closes the output. */
    @Override
    public void close() throws IOException {
        for (Invoked invoked : open.values()) {
            write(invoked, null, null);
        }
        open.clear();
        json.close();
    }
}
