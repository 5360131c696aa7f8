package paxosviz.runtime.threads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
import paxosviz.runtime.InFlight;
import paxosviz.runtime.LiveCluster;
import paxosviz.runtime.MessagesInFlight;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.NetworkFaults;
import paxosviz.runtime.ReplicaFactory;
import paxosviz.runtime.Workload;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Wire;

/**
 * The live runtime: every replica on its own thread with its own mailbox, over a clock that
 * can be slowed down, paused and single-stepped. A timekeeper thread holds the agenda of
 * messages in flight and timers and hands each to its actor when the clock reaches it; a
 * message with no delay goes straight to the receiver's mailbox while the clock runs. All
 * clients share one actor. Every control here may be called from any thread.
 */
public final class ThreadedCluster implements LiveCluster, ClientHost {

    private static final long QUIET_WAIT_MILLIS = 2000;

    private final ClusterSpec spec;
    private final EventStream events;
    private final ControlledClock clock = new ControlledClock();
    private final Quiescence quiescence = new Quiescence();
    private final ReplicaFactory factory;
    private final Network network;
    private final NetworkFaults faults;
    private final NodeSlot[] slots;
    private final Actor clientActor;
    /** Only touched on the client actor's thread. */
    private final TreeMap<String, ClientSession> clients = new TreeMap<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final AtomicLong lastMessageId = new AtomicLong();
    private final Object eventLock = new Object();

    /** Guards the agenda and the messages in flight. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Agenda<Ticket> agenda = new Agenda<>();
    private final MessagesInFlight inFlight = new MessagesInFlight();
    private final Thread timekeeper;
    private volatile boolean running;

    /** One agenda entry; returns whether it did anything (a voided or parked delivery does not). */
    @FunctionalInterface
    private interface Ticket {
        boolean fire();
    }

    public ThreadedCluster(ClusterSpec spec, EventStream events) {
        this.spec = spec;
        this.events = events;
        this.factory = new ReplicaFactory(spec);
        this.network = new Network(spec.nodes(), spec.network());
        this.faults = new NetworkFaults(network, this::emit);
        this.slots = new NodeSlot[spec.nodes()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new NodeSlot(i);
        }
        this.clientActor = new Actor("clients", quiescence);
        this.timekeeper = new Thread(this::keepTime, "timekeeper");
        this.timekeeper.setDaemon(true);
    }

    @Override
    public void start() {
        running = true;
        clientActor.start();
        for (NodeSlot slot : slots) {
            slot.boot();
        }
        timekeeper.start();
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
        return clock.now();
    }

    // ---------------------------------------------------------------- the clock

    @Override
    public double speed() {
        return clock.speed();
    }

    /** Scales time from 0.02x to 2x: at slow speeds a hop of a few milliseconds takes long enough to watch. */
    @Override
    public void setSpeed(double speed) {
        withLock(() -> {
            clock.setSpeed(speed);
            wake.signalAll();
            emit(new EventBody.Clock(speed, clock.paused()));
        });
    }

    @Override
    public boolean paused() {
        return clock.paused();
    }

    /** Stops the clock; returns once every actor has finished what it was handed, so nothing more happens. */
    @Override
    public void pause() throws InterruptedException {
        withLock(() -> {
            clock.pause();
            emit(new EventBody.Clock(clock.speed(), true));
        });
        quiescence.await(QUIET_WAIT_MILLIS);
    }

    /** Stops the clock in the same breath as the caption, so nothing happens between them. */
    @Override
    public void narrate(EventBody.Caption caption) {
        withLock(() -> {
            emit(caption);
            if (caption.pause() && !clock.paused()) {
                clock.pause();
                emit(new EventBody.Clock(clock.speed(), true));
            }
        });
    }

    @Override
    public void resume() {
        withLock(() -> {
            clock.resume();
            wake.signalAll();
            emit(new EventBody.Clock(clock.speed(), false));
        });
    }

    /**
     * While paused, delivers exactly the next due message or fires exactly the next timer, moving
     * the clock to its time, and returns once its effects are done. False if nothing is due.
     */
    @Override
    public boolean step() throws InterruptedException {
        boolean stepped = false;
        lock.lock();
        try {
            if (!clock.paused()) {
                throw new IllegalStateException("step only while paused");
            }
            while (!stepped && !agenda.isEmpty()) {
                clock.jumpTo(agenda.peekTime());
                stepped = agenda.poll().fire();
            }
        } finally {
            lock.unlock();
        }
        quiescence.await(QUIET_WAIT_MILLIS);
        return stepped;
    }

