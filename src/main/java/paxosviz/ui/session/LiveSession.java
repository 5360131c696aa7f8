package paxosviz.ui.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import paxosviz.BadInputException;
import paxosviz.check.CheckReport;
import paxosviz.check.Checker;
import paxosviz.core.Address;
import paxosviz.core.OpType;
import paxosviz.net.LinkParams;
import paxosviz.runtime.ClientSession;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.LiveCluster;
import paxosviz.trace.json.TraceReader;
import paxosviz.trace.json.TraceWriter;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.TraceSink;
import paxosviz.viewstate.ViewState;

/**
 * A cluster running now, as the window sees it. Its events queue up here and are folded into
 * the view state once per frame; the checker judges them on a thread of its own; every event
 * is also spooled to a temporary trace file, so the session can be exported or replayed at
 * any time. Every command goes through one background thread, so the FX thread never waits
 * on the cluster.
 */
public final class LiveSession implements Session, LiveControls {

    /** Most events folded in one frame; the rest wait for the next. */
    public static final int EVENTS_PER_FRAME = 20_000;
    private static final long REPORT_INTERVAL_NANOS = 500_000_000L;
    private static final List<String> CLIENT_NAMES = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");

    private final SessionInfo info;
    private final TraceHeader header;
    private final LinkParams network;
    private final EventStream events = new EventStream();
    private final ViewState state;
    private final ConcurrentLinkedQueue<TraceEvent> pending = new ConcurrentLinkedQueue<>();
    private final ExecutorService commands = Executors.newSingleThreadExecutor(daemon("cluster-commands"));
    private final ExecutorService checking = Executors.newSingleThreadExecutor(daemon("checker"));
    private final ConcurrentLinkedQueue<TraceEvent> unchecked = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean checkScheduled = new AtomicBoolean();
    private final Checker checker;
    private final Spool spool;
    private volatile LiveCluster cluster;
    private volatile CheckReport lastReport;
    private volatile boolean reportWanted;
    private long reportDueNanos;
    private long violationsReported;

    /**
     * {@code network}: the links' parameters at the start; {@code recorder} also gets every
     * event (null: none); {@code launcher} builds the cluster, on the command thread.
     */
    public LiveSession(SessionInfo info, TraceHeader header, LinkParams network, TraceSink recorder, ClusterLauncher launcher) {
        this.info = info;
        this.header = header;
        this.network = network;
        this.state = new ViewState(info.nodes(), info.protocol());
        this.checker = new Checker(info.nodes());
        this.spool = Spool.open(header);
        events.subscribe(pending::add);
        events.subscribe(this::queueForChecker);
        if (spool != null) {
            events.subscribe(spool.writer);
        }
        if (recorder != null) {
            events.subscribe(recorder);
        }
        commands.execute(() -> cluster = launcher.launch(events));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    /** The links' parameters the session started with (changes since are events). */
    public LinkParams network() {
        return network;
    }

    /** The trace header this session's events go under. */
    public TraceHeader header() {
        return header;
    }

    @Override
    public ViewState state() {
        return state;
    }

    @Override
    public Frame frame() {
        List<TraceEvent> batch = new ArrayList<>();
        TraceEvent event;
        while (batch.size() < EVENTS_PER_FRAME && (event = pending.poll()) != null) {
            state.apply(event);
            batch.add(event);
        }
        boolean moving = state.flight().size() > 0;
        return batch.isEmpty() && !moving ? Frame.NOTHING : new Frame(batch, false, true);
    }

    @Override
    public double nowMillis() {
        LiveCluster running = cluster;
        return running == null ? 0 : running.now() / 1000.0;
    }

    @Override
    public Safety safety() {
        return new Safety(lastReport, null, false);
    }

    @Override
    public LiveControls live() {
        return this;
    }

    @Override
    public ReplaySession replay() {
        return null;
    }

    // ---------------------------------------------------------------- the checker

    private void queueForChecker(TraceEvent event) {
        unchecked.add(event);
        scheduleCheck();
    }

    /** Makes sure the checker's thread will look at the queue (once, however many events arrive meanwhile). */
    private void scheduleCheck() {
        if (checkScheduled.compareAndSet(false, true)) {
            try {
                checking.execute(this::check);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                checkScheduled.set(false);
            }
        }
    }

    /**
     * On the checker's thread: reads every queued event, then reports if a violation turned up
     * (at once) or if a report is due. A report sweeps the whole history, so the next one waits
     * four times as long as this one took: the checker keeps up however long the session grows.
     * Live reports take linearizability from the agreed log (sound when it covers every answer);
     * the independent search runs at the end and when asked for.
     */
    private void check() {
        checkScheduled.set(false);
        TraceEvent event;
        boolean ended = false;
        while ((event = unchecked.poll()) != null) {
            checker.accept(event);
            ended |= event.body() instanceof EventBody.End;
        }
        long now = System.nanoTime();
        boolean foundNew = checker.violationsFound() > violationsReported;
        if (foundNew || ended || reportWanted || now >= reportDueNanos) {
            boolean search = ended || reportWanted;
            reportWanted = false;
            violationsReported = checker.violationsFound();
            lastReport = checker.report(search);
            long took = System.nanoTime() - now;
            reportDueNanos = System.nanoTime() + Math.max(REPORT_INTERVAL_NANOS, 4 * took);
        }
    }

    /** Asks for a report with the linearizability search at the checker's next look, whatever the cadence. */
    public void refreshReport() {
        reportWanted = true;
        scheduleCheck();
    }

    // ---------------------------------------------------------------- the trace so far

    /**
     * The session's trace so far, read back from its spool: for export and for replaying the
     * session. Waits for the commands given before; call it off the FX thread.
     */
    public ReplaySource traceSoFar() throws BadInputException {
        List<TraceEvent> read = new ArrayList<>();
        TraceHeader written = readTraceSoFar(read::add);
        return new ReplaySource(written, read, info.title());
    }

    /**
     * Streams the session's trace so far from its spool to {@code sink}, keeping none of it
     * (for a scan of a long session); returns its header. Call it off the FX thread.
     */
    public TraceHeader readTraceSoFar(TraceSink sink) throws BadInputException {
        if (spool == null) {
            throw new BadInputException("this session's trace could not be kept (no room for a temporary file)");
        }
        long bytes = awaitOnCommands(spool::flushedBytes);
        try (InputStream in = spool.prefix(bytes)) {
            return TraceReader.read(in, spool.file.toString(), sink);
        } catch (IOException e) {
            throw new BadInputException(spool.file + ": cannot read the session's trace back: " + e.getMessage(), e);
        }
    }

    private long awaitOnCommands(java.util.concurrent.Callable<Long> task) throws BadInputException {
        Future<Long> done = commands.submit(task);
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("interrupted while reading the session's trace", e);
        } catch (Exception e) {
            throw new BadInputException("the session's trace cannot be read back: " + e.getMessage(), e);
        }
    }

