package paxosviz.ui.viewmodel;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import paxosviz.check.CheckReport;
import paxosviz.check.Checker;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.threads.ThreadedCluster;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceSink;

/**
 * One live cluster as the views see it. The cluster runs on its own threads; every command to
 * it goes through one background thread, so the FX thread never waits on the cluster. Events
 * queue up here and the views take them in one batch per frame; the checker judges them on a
 * thread of its own.
 */
public final class LiveSession implements AutoCloseable {

    private static final long REPORT_INTERVAL_NANOS = 500_000_000L;

    private final ThreadedCluster cluster;
    private final ConcurrentLinkedQueue<TraceEvent> pending = new ConcurrentLinkedQueue<>();
    private final ExecutorService commands = Executors.newSingleThreadExecutor(daemon("cluster-commands"));
    private final ExecutorService checking = Executors.newSingleThreadExecutor(daemon("checker"));
    private final ConcurrentLinkedQueue<TraceEvent> unchecked = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean checkScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private final Checker checker;
    private volatile CheckReport lastReport;
    private long reportDueNanos;
    private long violationsReported;
    private volatile boolean reportWanted;

    public LiveSession(ClusterSpec spec, TraceSink recorder) {
        EventStream events = new EventStream();
        this.checker = new Checker(spec.nodes());
        this.cluster = new ThreadedCluster(spec, events);
        events.subscribe(pending::add);
        events.subscribe(this::queueForChecker);
        if (recorder != null) {
            events.subscribe(recorder);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public ClusterSpec spec() {
        return cluster.spec();
    }

    /** The cluster, for reads that do not block (clock, topology, messages in flight). */
    public ThreadedCluster cluster() {
        return cluster;
    }

    public void start() {
        commands.execute(cluster::start);
    }

    /** Runs {@code command} against the cluster on the command thread; returns at once. */
    public void command(Consumer<ThreadedCluster> command) {
        commands.execute(() -> command.accept(cluster));
    }

    /** Moves the events that arrived since the last call into {@code batch}, at most {@code limit}. */
    public int drain(List<TraceEvent> batch, int limit) {
        int taken = 0;
        TraceEvent event;
        while (taken < limit && (event = pending.poll()) != null) {
            batch.add(event);
            taken++;
        }
        return taken;
    }

    /** The checker's latest verdict (refreshed at least every half second, at once on a violation); null before the first. */
    public CheckReport report() {
        return lastReport;
    }

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
            ended |= event.body() instanceof paxosviz.trace.model.EventBody.End;
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

    /** Records every node's final state, and waits (a little) for it: the window is closing. */
    public void finish() {
        java.util.concurrent.Future<?> done = commands.submit(cluster::finish);
        try {
            done.get(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the end state is missing from the trace; everything before it is there
        }
    }

    /** Stops the cluster's threads first, then the checker, so that no late event finds the checker gone. */
    @Override
    public void close() {
        commands.execute(() -> {
            cluster.close();
            checking.shutdown();
        });
        commands.shutdown();
    }
}
