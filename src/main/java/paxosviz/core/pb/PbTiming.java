package paxosviz.core.pb;

import paxosviz.core.PaxosConfig;

/**
 * Timers of both primary/backup variants, in microseconds. {@code beatMicros} is the ping (or
 * beat) interval; a server not heard from for {@code deadMicros} is taken for dead, and a
 * backup waits between {@code deadMicros} and {@code failoverMaxMicros} before it checks.
 */
public record PbTiming(long beatMicros, long deadMicros, long failoverMaxMicros) {

    /** Reuses the cluster's Multi-Paxos timing: heartbeat for pings, election timeout for death. */
    public static PbTiming of(PaxosConfig config) {
        return new PbTiming(config.heartbeatMicros(), config.electionMinMicros(), config.electionMaxMicros());
    }
}
