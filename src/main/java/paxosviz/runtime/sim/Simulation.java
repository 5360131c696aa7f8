package paxosviz.runtime.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import paxosviz.core.Address;
import paxosviz.core.MemoryStorage;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.NodeOutput;
import paxosviz.core.Replica;
import paxosviz.core.ReplicaStatus;
import paxosviz.core.Snapshot;
import paxosviz.core.Storage;
import paxosviz.core.TimerKind;
import paxosviz.net.LinkParams;
import paxosviz.net.Network;
import paxosviz.net.Topology;
import paxosviz.net.Transmission;
import paxosviz.runtime.Agenda;
import paxosviz.runtime.ClientHost;
import paxosviz.runtime.ClientSession;
import paxosviz.runtime.Cluster;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.InFlight;
import paxosviz.runtime.MessagesInFlight;
import paxosviz.runtime.NetworkFaults;
import paxosviz.runtime.ReplicaFactory;
import paxosviz.runtime.Workload;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Wire;

/**
 * The deterministic simulator: one thread, virtual time, and one seeded PRNG for every random
 * choice (delays, drops, duplicates, timer jitter, client choices). Every message in flight and
 * every timer is an entry in one agenda ordered by (time, schedule order), so a seed and a
 * scenario reproduce a run exactly.
 */
public final class Simulation implements Cluster, ClientHost {


    private final ClusterSpec spec;
    private final SplittableRandom random;
    private Runnable onPausingCaption;
    private final Agenda<Runnable> agenda = new Agenda<>();
    private final EventStream events;
    private final Network network;
    private final NetworkFaults faults;
    private final ReplicaFactory factory;
    private final SimNode[] nodes;
    private final TreeMap<String, ClientSession> clients = new TreeMap<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final MessagesInFlight inFlight = new MessagesInFlight();
    private long now;
    private long lastMessageId;
    private long delivered;

    public Simulation(ClusterSpec spec, long seed, EventStream events) {
        this.spec = spec;
        this.random = new SplittableRandom(seed);
        this.events = events;
        this.network = new Network(spec.nodes(), spec.network());
        this.faults = new NetworkFaults(network, this::emit);
        this.factory = new ReplicaFactory(spec);
        this.nodes = new SimNode[spec.nodes()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new SimNode(i);
        }
    }

    @Override
    public void start() {
        for (SimNode node : nodes) {
            node.boot();
        }
    }

    @Override
    public ClusterSpec spec() {
        return spec;
    }

    @Override
    public EventStream events() {
        return events;
    }

    @Override
    public long now() {
        return now;
    }

    /** Messages handed to their receivers so far: the simulator's unit of work. */
    public long delivered() {
        return delivered;
    }

    @Override
    public void scheduleAt(long micros, Runnable action) {
        agenda.add(Math.max(micros, now), action);
    }

    @Override
    public void schedule(long delayMicros, Runnable action) {
        agenda.add(now + delayMicros, action);
    }

    @Override
    public void advanceTo(long micros) {
        while (!agenda.isEmpty() && agenda.peekTime() <= micros) {
            runNext();
        }
        now = Math.max(now, micros);
    }

    /** When the next agenda entry is due, or {@link Long#MAX_VALUE} if there is none. */
    public long nextDue() {
        return agenda.isEmpty() ? Long.MAX_VALUE : agenda.peekTime();
    }

    /** Runs exactly the next agenda entry (a message, a timer, a scheduled step), moving the clock to it. */
    public void runNext() {
        now = agenda.peekTime();
        agenda.poll().run();
    }

    // ---------------------------------------------------------------- network

