package paxosviz.core;

/**
 * Tunables of one Multi-Paxos cluster. Times are microseconds of the host's clock.
 *
 * @param snapshotInterval take a snapshot every this many applied slots
 * @param retainedTail     after a snapshot keep this many chosen slots below it, so a peer a
 *                         little behind catches up from entries rather than a whole snapshot
 * @param maxBatch         most commands in one accept message
 * @param maxInflight      most proposed but not yet chosen slots (the pipeline window)
 * @param catchupChunk     most chosen commands in one catch-up reply
 * @param maxBackoff       how far the election timeout may be multiplied after failed elections
 */
public record PaxosConfig(
        int nodes,
        long heartbeatMicros,
        long electionMinMicros,
        long electionMaxMicros,
        int snapshotInterval,
        int retainedTail,
        int maxBatch,
        int maxInflight,
        int catchupChunk,
        int maxBackoff) {

    public PaxosConfig {
        if (nodes < 1 || nodes > 63) {
            throw new IllegalArgumentException("nodes must be 1..63, got " + nodes);
        }
        if (heartbeatMicros <= 0 || electionMinMicros <= heartbeatMicros || electionMaxMicros < electionMinMicros) {
            throw new IllegalArgumentException("need 0 < heartbeat < election min <= election max");
        }
        if (snapshotInterval < 1 || retainedTail < 0 || maxBatch < 1 || maxInflight < 1 || catchupChunk < 1 || maxBackoff < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
    }

    public static PaxosConfig defaults(int nodes) {
        return new PaxosConfig(nodes, 50_000, 150_000, 300_000, 1000, 1000, 256, 4096, 4096, 8);
    }

    public int quorum() {
        return nodes / 2 + 1;
    }

    public PaxosConfig withTiming(long heartbeat, long electionMin, long electionMax) {
        return new PaxosConfig(nodes, heartbeat, electionMin, electionMax, snapshotInterval, retainedTail,
                maxBatch, maxInflight, catchupChunk, maxBackoff);
    }

    public PaxosConfig withCompaction(int interval, int tail) {
        return new PaxosConfig(nodes, heartbeatMicros, electionMinMicros, electionMaxMicros, interval, tail,
                maxBatch, maxInflight, catchupChunk, maxBackoff);
    }

    public PaxosConfig withCatchupChunk(int chunk) {
        return new PaxosConfig(nodes, heartbeatMicros, electionMinMicros, electionMaxMicros, snapshotInterval,
                retainedTail, maxBatch, maxInflight, chunk, maxBackoff);
    }

    public PaxosConfig withPipeline(int batch, int inflight) {
        return new PaxosConfig(nodes, heartbeatMicros, electionMinMicros, electionMaxMicros, snapshotInterval,
                retainedTail, batch, inflight, catchupChunk, maxBackoff);
    }
}
