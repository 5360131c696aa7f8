package paxosviz.trace.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.trace.model.TraceEvent;

/**
 * An event's canonical JSON: the very line {@link TraceWriter} writes for it, without the
 * newline. Two events are the same event when these are equal, every field counted. Reuses one
 * buffer: not thread-safe, one per thread.
 */
public final class EventJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Bytes bytes = new Bytes();
    private final JsonGenerator out;
    private byte[] first = new byte[256];

    public EventJson() {
        try {
            out = FACTORY.createGenerator(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.setRootValueSeparator(null);
    }

    /** The event's line. */
    public String line(TraceEvent event) {
        encode(event);
        return new String(bytes.buffer, 0, bytes.length, StandardCharsets.UTF_8);
    }

    /** Whether the two events have the same line. */
    public boolean same(TraceEvent a, TraceEvent b) {
        encode(a);
        int length = bytes.length;
        if (first.length < length) {
            first = new byte[Math.max(length, 2 * first.length)];
        }
        System.arraycopy(bytes.buffer, 0, first, 0, length);
        encode(b);
        return Arrays.equals(first, 0, length, bytes.buffer, 0, bytes.length);
    }

    private void encode(TraceEvent event) {
        bytes.length = 0;
        try {
            EventEncoder.event(event, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A growable byte buffer that can start over. */
    private static final class Bytes extends OutputStream {
        byte[] buffer = new byte[1 << 10];
        int length;

        @Override
        public void write(int b) {
            ensure(1);
            buffer[length++] = (byte) b;
        }

        @Override
        public void write(byte[] data, int offset, int count) {
            ensure(count);
            System.arraycopy(data, offset, buffer, length, count);
            length += count;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(length + more, 2 * buffer.length));
            }
        }
    }
}