    /** A temporary file holding every event of the session, deleted when it closes. */
    private static final class Spool {
        final Path file;
        final TraceWriter writer;

        private Spool(Path file, TraceWriter writer) {
            this.file = file;
            this.writer = writer;
        }

        static Spool open(TraceHeader header) {
            try {
                Path file = Files.createTempFile("paxosviz-session-", ".jsonl");
                file.toFile().deleteOnExit();
                return new Spool(file, new TraceWriter(file, header));
            } catch (IOException e) {
                return null;
            }
        }

        /** Pushes everything written so far to the file; returns how long it is: complete lines only. */
        long flushedBytes() throws IOException {
            synchronized (writer) {
                writer.flush();
                return Files.size(file);
            }
        }

        InputStream prefix(long bytes) throws IOException {
            return new java.io.BufferedInputStream(new BoundedStream(Files.newInputStream(file), bytes));
        }

        void delete() {
            try {
                writer.close();
                Files.deleteIfExists(file);
            } catch (IOException | java.io.UncheckedIOException e) {
                // a temporary file left behind is deleted on exit
            }
        }
    }

    /** At most {@code limit} bytes of a stream: the part of a spool written before a flush. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private long left;

        BoundedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    // ---------------------------------------------------------------- controls

    private void command(Consumer<LiveCluster> action) {
        try {
            commands.execute(() -> {
                LiveCluster running = cluster;
                if (running != null) {
                    action.accept(running);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the session is closing; nothing more to do to its cluster
        }
    }

    /**
     * Does something to the cluster by hand, saying so on the event stream first, in order with
     * it: a trace then shows what was done, and where a run stops being what its seed alone makes.
     */
    private void byHand(String action, Consumer<LiveCluster> change) {
        command(c -> {
            c.mark(action);
            change.accept(c);
        });
    }

    private static String copyText(int copy) {
        return copy == paxosviz.trace.model.EventBody.ANY_COPY ? "" : " (copy " + copy + ")";
    }

    @Override
    public void cut(int from, int to, boolean oneWay) {
        byHand("cut n" + from + (oneWay ? " → n" : " ⇄ n") + to, c -> c.cut(from, to, oneWay));
    }

