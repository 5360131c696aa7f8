package paxosviz.core.pb;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import paxosviz.core.Address;
import paxosviz.core.Command;
import paxosviz.core.MemoryStorage;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.NodeOutput;
import paxosviz.core.PaxosConfig;
import paxosviz.core.Replica;
import paxosviz.core.TimerKind;
import paxosviz.kv.KvStore;

/**
 * Drives one primary/backup replica by hand: feed it an input, then read what it sent and
 * reported. Time moves only when a test says so.
 */
final class PbHarness implements NodeOutput {

    /** Beat 50 ms, dead after 150 ms, backups check between 150 and 300 ms. */
    static final PbTiming TIMING = PbTiming.of(PaxosConfig.defaults(5));

    record Sent(Address to, Message message) {
    }

    final List<Sent> sent = new ArrayList<>();
    final List<NodeEvent> events = new ArrayList<>();
    final MemoryStorage storage = new MemoryStorage();
    Replica replica;
    long now;

    static PbHarness viewService(int nodes) {
        PbHarness harness = new PbHarness();
        harness.replica = new ViewService(nodes, TIMING, harness.storage, harness);
        harness.replica.start(0);
        return harness;
    }

    static PbHarness server(int self) {
        PbHarness harness = new PbHarness();
        harness.replica = new PrimaryBackupServer(self, TIMING, new KvStore(), harness);
        harness.replica.start(0);
        return harness;
    }

    static PbHarness auto(int self, int nodes) {
        PbHarness harness = new PbHarness();
        harness.replica = new AutoFailoverServer(self, nodes, TIMING, harness.storage, new KvStore(), harness);
        harness.replica.start(0);
        return harness;
    }

    PbHarness receive(int from, Message message) {
        replica.receive(Address.node(from), message, now);
        replica.flush(now);
        return this;
    }

    PbHarness request(String client, Command cmd) {
        replica.receive(Address.client(client), new Message.ClientRequest(cmd), now);
        replica.flush(now);
        return this;
    }

    PbHarness advance(long micros) {
        now += micros;
        return this;
    }

    PbHarness fire(TimerKind kind) {
        replica.timer(kind, now);
        replica.flush(now);
        return this;
    }

    /** Forgets what was sent and reported so far. */
    PbHarness clear() {
        sent.clear();
        events.clear();
        return this;
    }

    <M extends Message> List<M> sentOf(Class<M> type) {
        return sent.stream().map(Sent::message).filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    <M extends Message> M last(Class<M> type) {
        List<M> all = sentOf(type);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    <E extends NodeEvent> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    @Override
    public void send(Address to, Message message) {
        sent.add(new Sent(to, message));
    }

    @Override
    public void setTimer(TimerKind kind, long minDelay, long maxDelay) {
    }

    @Override
    public void event(NodeEvent event) {
        events.add(event);
    }
}
