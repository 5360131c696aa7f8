package paxosviz.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import paxosviz.core.OpType;

/**
 * Closed-loop clients issuing a random mix of put, get, append and cas on a few keys, each
 * starting its next operation when the last one is answered, paced so that together they
 * issue at most {@code ratePerSec} operations per second, until {@code untilMicros}.
 * Written values are unique ("w3.17"), which keeps the linearizability search cheap.
 */
public final class Workload {

    private final List<String> keys;
    private final ClientHost host;
    private final long gapMicros;
    private long untilMicros;
    private final List<ClientSession> sessions = new ArrayList<>();
    private final Map<ClientSession, Long> lastIssue = new HashMap<>();
    /** Per client and key, the last value it saw: the expected value of its next cas. */
    private final Map<String, String> lastSeen = new HashMap<>();
    private int written;

    public Workload(List<ClientSession> sessions, List<String> keys, double ratePerSec, long untilMicros, ClientHost host) {
        this.keys = List.copyOf(keys);
        this.host = host;
        this.untilMicros = untilMicros;
        this.gapMicros = (long) Math.ceil(sessions.size() * 1_000_000.0 / ratePerSec);
        for (ClientSession session : sessions) {
            this.sessions.add(session);
            session.onIdle(this::next);
        }
    }

    public List<ClientSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Starts every client now. */
    public void start() {
        for (ClientSession session : sessions) {
            issue(session);
        }
    }

    /** No client starts another operation after this. */
    public void stop() {
        untilMicros = Math.min(untilMicros, host.now());
    }

    private void next(ClientSession session) {
        long due = lastIssue.getOrDefault(session, Long.MIN_VALUE / 2) + gapMicros;
        long wait = Math.max(0, due - host.now());
        host.schedule(wait, () -> issue(session));
    }

    private void issue(ClientSession session) {
        if (host.now() >= untilMicros || session.busy()) {
            return;
        }
        lastIssue.put(session, host.now());
        session.submit(randomRequest(session.name()));
    }

    private ClientSession.Request randomRequest(String client) {
        String key = keys.get(host.random(keys.size()));
        int roll = host.random(100);
        String fresh = client + "." + (++written);
        String seenKey = client + "\u0000" + key;
        if (roll < 30) {
            return new ClientSession.Request(OpType.GET, key, null, null);
        } else if (roll < 60) {
            lastSeen.put(seenKey, fresh);
            return new ClientSession.Request(OpType.PUT, key, fresh, null);
        } else if (roll < 85) {
            return new ClientSession.Request(OpType.APPEND, key, fresh, null);
        }
        String expect = lastSeen.get(seenKey);
        lastSeen.put(seenKey, fresh);
        return new ClientSession.Request(OpType.CAS, key, fresh, expect);
    }
}
