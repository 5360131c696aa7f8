package paxosviz.trace.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cuts a byte stream into batches of whole lines, each a few dozen KiB, so that batches can be
 * decoded on other threads. A line is never longer than a limit: a hostile file (one 10 GB line)
 * fails once the limit is passed, having read no more than that. Not thread-safe: one thread
 * takes batches and gives their buffers back.
 */
final class LineBatches {

    /** Whole lines {@code bytes[offset, offset + length)}, the first of them line {@code firstLine}. */
    static final class Batch {
        final byte[] bytes;
        int offset;
        int length;
        long firstLine;
        /** The stream's last line is in this batch and has no newline. */
        boolean lastLineUnterminated;
        /** How many bytes of the underlying file had been read when this batch was cut. */
        long fileBytes;

        Batch(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** A line longer than the limit: {@code line} is its number. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        LineTooLongException(long line) {
            super("line " + line + " is too long");
            this.line = line;
        }
    }

    /** The number of the line being read when reading failed. */
    static final class ReadFailedException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        ReadFailedException(long line, IOException cause) {
            super(cause.getMessage(), cause);
            this.line = line;
        }
    }

    private static final int KEPT_BUFFERS = 16;

    private final InputStream in;
    private final int maxLineBytes;
    private final int batchBytes;
    private final ByteCount fileBytes;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    /** The start of the line that did not fit in the last batch. */
    private byte[] carry = new byte[0];
    private int carried;
    private long nextLine = 1;
    private boolean ended;
    /** A read that failed after some whole lines, thrown once those were handed out. */
    private ReadFailedException failed;

    /** {@code fileBytes}: how many bytes of the file were read so far (for a gzip, fewer than this stream gives). */
    LineBatches(InputStream in, int maxLineBytes, int batchBytes, ByteCount fileBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.batchBytes = batchBytes;
        this.fileBytes = fileBytes;
    }

    /** How many bytes of the underlying file were read so far. */
    @FunctionalInterface
    interface ByteCount {
        long get();
    }

    /** The next batch, null at the end of the stream. */
    Batch next() throws IOException {
        if (failed != null) {
            throw failed;
        }
        if (ended && carried == 0) {
            return null;
        }
        byte[] buffer = carried < batchBytes ? buffer() : new byte[Math.min(maxLineBytes + 1, carried * 2)];
        System.arraycopy(carry, 0, buffer, 0, carried);
        int filled = carried;
        carried = 0;
        int scanned = filled; // no newline in buffer[0, scanned): the carried start of a line has none
        while (true) {
            while (!ended && filled < buffer.length) {
                int n;
                try {
                    n = in.read(buffer, filled, buffer.length - filled);
                } catch (IOException e) {
                    // The lines before the one being read are whole: hand them out first.
                    int cut = lastNewline(buffer, scanned, filled);
                    if (cut < 0) {
                        throw new ReadFailedException(nextLine, e);
                    }
                    Batch batch = batch(buffer, cut + 1, false);
                    failed = new ReadFailedException(nextLine, e);
                    return batch;
                }
                if (n < 0) {
                    ended = true;
                } else {
                    filled += n;
                }
            }
            int cut = lastNewline(buffer, scanned, filled);
            if (cut >= 0) {
                keep(buffer, cut + 1, filled);
                return batch(buffer, cut + 1, false);
            }
            if (filled > maxLineBytes) {
                throw new LineTooLongException(nextLine);
            }
            if (ended) {
                return filled == 0 ? null : batch(buffer, filled, true);
            }
            // One line fills the buffer: it may grow up to the longest line allowed, and its newline.
            scanned = filled;
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxLineBytes + 1L, 2L * buffer.length));
        }
    }

    /** Takes back a batch's buffer once its lines were decoded. */
    void recycle(Batch batch) {
        if (batch.bytes.length == batchBytes && free.size() < KEPT_BUFFERS) {
            free.push(batch.bytes);
        }
    }

    private byte[] buffer() {
        byte[] buffer = free.poll();
        return buffer != null ? buffer : new byte[batchBytes];
    }

    private void keep(byte[] buffer, int from, int to) {
        carried = to - from;
        if (carry.length < carried) {
            carry = new byte[Math.max(carried, Math.min(batchBytes, 2 * carry.length))];
        }
        System.arraycopy(buffer, from, carry, 0, carried);
        if (carry.length > batchBytes && carried <= batchBytes) {
            carry = Arrays.copyOf(carry, batchBytes); // let go of a buffer grown for one long line
        }
    }

    private Batch batch(byte[] buffer, int length, boolean unterminated) {
        Batch batch = new Batch(buffer);
        batch.length = length;
        batch.firstLine = nextLine;
        batch.lastLineUnterminated = unterminated;
        batch.fileBytes = fileBytes.get();
        long newlines = 0;
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                newlines++;
            }
        }
        nextLine += newlines;
        return batch;
    }

    private static int lastNewline(byte[] buffer, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