    private void transmit(Address from, Address to, Message message) {
        Wire wire = Wire.of(++lastMessageId, message);
        Transmission fate = network.transmit(from, to, random);
        if (fate.dropped()) {
            events.emit(now, new EventBody.Send(from, to, wire, millis(now)));
            events.emit(now, new EventBody.Drop(from, to, wire, fate.dropReason()));
            return;
        }
        MessagesInFlight.Copy first = inFlight.add(from, to, wire, now, now + fate.delay());
        events.emit(now, new EventBody.Send(from, to, wire, millis(first.dueAt)));
        schedule(first);
        if (fate.duplicated()) {
            MessagesInFlight.Copy second = inFlight.duplicate(first, now, now + fate.duplicateDelay());
            events.emit(now, new EventBody.Duplicate(from, to, wire, second.number, millis(second.dueAt)));
            schedule(second);
        }
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    private void schedule(MessagesInFlight.Copy copy) {
        int version = copy.version;
        agenda.add(copy.dueAt, () -> {
            if (copy.version != version) {
                return;
            }
            if (copy.held) {
                copy.parked = true;
                return;
            }
            inFlight.remove(copy);
            deliver(copy.from, copy.to, copy.wire, copy.label());
        });
    }

    private void deliver(Address from, Address to, Wire wire, int label) {
        if (!network.isUp(from, to)) {
            events.emit(now, new EventBody.Drop(from, to, wire, Transmission.LINK_DOWN, label));
            return;
        }
        if (to instanceof Address.Node target) {
            SimNode node = nodes[target.index()];
            if (!node.up) {
                events.emit(now, new EventBody.Drop(from, to, wire, Transmission.CRASHED, label));
                return;
            }
            delivered++;
            events.emit(now, new EventBody.Deliver(to, from, wire, label));
            node.replica.receive(from, wire.message(), now);
            node.flush();
        } else if (to instanceof Address.Client client) {
            ClientSession session = clients.get(client.name());
            if (session != null) {
                delivered++;
                events.emit(now, new EventBody.Deliver(to, from, wire, label));
                session.receive(wire.message());
            }
        }
    }

    // ---------------------------------------------------------------- per-message control

    /** The copies of messages on their way now, oldest first. */
    public List<InFlight> inFlight() {
        return inFlight.views();
    }

    /** Keeps the copy ({@link EventBody#ANY_COPY}: every copy) from arriving until released. */
    public boolean hold(long id, int copy) {
        List<MessagesInFlight.Copy> copies = inFlight.select(id, copy);
        for (MessagesInFlight.Copy held : copies) {
            held.held = true;
            events.emit(now, new EventBody.Hold(held.from, held.to, held.wire, held.label()));
        }
        return !copies.isEmpty();
    }

    /** Lets a held copy go on, at its due time or now if that has passed. */
    public boolean release(long id, int copy) {
        return reschedule(id, copy, false);
    }

    /** Delivers the copy at the current time, after what is already due now. */
    public boolean deliverNow(long id, int copy) {
        return reschedule(id, copy, true);
    }

    private boolean reschedule(long id, int copy, boolean now) {
        List<MessagesInFlight.Copy> copies = inFlight.select(id, copy);
        for (MessagesInFlight.Copy going : copies) {
            boolean wasParked = going.parked;
            going.held = false;
            going.parked = false;
            if (now || wasParked) {
                going.version++;
                going.dueAt = now ? this.now : Math.max(going.dueAt, this.now);
                schedule(going);
            }
            events.emit(this.now, new EventBody.Release(going.from, going.to, going.wire, going.label(), millis(going.dueAt)));
        }
        return !copies.isEmpty();
    }

    /** Loses the copy. */
    public boolean drop(long id, int copy) {
        List<MessagesInFlight.Copy> copies = inFlight.select(id, copy);
        for (MessagesInFlight.Copy lost : copies) {
            lost.version++;
            inFlight.remove(lost);
            events.emit(now, new EventBody.Drop(lost.from, lost.to, lost.wire, Transmission.MANUAL, lost.label()));
        }
        return !copies.isEmpty();
    }

    /** Sends another copy of it, with a delay drawn from the network's range. */
    public boolean duplicate(long id, int copy) {
        List<MessagesInFlight.Copy> copies = inFlight.select(id, copy);
        if (copies.isEmpty()) {
            return false;
        }
        MessagesInFlight.Copy made = inFlight.duplicate(copies.get(0), now, now + Topology.draw(network.params(), random));
        events.emit(now, new EventBody.Duplicate(made.from, made.to, made.wire, made.number, millis(made.dueAt)));
        schedule(made);
        return true;
    }

    @Override
    public void send(Address.Client from, int node, Message message) {
        transmit(from, Address.node(node), message);
    }

    @Override
    public void emit(EventBody body) {
        events.emit(now, body);
    }

    @Override
    public void narrate(EventBody.Caption caption) {
        emit(caption);
        if (caption.pause() && onPausingCaption != null) {
            onPausingCaption.run();
        }
    }

    /** Who stops the clock when a caption pauses: the live pacing, if any (a headless run never pauses). */
    public void onPausingCaption(Runnable pacer) {
        this.onPausingCaption = pacer;
    }

    @Override
    public int random(int bound) {
        return random.nextInt(bound);
    }

    // ---------------------------------------------------------------- faults

    @Override
    public void crash(int node) {
        nodes[node].crash();
    }

    @Override
    public void restart(int node) {
        nodes[node].restart();
    }

    @Override
    public boolean isUp(int node) {
        return nodes[node].up;
    }

    @Override
    public NetworkFaults faults() {
        return faults;
    }

    @Override
    public LinkParams network() {
        return network.params();
    }

    // ---------------------------------------------------------------- clients

    @Override
    public ClientSession client(String name) {
        return clients.computeIfAbsent(name, n -> new ClientSession(n, spec.nodes(), this, spec.clients()));
    }

    @Override
    public Workload startLoad(List<String> names, List<String> keys, double ratePerSec, long untilMicros) {
        List<ClientSession> sessions = new ArrayList<>();
        for (String name : names) {
            sessions.add(client(name));
        }
        Workload workload = new Workload(sessions, keys, ratePerSec, untilMicros, this);
        workloads.add(workload);
        workload.start();
        return workload;
    }

    @Override
    public boolean clientsIdle() {
        for (ClientSession session : clients.values()) {
            if (session.busy()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void stopClients() {
        stopLoads();
        clients.values().forEach(ClientSession::stopQueued);
    }

    /** Ends every workload; single operations already handed to clients carry on. */
    public void stopLoads() {
        workloads.forEach(Workload::stop);
        workloads.clear();
    }

    // ---------------------------------------------------------------- state

    @Override
    public ReplicaStatus status(int node) {
        SimNode n = nodes[node];
        return n.up ? n.replica.status() : null;
    }

    @Override
    public void finish() {
        clients.values().forEach(ClientSession::abandon);
        List<EventBody.NodeEnd> ends = new ArrayList<>();
        for (SimNode node : nodes) {
            ReplicaStatus status = node.up ? node.replica.status() : null;
            ends.add(status != null
                    ? new EventBody.NodeEnd(node.index, true, status.applied(), status.digest())
                    : new EventBody.NodeEnd(node.index, false, -1, null));
        }
        events.emit(now, new EventBody.End(ends));
    }

    /** One node's host: its durable storage outlives the replica, which a crash throws away. */
    private final class SimNode implements NodeOutput {
        final int index;
        final Address.Node address;
        Storage storage = new MemoryStorage();
        Replica replica;
        boolean up;
        /** Bumped by every crash, so timers armed by an earlier incarnation never fire. */
        int incarnation;
        final long[] timerGeneration = new long[TimerKind.values().length];

        SimNode(int index) {
            this.index = index;
            this.address = Address.node(index);
        }

        void boot() {
            replica = factory.create(index, storage, this);
            up = true;
            replica.start(now);
            flush();
        }

        void crash() {
            if (!up) {
                return;
            }
            up = false;
            replica = null;
            incarnation++;
            events.emit(now, new EventBody.Crash(index));
        }

        void restart() {
            if (up) {
                return;
            }
            if (spec.amnesia()) {
                storage = new MemoryStorage();
            }
            Snapshot snapshot = storage.snapshot();
            events.emit(now, new EventBody.Restart(index, snapshot == null ? -1 : snapshot.upTo(), spec.amnesia()));
            boot();
        }

        void flush() {
            if (up) {
                replica.flush(now);
            }
        }

        @Override
        public void send(Address to, Message message) {
            transmit(address, to, message);
        }

        @Override
        public void setTimer(TimerKind kind, long minDelay, long maxDelay) {
            long generation = ++timerGeneration[kind.ordinal()];
            int armedBy = incarnation;
            long delay = maxDelay > minDelay ? minDelay + random.nextLong(maxDelay - minDelay + 1) : minDelay;
            agenda.add(now + delay, () -> {
                if (up && armedBy == incarnation && generation == timerGeneration[kind.ordinal()]) {
                    replica.timer(kind, now);
                    flush();
                }
            });
        }

        @Override
        public void event(NodeEvent event) {
            events.emit(now, new EventBody.NodeStep(index, event));
        }
    }
}