    @Override
    public void restore(int from, int to, boolean oneWay) {
        byHand("restore n" + from + (oneWay ? " → n" : " ⇄ n") + to, c -> c.restore(from, to, oneWay));
    }

    @Override
    public void isolate(int node) {
        byHand("isolate n" + node, c -> c.isolate(node));
    }

    @Override
    public void partition(List<List<Address>> groups) {
        byHand("partition " + groups, c -> c.partition(groups));
    }

    @Override
    public void heal() {
        byHand("heal", LiveCluster::heal);
    }

    @Override
    public void crash(int node) {
        byHand("crash n" + node, c -> c.crash(node));
    }

    @Override
    public void restart(int node) {
        byHand("restart n" + node, c -> c.restart(node));
    }

    @Override
    public void hold(long id, int copy) {
        byHand("hold message #" + id + copyText(copy), c -> c.hold(id, copy));
    }

    @Override
    public void release(long id, int copy) {
        byHand("release message #" + id + copyText(copy), c -> c.release(id, copy));
    }

    @Override
    public void deliverNow(long id, int copy) {
        byHand("deliver message #" + id + copyText(copy) + " now", c -> c.deliverNow(id, copy));
    }

    @Override
    public void drop(long id, int copy) {
        byHand("drop message #" + id + copyText(copy), c -> c.drop(id, copy));
    }

    @Override
    public void duplicate(long id, int copy) {
        byHand("duplicate message #" + id + copyText(copy), c -> c.duplicate(id, copy));
    }

    @Override
    public void submit(String client, OpType type, String key, String value, String expect) {
        ClientSession.Request request = new ClientSession.Request(type, key, value, expect);
        byHand(client + " sends " + type.wireName() + " " + key, c -> c.submit(client, request));
    }

    @Override
    public void setSpeed(double speed) {
        command(c -> c.setSpeed(speed));
    }

    @Override
    public void pause() {
        command(c -> {
            try {
                c.pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Once the scenario recorded its end, running on is an action by hand: a re-run from the seed would stop there. */
    @Override
    public void resume() {
        if (state.ended()) {
            byHand("run on after the scenario's end", LiveCluster::resume);
        } else {
            command(LiveCluster::resume);
        }
    }

    @Override
    public void step() {
        command(c -> {
            try {
                if (c.paused()) {
                    c.step();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void setNetwork(double minDelayMs, double maxDelayMs, double drop, double duplicate) {
        LinkParams params = LinkParams.ofMillis(Math.min(minDelayMs, maxDelayMs), Math.max(minDelayMs, maxDelayMs), drop, duplicate);
        byHand(String.format(java.util.Locale.ROOT, "network: delay %.0f–%.0f ms, drop %.2f, duplicate %.2f",
                params.minDelayMs(), params.maxDelayMs(), drop, duplicate), c -> c.setNetwork(params));
    }

    @Override
    public void setWorkload(boolean on, double ratePerSec, int clients) {
        List<String> names = clientNames(clients);
        byHand(on ? "workload of " + clients + " clients at " + ratePerSec + "/s" : "workload off", c -> {
            if (on && ratePerSec > 0 && clients > 0) {
                c.startBackgroundLoad(names, LiveDefaults.WORKLOAD_KEYS, ratePerSec);
            } else {
                c.stopClients();
            }
        });
    }

    /** The workload's client names: friendly ones first, then numbered. */
    static List<String> clientNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(i < CLIENT_NAMES.size() ? CLIENT_NAMES.get(i) : "client" + (i + 1));
        }
        return names;
    }

    /** Runs {@code action} on the cluster on the command thread, after every command before it (tests and benchmarks). */
    public void withCluster(Consumer<LiveCluster> action) {
        command(action);
    }

    // ---------------------------------------------------------------- ending

    /** Records every node's final state, and waits (a little) for it: the window is closing. */
    public void finish() {
        Future<?> done = commands.submit(() -> {
            LiveCluster running = cluster;
            if (running != null) {
                running.finish();
            }
        });
        try {
            done.get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the end state is missing from the trace; everything before it is there
        }
    }

    /** Stops the cluster's threads first, then the checker and the spool, so that no late event finds them gone. */
    @Override
    public void close() {
        try {
            commands.execute(() -> {
                LiveCluster running = cluster;
                if (running != null) {
                    running.close();
                }
                checking.shutdown();
                if (spool != null) {
                    spool.delete();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException alreadyClosed) {
            return;
        }
        commands.shutdown();
    }
}
