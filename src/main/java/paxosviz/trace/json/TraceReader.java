package paxosviz.trace.json;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import paxosviz.BadInputException;
import paxosviz.trace.model.ReadCancelledException;
import paxosviz.trace.model.ReadProgress;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.TraceSink;

/**
 * Reads a trace (JSON Lines, plain or gzipped) and streams its events into a sink, so a trace
 * larger than memory can be read. Every problem is a {@link BadInputException} naming the file,
 * the line and the field, e.g.
 * {@code trace.jsonl: line 57: field "slot": expected an integer, got "x"}. Hostile input is
 * bounded: line length, nesting depth, string and number length, tokens per line.
 *
 * <p>A large trace is decoded on a few threads: this thread reads the file and cuts it into
 * batches of whole lines, decoding threads turn batches into events, and this thread hands the
 * events to the sink in their order, so the sink is called on the caller's thread only, event
 * after event, as if the file were read line by line; and events up to the first bad line are
 * handed over before its problem is thrown. Values repeated across events (a command in a dozen
 * events, a message sent and delivered, names, ballots) are one instance, so a trace held in
 * memory costs about 90 bytes an event. The decoding threads live only as long as the read; a
 * trace of one batch (128 KiB) is decoded on the caller's thread alone.
 */
public final class TraceReader {

    public static final int MAX_LINE_BYTES = 16 << 20;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_CHARS = 100;
    /** Bounds the values read for one line: 16 MiB of {@code ["a","a",...]} is 8 million of them. */
    public static final int MAX_TOKENS_PER_LINE = 1_000_000;
    /** The most nodes a trace may name; views draw every one of them. */
    public static final int MAX_NODES = 1000;

