package paxosviz.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import paxosviz.kv.KvStore;

/**
 * Drives one replica by hand, etcd-style: feed it an input, then read what it did as lines of
 * text ("send n1 Promise[...]", "event Chosen[...]", "timer HEARTBEAT"). Time moves only when
 * a test says so.
 */
final class NodeHarness implements NodeOutput {

    final int self;
    final PaxosConfig config;
    final MemoryStorage storage;
    final List<String> out = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final Map<TimerKind, Long> timers = new EnumMap<>(TimerKind.class);
    PaxosNode node;
    long now;

    record Sent(Address to, Message message) {
    }

    NodeHarness(int self, PaxosConfig config) {
        this(self, config, new MemoryStorage());
    }

    NodeHarness(int self, PaxosConfig config, MemoryStorage storage) {
        this.self = self;
        this.config = config;
        this.storage = storage;
        boot();
    }

    /** Builds a fresh replica from the durable storage, as a restart does. */
    void boot() {
        node = new PaxosNode(self, config, storage, new KvStore(), this);
        node.start(now);
    }

    NodeHarness receive(int from, Message message) {
        node.receive(Address.node(from), message, now);
        node.flush(now);
        return this;
    }

    NodeHarness request(String client, Command cmd) {
        node.receive(Address.client(client), new Message.ClientRequest(cmd), now);
        return this;
    }

    NodeHarness flush() {
        node.flush(now);
        return this;
    }

    NodeHarness advance(long micros) {
        now += micros;
        return this;
    }

    NodeHarness fire(TimerKind kind) {
        node.timer(kind, now);
        node.flush(now);
        return this;
    }

    /**
     * Lets the election timer fire and the given peers grant the pre-vote it sends, so that
     * (with a majority) this replica starts phase 1.
     */
    NodeHarness campaign(int... granters) {
        advance(config.electionMaxMicros()).fire(TimerKind.ELECTION);
        List<Message.PreVote> asked = sentOf(Message.PreVote.class);
        Ballot ballot = asked.get(asked.size() - 1).ballot();
        for (int peer : granters) {
            receive(peer, new Message.PreVoteReply(ballot, true, -1, -1, Ballot.ZERO));
        }
        return this;
    }

    /** Makes this replica leader with pre-vote grants and promises from the given peers, reporting nothing accepted. */
    NodeHarness elect(int... peers) {
        campaign(peers);
        Ballot ballot = node.status().ballot();
        for (int peer : peers) {
            receive(peer, new Message.Promise(ballot, 0, -1, List.of()));
        }
        return this;
    }

    /** Returns the output lines since the last call and forgets them. */
    List<String> drain() {
        List<String> lines = new ArrayList<>(out);
        out.clear();
        sent.clear();
        return lines;
    }

    /** The messages sent since the last drain, as "to kind" pairs. */
    List<String> sentKinds() {
        return sent.stream().map(s -> s.to() + " " + s.message().kind()).collect(Collectors.toList());
    }

    <M extends Message> List<M> sentOf(Class<M> type) {
        return sent.stream().map(Sent::message).filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    @Override
    public void send(Address to, Message message) {
        sent.add(new Sent(to, message));
        out.add("send " + to + " " + message);
    }

    @Override
    public void setTimer(TimerKind kind, long minDelay, long maxDelay) {
        timers.put(kind, maxDelay);
        out.add("timer " + kind);
    }

    @Override
    public void event(NodeEvent event) {
        out.add("event " + event);
    }

    static PaxosConfig config(int nodes) {
        return PaxosConfig.defaults(nodes);
    }

    static Command put(String client, long seq, String key, String value) {
        return Command.put(client, seq, key, value);
    }
}
