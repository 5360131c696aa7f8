package paxosviz.trace.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import paxosviz.BadInputException;

/**
 * Splits a byte stream into lines no longer than a limit, so that a hostile file (one 10 GB
 * line) fails at the limit instead of filling memory. A line's bytes are valid until the next
 * call to {@link #next()}.
 */
final class LineReader {

    private static final int CHUNK_BYTES = 1 << 16;

    private final InputStream in;
    private final String source;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private int pos;
    private int end;
    private byte[] line = new byte[1 << 12];
    private int length;
    private long number;
    private boolean terminated;

    LineReader(InputStream in, String source, int maxLineBytes) {
        this.in = in;
        this.source = source;
        this.maxLineBytes = maxLineBytes;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException, BadInputException {
        number++;
        length = 0;
        boolean started = false;
        while (true) {
            if (pos == end) {
                end = Math.max(in.read(chunk), 0);
                pos = 0;
                if (end == 0) {
                    terminated = false;
                    return started;
                }
            }
            started = true;
            int start = pos;
            while (pos < end && chunk[pos] != '\n') {
                pos++;
            }
            append(start, pos - start);
            if (pos < end) {
                pos++;
                terminated = true;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
        }
    }

    private void append(int start, int count) throws BadInputException {
        if (count > maxLineBytes - length) {
            throw new BadInputException(source + ": line " + number + ": longer than " + (maxLineBytes >> 20)
                    + " MiB; not a trace line (is this a trace?)");
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + count, 2 * line.length)));
        }
        System.arraycopy(chunk, start, line, length, count);
        length += count;
    }

    /** The current line's number, from 1; while reading, the number of the line being read. */
    long number() {
        return number;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Whether the current line ended in a newline (the last line of a file may not). */
    boolean terminated() {
        return terminated;
    }

    /** Nothing but spaces, tabs and carriage returns. */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
