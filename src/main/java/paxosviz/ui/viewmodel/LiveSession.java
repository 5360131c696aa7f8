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

    private final ThreadedCluster cluster;
    private final ConcurrentLinkedQueue<TraceEvent> pending = new ConcurrentLinkedQueue<>();
    private final ExecutorService commands = Executors.newSingleThreadExecutor(daemon("cluster-commands"));
    private final ExecutorService checking = Executors.newSingleThreadExecutor(daemon("checker"));
    private final Checker checker;
    private volatile CheckReport lastReport;
    private long checkedSinceReport;

    public LiveSession(ClusterSpec spec, TraceSink recorder) {
        EventStream events = new EventStream();
        this.checker = new Checker(spec.nodes());
        this.cluster = new ThreadedCluster(spec, events);
        events.subscribe(pending::add);
        events.subscribe(event -> checking.execute(() -> check(event)));
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

    /** The checker's latest verdict, refreshed every few hundred events; null before the first. */
    public CheckReport report() {
        return lastReport;
    }

    private void check(TraceEvent event) {
        checker.accept(event);
        if (++checkedSinceReport >= 500 || event.body() instanceof paxosviz.trace.model.EventBody.End) {
            checkedSinceReport = 0;
            lastReport = checker.report();
        }
    }

    /** Forces a fresh verdict soon, whatever the number of events since the last one. */
    public void refreshReport() {
        checking.execute(() -> lastReport = checker.report());
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