    private static final int BUFFER_BYTES = 1 << 16;
    /** Lines are decoded in batches of about this many bytes. */
    static final int BATCH_BYTES = 1 << 17;
    private static final int PROGRESS_BYTES = 1 << 16;
    /** Decoding threads: one a core, at most four; {@code -Dtrace.decoders=N} sets it. */
    private static final int DECODERS = Integer.getInteger("trace.decoders",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    private static final int MAX_BATCHES_IN_FLIGHT = 4 * DECODERS;
    /**
     * On two cores, the first large read of a JVM decodes its first 100 MB on one thread only:
     * the JIT compiler is busy with the decoders then and needs the other core (this makes a
     * cold read of a million events some 15% faster).
     */
    private static final int SOLO_BATCHES = Runtime.getRuntime().availableProcessors() <= 2 ? (100 << 20) / BATCH_BYTES : 0;
    private static volatile boolean warmedUp;
    /** Batches in flight hold at most this much text (more than the batch count allows only with very long lines). */
    private static final long MAX_BYTES_IN_FLIGHT = 64L << 20;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private TraceReader() {
    }

    /** Reads the file, gzipped or not, into {@code sink}; returns its header once every event was delivered. */
    public static TraceHeader read(Path file, TraceSink sink) throws BadInputException {
        return readWithHeader(file, header -> sink);
    }

    /**
     * Streams a trace file, choosing where its events go once its header is read: a consumer
     * such as the checker needs the number of nodes before the first event.
     */
    public static TraceHeader readWithHeader(Path file, Function<TraceHeader, TraceSink> sinkForHeader) throws BadInputException {
        try {
            return readWithHeader(file, sinkForHeader, ReadProgress.NONE);
        } catch (ReadCancelledException interrupted) {
            throw new BadInputException(file + ": reading was interrupted", interrupted);
        }
    }

    /**
     * As {@link #readWithHeader(Path, Function)}, telling {@code progress} how many bytes of the
     * file were read (about every 64 KiB) and stopping when it asks to, or when this thread is
     * interrupted. The sink is called on this thread.
     *
     * @throws ReadCancelledException when stopped before the end; the sink got some of the events
     */
    public static TraceHeader readWithHeader(Path file, Function<TraceHeader, TraceSink> sinkForHeader, ReadProgress progress)
            throws BadInputException, ReadCancelledException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(source + ": is a directory, not a trace file");
        }
        InputStream in;
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : -1;
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(source + ": cannot read: permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + reason(e), e);
        }
        return read(in, size, source, sinkForHeader, progress);
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
        try {
            return read(stream, -1, source, sinkForHeader, ReadProgress.NONE);
        } catch (ReadCancelledException interrupted) {
            throw new BadInputException(source + ": reading was interrupted", interrupted);
        }
    }

    private static TraceHeader read(InputStream stream, long size, String source, Function<TraceHeader, TraceSink> sinkForHeader,
            ReadProgress progress) throws BadInputException, ReadCancelledException {
        Counting counted = new Counting(stream);
        BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER_BYTES);
        boolean gzipped = false;
        try (InputStream closing = buffered) {
            gzipped = isGzip(buffered);
            try (InputStream data = gzipped ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered) {
                LineBatches batches = new LineBatches(data, MAX_LINE_BYTES, BATCH_BYTES, () -> counted.count);
                TraceHeader header = new Read(source, gzipped, batches, progress, size).run(sinkForHeader);
                progress.bytesRead(counted.count, size);
                return header;
            }
        } catch (IOException e) {
            if (interrupted(e)) {
                throw cancelled(source);
            }
            String problem = gzipped ? "not a readable gzip file: " : "cannot read: ";
            throw new BadInputException(source + ": " + problem + reason(e), e);
        }
    }

    /** One read of one trace: the header, then the events, batch after batch. */
    private static final class Read {
        private final String source;
        private final boolean gzipped;
        private final LineBatches batches;
        private final ReadProgress progress;
        private final long size;
        private final Shared shared = new Shared();
        private final ArrayDeque<Future<LineDecoder.Decoded>> inFlight = new ArrayDeque<>();
        private long bytesInFlight;
        private int submitted;
        private int solo;
        private ExecutorService pool;
        private TraceSink sink;
        private int nodes;
        private long lastSeq;
        private long reported;

        Read(String source, boolean gzipped, LineBatches batches, ReadProgress progress, long size) {
            this.source = source;
            this.gzipped = gzipped;
            this.batches = batches;
            this.progress = progress;
            this.size = size;
        }

        TraceHeader run(Function<TraceHeader, TraceSink> sinkForHeader) throws BadInputException, ReadCancelledException {
            LineBatches.Batch first;
            TraceHeader header;
            while (true) {
                first = nextBatch();
                if (first == null) {
                    throw new BadInputException(source + ": empty: no header line, so not a trace");
                }
                header = header(first);
                if (header != null) {
                    break;
                }
                batches.recycle(first);
            }
            nodes = header.nodes();
            sink = sinkForHeader.apply(header);
            try {
                events(first);
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            return header;
        }

        /** The header, if the batch has a line that is not blank; the batch then holds the lines after it. */
        private TraceHeader header(LineBatches.Batch batch) throws BadInputException {
            byte[] bytes = batch.bytes;
            int pos = batch.offset;
            int end = batch.offset + batch.length;
            long number = batch.firstLine;
            while (pos < end) {
                int newline = pos;
                while (newline < end && bytes[newline] != '\n') {
                    newline++;
                }
                int length = newline - pos;
                if (newline < end && length > 0 && bytes[newline - 1] == '\r') {
                    length--;
                }
                if (!LineDecoder.blank(bytes, pos, length)) {
                    boolean terminated = newline < end || !batch.lastLineUnterminated;
                    TraceHeader header = new LineDecoder(source, shared, 1).header(bytes, pos, length, number, terminated);
                    int next = Math.min(newline + 1, end);
                    batch.length -= next - batch.offset;
                    batch.offset = next;
                    batch.firstLine = number + 1;
                    return header;
                }
                pos = newline + 1;
                number++;
            }
            return null;
        }

        /** Decodes the batches, on this thread while there is only one, else on the pool, and delivers them in order. */
        private void events(LineBatches.Batch first) throws BadInputException, ReadCancelledException {
            // Each decoding thread has its own decoder; the pool's threads end with the read, and their decoders with them.
            ThreadLocal<LineDecoder> decoders = ThreadLocal.withInitial(() -> new LineDecoder(source, shared, nodes));
            LineBatches.Batch batch = first;
            BadInputException readProblem = null;
            while (batch != null) {
                LineBatches.Batch next = null;
                try {
                    next = nextBatch();
                } catch (BadInputException e) {
                    readProblem = e;
                }
                if (pool == null && next == null) {
                    deliver(new LineDecoder(source, shared, nodes).decode(batch)); // one batch: no thread needed
                } else {
                    submit(batch, decoders);
                }
                if (readProblem != null) {
                    break;
                }
                batch = next;
            }
            while (!inFlight.isEmpty()) {
                deliverOldest();
            }
            if (readProblem != null) {
                throw readProblem;
            }
        }

        private void submit(LineBatches.Batch batch, ThreadLocal<LineDecoder> decoders)
                throws BadInputException, ReadCancelledException {
            if (pool == null) {
                solo = warmedUp ? 0 : SOLO_BATCHES;
                int start = solo > 0 ? 1 : DECODERS;
                pool = new ThreadPoolExecutor(start, start, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "trace-decoder-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
            }
            if (++submitted == solo) {
                warmedUp = true;
                ((ThreadPoolExecutor) pool).setMaximumPoolSize(DECODERS);
                ((ThreadPoolExecutor) pool).setCorePoolSize(DECODERS);
            }
            inFlight.add(pool.submit(() -> decoders.get().decode(batch)));
            bytesInFlight += batch.length;
            while (inFlight.size() >= MAX_BATCHES_IN_FLIGHT || bytesInFlight > MAX_BYTES_IN_FLIGHT) {
                deliverOldest();
            }
        }

        private void deliverOldest() throws BadInputException, ReadCancelledException {
            LineDecoder.Decoded decoded;
            try {
                decoded = inFlight.remove().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(source);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
            bytesInFlight -= decoded.batch.length;
            deliver(decoded);
        }

        /** Hands the batch's events to the sink: they are the next ones, so their seqs follow the last one delivered. */
        private void deliver(LineDecoder.Decoded decoded) throws BadInputException, ReadCancelledException {
            if (decoded.hasFirstSeq && decoded.firstSeq <= lastSeq) {
                throw new Field.Line(source, decoded.firstSeqLine, nodes)
                        .fail("field \"seq\": " + LineDecoder.seqProblem(decoded.firstSeq, lastSeq));
            }
            TraceEvent[] events = decoded.events;
            for (int i = 0; i < decoded.count; i++) {
                sink.accept(events[i]);
            }
            if (decoded.count > 0) {
                lastSeq = events[decoded.count - 1].seq();
            }
            if (decoded.error != null) {
                throw decoded.error;
            }
            batches.recycle(decoded.batch);
            long done = decoded.batch.fileBytes;
            if (done - reported >= PROGRESS_BYTES) {
                reported = done;
                progress.bytesRead(done, size);
            }
            checkCancelled();
        }

        private LineBatches.Batch nextBatch() throws BadInputException, ReadCancelledException {
            checkCancelled();
            try {
                return batches.next();
            } catch (LineBatches.LineTooLongException e) {
                throw new BadInputException(source + ": line " + e.line + ": longer than " + (MAX_LINE_BYTES >> 20)
                        + " MiB; not a trace line (is this a trace?)");
            } catch (LineBatches.ReadFailedException e) {
                IOException cause = (IOException) e.getCause();
                if (interrupted(cause)) {
                    throw cancelled(source);
                }
                String problem = gzipped ? "the gzip data is truncated or corrupt (" + reason(cause) + ")"
                        : "cannot read: " + reason(cause);
                throw new BadInputException(source + ": line " + e.line + ": " + problem, cause);
            } catch (IOException e) {
                throw new BadInputException(source + ": cannot read: " + reason(e), e);
            }
        }

        private void checkCancelled() throws ReadCancelledException {
            if (Thread.currentThread().isInterrupted()) {
                throw cancelled(source);
            }
            if (progress.cancelRequested()) {
                throw new ReadCancelledException(source + ": reading was cancelled");
            }
        }
    }

    private static ReadCancelledException cancelled(String source) {
        Thread.currentThread().interrupt();
        return new ReadCancelledException(source + ": reading was interrupted");
    }

    private static boolean interrupted(IOException e) {
        return e instanceof ClosedByInterruptException || e instanceof InterruptedIOException
                || Thread.currentThread().isInterrupted();
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

    /** Counts the bytes read from the file, for progress (a gzip's compressed bytes). */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