    @Override
    public void advanceTo(long micros) throws InterruptedException {
        while (clock.now() < micros) {
            long nanos = clock.wallNanosUntil(micros);
            TimeUnit.NANOSECONDS.sleep(Math.max(100_000, Math.min(nanos, 50_000_000)));
        }
    }

    private void keepTime() {
        lock.lock();
        try {
            while (running) {
                if (clock.paused() || agenda.isEmpty()) {
                    wake.await();
                    continue;
                }
                long wait = clock.wallNanosUntil(agenda.peekTime());
                if (wait > 0) {
                    wake.awaitNanos(wait);
                    continue;
                }
                agenda.poll().fire();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(long time, Ticket ticket) {
        lock.lock();
        try {
            add(time, ticket);
        } finally {
            lock.unlock();
        }
    }

    /** Adds to the agenda, waking the timekeeper only if this is now the earliest entry; the caller holds the lock. */
    private void add(long time, Ticket ticket) {
        boolean earliest = agenda.isEmpty() || time < agenda.peekTime();
        agenda.add(time, ticket);
        if (earliest) {
            wake.signalAll();
        }
    }

    @Override
    public void scheduleAt(long micros, Runnable action) {
        enqueue(micros, () -> clientActor.post(action));
    }

    @Override
    public void schedule(long delayMicros, Runnable action) {
        scheduleAt(clock.now() + delayMicros, action);
    }

    // ---------------------------------------------------------------- messages

    private void transmit(Address from, Address to, Message message) {
        Wire wire = Wire.of(lastMessageId.incrementAndGet(), message);
        Transmission fate = network.topology().transmit(from, to, ThreadLocalRandom.current());
        boolean listened = listened();
        if (fate.dropped()) {
            if (listened) {
                lock.lock();
                try {
                    long now = clock.now();
                    emitNow(now, new EventBody.Send(from, to, wire, millis(now)));
                    emitNow(now, new EventBody.Drop(from, to, wire, fate.dropReason()));
                } finally {
                    lock.unlock();
                }
            }
            return;
        }
        if (!listened && !fate.duplicated() && fate.delay() == 0 && !clock.paused()) {
            dispatch(from, to, wire, EventBody.ANY_COPY); // the benchmark's path: no bookkeeping nobody reads
            return;
        }
        lock.lock();
        try {
            // reported before the timekeeper can deliver a copy, since it needs this lock to do so
            long now = clock.now();
            MessagesInFlight.Copy first = inFlight.add(from, to, wire, now, now + fate.delay());
            emitNow(now, new EventBody.Send(from, to, wire, millis(first.dueAt)));
            schedule(first);
            if (fate.duplicated()) {
                MessagesInFlight.Copy second = inFlight.duplicate(first, now, now + fate.duplicateDelay());
                emitNow(now, new EventBody.Duplicate(from, to, wire, second.number, millis(second.dueAt)));
                schedule(second);
            }
        } finally {
            lock.unlock();
        }
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** Puts a ticket for {@code copy} on the agenda; the caller holds the lock. */
    private void schedule(MessagesInFlight.Copy copy) {
        int version = copy.version;
        add(copy.dueAt, () -> {
            if (copy.version != version) {
                return false;
            }
            if (copy.held) {
                copy.parked = true;
                return false;
            }
            inFlight.remove(copy);
            dispatch(copy.from, copy.to, copy.wire, copy.label());
            return true;
        });
    }

    private void dispatch(Address from, Address to, Wire wire, int label) {
        if (!network.topology().isUp(from, to)) {
            emit(new EventBody.Drop(from, to, wire, Transmission.LINK_DOWN, label));
        } else if (to instanceof Address.Node node) {
            NodeActor actor = slots[node.index()].actor;
            if (actor == null || !actor.post(() -> actor.deliver(from, wire, label))) {
                emit(new EventBody.Drop(from, to, wire, Transmission.CRASHED, label));
            }
        } else if (to instanceof Address.Client client) {
            clientActor.post(() -> {
                ClientSession session = clients.get(client.name());
                if (session != null) {
                    emit(new EventBody.Deliver(to, from, wire, label));
                    session.receive(wire.message());
                }
            });
        }
    }

    // ---------------------------------------------------------------- per-message control

    @Override
    public List<InFlight> inFlight() {
        List<InFlight> views = new ArrayList<>();
        withLock(() -> views.addAll(inFlight.views()));
        return views;
    }

    @Override
    public boolean hold(long id, int copy) {
        return eachCopy(id, copy, delivery -> {
            delivery.held = true;
            emitNow(clock.now(), new EventBody.Hold(delivery.from, delivery.to, delivery.wire, delivery.label()));
        });
    }

    @Override
    public boolean release(long id, int copy) {
        return eachCopy(id, copy, delivery -> {
            delivery.held = false;
            if (delivery.parked) {
                delivery.parked = false;
                delivery.version++;
                delivery.dueAt = Math.max(delivery.dueAt, clock.now());
                schedule(delivery);
            }
            emitNow(clock.now(), new EventBody.Release(delivery.from, delivery.to, delivery.wire, delivery.label(),
                    millis(delivery.dueAt)));
        });
    }

    @Override
    public boolean deliverNow(long id, int copy) {
        return eachCopy(id, copy, delivery -> {
            delivery.held = false;
            delivery.parked = false;
            delivery.version++;
            delivery.dueAt = clock.now();
            emitNow(clock.now(), new EventBody.Release(delivery.from, delivery.to, delivery.wire, delivery.label(),
                    millis(delivery.dueAt)));
            schedule(delivery);
        });
    }

    @Override
    public boolean drop(long id, int copy) {
        return eachCopy(id, copy, delivery -> {
            delivery.version++;
            emitNow(clock.now(), new EventBody.Drop(delivery.from, delivery.to, delivery.wire, Transmission.MANUAL, delivery.label()));
            inFlight.remove(delivery);
        });
    }

    @Override
    public boolean duplicate(long id, int copy) {
        lock.lock();
        try {
            List<MessagesInFlight.Copy> copies = inFlight.select(id, copy);
            if (copies.isEmpty()) {
                return false;
            }
            long now = clock.now();
            MessagesInFlight.Copy duplicate = inFlight.duplicate(copies.get(0), now,
                    now + Topology.draw(network(), ThreadLocalRandom.current()));
            emitNow(now, new EventBody.Duplicate(duplicate.from, duplicate.to, duplicate.wire, duplicate.number,
                    millis(duplicate.dueAt)));
            schedule(duplicate);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Applies {@code change} to the chosen copies under the lock, so its event comes before the copy can arrive. */
    private boolean eachCopy(long id, int copy, java.util.function.Consumer<MessagesInFlight.Copy> change) {
        lock.lock();
        try {
            List<MessagesInFlight.Copy> copies = inFlight.select(id, copy);
            copies.forEach(change);
            return !copies.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- faults

    @Override
    public void crash(int node) {
        slots[node].crash();
    }

    @Override
    public void restart(int node) {
        slots[node].restart();
    }

    @Override
    public boolean isUp(int node) {
        return slots[node].actor != null;
    }

    @Override
    public NetworkFaults faults() {
        return faults;
    }

    /** Whether the link from one node to another is up now. */
    public boolean isLinkUp(int from, int to) {
        return network.topology().isLinkUp(from, to);
    }

    @Override
    public LinkParams network() {
        return network.topology().params();
    }

    // ---------------------------------------------------------------- clients

    @Override
    public ClientSession client(String name) {
        if (!clientActor.isActorThread()) {
            throw new IllegalStateException("clients live on the client actor: use submit() from other threads");
        }
        return clients.computeIfAbsent(name, n -> new ClientSession(n, spec.nodes(), this, spec.clients()));
    }

    @Override
    public void submit(String client, ClientSession.Request request) {
        clientActor.post(() -> client(client).submit(request));
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

    /** Runs {@code action} on the client actor, where {@link #client} may be called; from any thread. */
    public void withClients(Runnable action) {
        clientActor.post(action);
    }

    @Override
    public void mark(String action) {
        emit(new EventBody.ByHand(action));
    }

    @Override
    public void startBackgroundLoad(List<String> names, List<String> keys, double ratePerSec) {
        clientActor.post(() -> {
            workloads.forEach(Workload::stop);
            startLoad(names, keys, ratePerSec, Long.MAX_VALUE);
        });
    }

    @Override
    public boolean clientsIdle() {
        Boolean idle = onClientActor(() -> clients.values().stream().noneMatch(ClientSession::busy));
        return idle == null || idle;
    }

    @Override
    public void stopClients() {
        onClientActor(() -> {
            workloads.forEach(Workload::stop);
            clients.values().forEach(ClientSession::stopQueued);
            return null;
        });
    }

    @Override
    public void send(Address.Client from, int node, Message message) {
        transmit(from, Address.node(node), message);
    }

    /** Whether anyone listens to the events; when nobody does (a benchmark), the hot paths build none. */
    private boolean listened() {
        return events.active();
    }

    @Override
    public void emit(EventBody body) {
        if (!listened()) {
            return;
        }
        synchronized (eventLock) {
            events.emit(clock.now(), body);
        }
    }

    /** Emits with a time the caller read already (it holds the lock, and its event must say when). */
    private void emitNow(long micros, EventBody body) {
        if (listened()) {
            synchronized (eventLock) {
                events.emit(micros, body);
            }
        }
    }

    @Override
    public int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    /** Runs {@code task} on the client actor and waits for it; null if the actor did not answer. */
    private <T> T onClientActor(Callable<T> task) {
        if (clientActor.isActorThread()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return await(clientActor, task);
    }

    private static <T> T await(Actor actor, Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        if (!actor.post(future)) {
            return null;
        }
        try {
            return future.get(QUIET_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- state

    @Override
    public ReplicaStatus status(int node) {
        NodeActor actor = slots[node].actor;
        return actor == null ? null : await(actor, () -> actor.alive ? actor.replica.status() : null);
    }

    @Override
    public void finish() {
        onClientActor(() -> {
            clients.values().forEach(ClientSession::abandon);
            return null;
        });
        List<EventBody.NodeEnd> ends = new ArrayList<>();
        for (int node = 0; node < slots.length; node++) {
            ReplicaStatus status = status(node);
            ends.add(status != null
                    ? new EventBody.NodeEnd(node, true, status.applied(), status.digest())
                    : new EventBody.NodeEnd(node, false, -1, null));
        }
        emit(new EventBody.End(ends));
    }

    /** Stops every thread, paused or not; the cluster cannot run again. */
    @Override
    public void close() {
        running = false;
        withLock(wake::signalAll);
        timekeeper.interrupt();
        try {
            timekeeper.join(QUIET_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (NodeSlot slot : slots) {
            NodeActor actor = slot.actor;
            if (actor != null) {
                actor.alive = false;
                actor.stop(false);
            }
        }
        clientActor.stop(false);
    }

    private void withLock(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /** A node's place in the cluster: its durable storage, and the actor running it while it is up. */
    private final class NodeSlot {
        final int index;
        Storage storage = new MemoryStorage();
        volatile NodeActor actor;

        NodeSlot(int index) {
            this.index = index;
        }

        synchronized void boot() {
            NodeActor booted = new NodeActor(index, storage);
            actor = booted;
            booted.start();
            booted.post(() -> booted.replica.start(clock.now()));
        }

        void crash() {
            NodeActor crashed;
            synchronized (this) {
                crashed = actor;
                if (crashed == null) {
                    return;
                }
                actor = null;
                crashed.alive = false;
            }
            emit(new EventBody.Crash(index));
            crashed.stop(true);
        }

        synchronized void restart() {
            if (actor != null) {
                return;
            }
            if (spec.amnesia()) {
                storage = new MemoryStorage();
            }
            Snapshot snapshot = storage.snapshot();
            emit(new EventBody.Restart(index, snapshot == null ? -1 : snapshot.upTo(), spec.amnesia()));
            boot();
        }
    }

    /** One replica on its own thread: its handlers run one at a time; it flushes after each batch. */
    private final class NodeActor extends Actor implements NodeOutput {
        final int index;
        final Address.Node address;
        final Replica replica;
        final long[] timerGeneration = new long[TimerKind.values().length];
        volatile boolean alive = true;

        NodeActor(int index, Storage storage) {
            super("node-" + index, quiescence);
            this.index = index;
            this.address = Address.node(index);
            this.replica = factory.create(index, storage, this);
        }

        void deliver(Address from, Wire wire, int label) {
            if (!alive) {
                emit(new EventBody.Drop(from, address, wire, Transmission.CRASHED, label));
                return;
            }
            if (listened()) {
                emit(new EventBody.Deliver(address, from, wire, label));
            }
            replica.receive(from, wire.message(), clock.now());
        }

        @Override
        void afterBatch() {
            if (alive) {
                replica.flush(clock.now());
            }
        }

        @Override
        public void send(Address to, Message message) {
            transmit(address, to, message);
        }

        @Override
        public void setTimer(TimerKind kind, long minDelay, long maxDelay) {
            long generation = ++timerGeneration[kind.ordinal()];
            long delay = maxDelay > minDelay ? ThreadLocalRandom.current().nextLong(minDelay, maxDelay + 1) : minDelay;
            enqueue(clock.now() + delay, () -> post(() -> {
                if (alive && generation == timerGeneration[kind.ordinal()]) {
                    replica.timer(kind, clock.now());
                }
            }));
        }

        @Override
        public void event(NodeEvent event) {
            if (listened()) {
                emit(new EventBody.NodeStep(index, event));
            }
        }
    }
}
