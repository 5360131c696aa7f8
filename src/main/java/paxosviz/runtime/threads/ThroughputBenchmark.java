package paxosviz.runtime.threads;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import paxosviz.core.OpType;
import paxosviz.core.ReplicaStatus;
import paxosviz.core.Role;
import paxosviz.net.LinkParams;
import paxosviz.runtime.ClientSession;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.scenario.Protocol;

/**
 * Measures the live threaded runtime as production consensus libraries are measured: a cluster
 * in one JVM with no simulated network delay, and closed-loop clients each doing one put after
 * another; nobody listens to the event stream, so nothing is recorded.
 */
public final class ThroughputBenchmark {

    /** What one run measured. */
    public record Result(int nodes, int clients, double seconds, long operations, double opsPerSec,
            double p50Ms, double p99Ms, double maxMs) {
    }

    private final int nodes;
    private final int clients;
    private final Recorder latencies = new Recorder(3);
    private final AtomicLong completed = new AtomicLong();

    public ThroughputBenchmark(int nodes, int clients) {
        this.nodes = nodes;
        this.clients = clients;
    }

    public Result run(double warmupSeconds, double seconds) throws InterruptedException {
        ClusterSpec spec = ClusterSpec.defaults(nodes, Protocol.MULTIPAXOS).withNetwork(new LinkParams(0, 0, 0, 0));
        try (ThreadedCluster cluster = new ThreadedCluster(spec, new EventStream())) {
            cluster.start();
            awaitLeader(cluster);
            cluster.withClients(() -> startClients(cluster));
            sleep(warmupSeconds);
            latencies.reset();
            long before = completed.get();
            long start = System.nanoTime();
            sleep(seconds);
            long operations = completed.get() - before;
            double elapsed = (System.nanoTime() - start) / 1e9;
            Histogram histogram = latencies.getIntervalHistogram();
            return new Result(nodes, clients, elapsed, operations, operations / elapsed,
                    histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
                    histogram.getMaxValue() / 1e6);
        }
    }

    /** On the client actor: every client puts, and on each answer records the latency and puts again. */
    private void startClients(ThreadedCluster cluster) {
        Map<ClientSession, Long> startedAt = new HashMap<>();
        for (int i = 1; i <= clients; i++) {
            ClientSession session = cluster.client("bench" + i);
            String key = "k" + i;
            long[] sequence = {0};
            session.onIdle(done -> {
                latencies.recordValue(System.nanoTime() - startedAt.get(done));
                completed.incrementAndGet();
                put(done, key, ++sequence[0], startedAt);
            });
            put(session, key, 0, startedAt);
        }
    }

    private static void put(ClientSession session, String key, long n, Map<ClientSession, Long> startedAt) {
        startedAt.put(session, System.nanoTime());
        session.submit(new ClientSession.Request(OpType.PUT, key, Long.toString(n), null));
    }

    private void awaitLeader(ThreadedCluster cluster) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            for (int node = 0; node < nodes; node++) {
                ReplicaStatus status = cluster.status(node);
                if (status != null && status.role() == Role.LEADER) {
                    return;
                }
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("no leader was elected within 5 s");
    }

    private static void sleep(double seconds) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(Math.round(seconds * 1000));
    }
}
