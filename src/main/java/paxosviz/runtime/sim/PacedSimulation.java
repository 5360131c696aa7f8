package paxosviz.runtime.sim;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import paxosviz.core.ReplicaStatus;
import paxosviz.net.LinkParams;
import paxosviz.runtime.ClientSession;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.InFlight;
import paxosviz.runtime.LiveCluster;
import paxosviz.runtime.NetworkFaults;
import paxosviz.runtime.Workload;
import paxosviz.trace.model.EventBody;

/**
 * The simulator, run live: one thread advances its virtual clock at a pace set against the
 * wall (slowed, paused, single-stepped), and every control reaches it through that thread, so
 * the simulation stays single-threaded and a seed still decides every random choice it makes.
 * This is how a run forked from a trace goes on as a live experiment. Simulations in a
 * {@link Lockstep} share their clock, each still on its own thread.
 */
public final class PacedSimulation implements LiveCluster {

    private static final long IDLE_WAIT_NANOS = 5_000_000;
    private static final long ANSWER_WAIT_MILLIS = 2000;

    /** What moves the simulation on: its own agenda, or a scenario run that also settles and ends as {@code run} does. */
    public interface Driver {
        /** Whether a scenario run recorded its end (a bare simulation never does). */
        default boolean finished() {
            return false;
        }

        long nextDue();

        void runNext();

        void advanceTo(long micros);
    }

    private final Simulation simulation;
    private final Driver driver;
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final PaceClock clock;
    /** The simulations sharing the clock, or null when it is this one's own. */
    private final Lockstep lockstep;
    private boolean pausedAtEnd;
    /** Set on the simulation's thread by a caption that pauses while the clock runs. */
    private boolean captionPaused;
    // what the event stream last said of the clock: another simulation in lockstep may change it
    private double announcedSpeed;
    private boolean announcedPaused;

    /** Takes over {@code simulation}, which may have run for a while already; starts paused when asked. */
    public PacedSimulation(Simulation simulation, boolean startPaused) {
        this(simulation, new Driver() {
            @Override
            public long nextDue() {
                return simulation.nextDue();
            }

            @Override
            public void runNext() {
                simulation.runNext();
            }

            @Override
            public void advanceTo(long micros) {
                simulation.advanceTo(micros);
            }
        }, startPaused, null);
    }

    /**
     * A scenario run paced live: its events are exactly {@code run}'s, unless someone acts on it
     * by hand. It pauses when the run has recorded its end; running on after that is up to the user.
     */
    public PacedSimulation(SimulatedRun run) {
        this(run, null);
    }

    /** A scenario run paced live on the clock of {@code lockstep} (null: a clock of its own). */
    public PacedSimulation(SimulatedRun run, Lockstep lockstep) {
        this(run.simulation(), new Driver() {
            @Override
            public boolean finished() {
                return run.finished();
            }

            @Override
            public long nextDue() {
                return run.nextDue();
            }

            @Override
            public void runNext() {
                run.runNext();
            }

            @Override
            public void advanceTo(long micros) {
                run.advanceTo(micros);
            }
        }, false, lockstep);
    }

    private PacedSimulation(Simulation simulation, Driver driver, boolean startPaused, Lockstep lockstep) {
        this.simulation = simulation;
        this.driver = driver;
        this.lockstep = lockstep;
        this.clock = lockstep != null ? lockstep.clock() : new PaceClock(simulation.now(), System.nanoTime(), startPaused);
        // a simulation on its own clock announces each change as it makes it; one in lockstep says first where the clock stands
        this.announcedSpeed = lockstep != null ? Double.NaN : clock.speed();
        this.announcedPaused = clock.paused();
        simulation.onPausingCaption(() -> captionPaused = !clock.paused());
        if (lockstep != null) {
            lockstep.join(this);
        }
        this.thread = new Thread(this::loop, "simulation");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A new simulated cluster, booted when {@link #start()} is called. */
    public static PacedSimulation of(ClusterSpec spec, long seed, EventStream events) {
        return new PacedSimulation(new Simulation(spec, seed, events), false);
    }

    // ---------------------------------------------------------------- the simulation's thread

    private void loop() {
        try {
            while (running) {
                Runnable task = inbox.poll();
                if (task != null) {
                    task.run();
                    continue;
                }
                if (clock.paused()) {
                    if (lockstep == null) {
                        runNextTask(Long.MAX_VALUE);
                    } else {
                        // another simulation in lockstep may pause, step or resume the clock meanwhile
                        catchUpNow();
                        runNextTask(IDLE_WAIT_NANOS);
                    }
                    continue;
                }
                long target = clock.target(System.nanoTime());
                advance(target);
                announce(false);
                if (driver.finished() && !pausedAtEnd) {
                    pausedAtEnd = true;
                    if (lockstep == null || lockstep.finish(this)) {
                        clock.pauseAt(simulation.now());
                        announce(false);
                    }
                    continue;
                }
                long next = driver.nextDue();
                long waitNanos = next == Long.MAX_VALUE ? IDLE_WAIT_NANOS
                        : Math.min(IDLE_WAIT_NANOS, (long) ((next - target) * 1000 / clock.speed()));
                runNextTask(Math.max(waitNanos, 100_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As {@code driver.advanceTo}, but stops right after a caption that pauses, where the narration speaks. */
    private void advance(long target) {
        boolean endedBefore = driver.finished();
        // a run that records its end stops right there, as `run` does: nothing after it until someone runs on
        while (!captionPaused && driver.nextDue() <= target && (endedBefore || !driver.finished())) {
            driver.runNext();
        }
        if (captionPaused) {
            captionPaused = false;
            clock.pauseAt(simulation.now());
        } else if (endedBefore || !driver.finished()) {
            driver.advanceTo(target);
        }
    }

    private void runNextTask(long waitNanos) throws InterruptedException {
        Runnable task = waitNanos == Long.MAX_VALUE ? inbox.take() : inbox.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (task != null) {
            task.run();
        }
    }

    private long clockMicros() {
        return clock.now(System.nanoTime());
    }

    /** Says on the event stream what the clock does now, if it changed ({@code always}: even if not). */
    private void announce(boolean always) {
        double speed = clock.speed();
        boolean paused = clock.paused();
        if (always || speed != announcedSpeed || paused != announcedPaused) {
            announcedSpeed = speed;
            announcedPaused = paused;
            simulation.emit(new EventBody.Clock(speed, paused));
        }
    }

    /** On the simulation's thread: runs up to the shared clock's time, if another simulation moved it on. */
    private void catchUpNow() {
        long to = clockMicros();
        if (simulation.now() < to) {
            driver.advanceTo(to);
        }
        announce(false);
    }

    private boolean onThread() {
        return Thread.currentThread() == thread;
    }

    private void post(Runnable task) {
        if (onThread()) {
            task.run();
        } else {
            inbox.add(task);
        }
    }

    private <T> T await(Callable<T> task) {
        if (onThread()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> future = new FutureTask<>(task);
        inbox.add(future);
        try {
            return future.get(ANSWER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return null;
        }
    }

    private boolean awaitTrue(Callable<Boolean> task) {
        return Boolean.TRUE.equals(await(task));
    }

    // ---------------------------------------------------------------- the clock

    @Override
    public double speed() {
        return clock.speed();
    }

    @Override
    public void setSpeed(double newSpeed) {
        if (!(newSpeed >= MIN_SPEED && newSpeed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be within " + MIN_SPEED + ".." + MAX_SPEED + ", got " + newSpeed);
        }
        post(() -> {
            clock.setSpeed(newSpeed, System.nanoTime(), simulation.now());
            announce(true);
        });
    }

    @Override
    public boolean paused() {
        return clock.paused();
    }

    /** In lockstep, the clock may freeze later than this simulation got to: it runs up to there before answering. */
    @Override
    public void pause() {
        await(() -> {
            clock.pauseAt(simulation.now());
            catchUpNow();
            return null;
        });
    }

    @Override
    public void resume() {
        post(() -> {
            clock.resume(System.nanoTime());
            announce(false);
        });
    }

    /** Runs agenda entries until one reported something (a voided message or a stale timer reports nothing). */
    @Override
    public boolean step() {
        if (!clock.paused()) {
            throw new IllegalStateException("step only while paused");
        }
        if (lockstep != null) {
            return lockstep.step();
        }
        return awaitTrue(() -> {
            long before = simulation.events().lastSeq();
            while (driver.nextDue() != Long.MAX_VALUE && simulation.events().lastSeq() == before) {
                driver.runNext();
            }
            clock.stepTo(simulation.now());
            return simulation.events().lastSeq() != before;
        });
    }

    // ---------------------------------------------------------------- a lockstep's single step, on this simulation's thread

    /** When this simulation's next agenda entry is due ({@link Long#MAX_VALUE}: none, or no answer). */
    long dueNext() {
        Long due = await(driver::nextDue);
        return due == null ? Long.MAX_VALUE : due;
    }

    /** Runs the next agenda entry; whether it reported anything. */
    boolean runOne() {
        return awaitTrue(() -> {
            long before = simulation.events().lastSeq();
            driver.runNext();
            return simulation.events().lastSeq() != before;
        });
    }

    /** Runs up to the shared clock's time. */
    void catchUp() {
        await(() -> {
            catchUpNow();
            return null;
        });
    }

    @Override
    public long now() {
        return Math.max(simulation.now(), clockMicros());
    }

    @Override
    public void advanceTo(long micros) throws InterruptedException {
        while (now() < micros) {
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    // ---------------------------------------------------------------- the cluster, through the thread

    @Override
    public ClusterSpec spec() {
        return simulation.spec();
    }

    @Override
    public EventStream events() {
        return simulation.events();
    }

    /** Boots a new cluster; a scenario run or a fork hands over one booted already, which needs no start. */
    @Override
    public void start() {
        post(() -> {
            simulation.start();
            clock.reanchor(System.nanoTime(), simulation.now());
        });
    }

    @Override
    public void mark(String action) {
        post(() -> simulation.emit(new EventBody.ByHand(action)));
    }

    @Override
    public void scheduleAt(long micros, Runnable action) {
        post(() -> simulation.scheduleAt(micros, action));
    }

    @Override
    public void narrate(EventBody.Caption caption) {
        post(() -> simulation.narrate(caption));
    }

    @Override
    public void crash(int node) {
        post(() -> simulation.crash(node));
    }

    @Override
    public void restart(int node) {
        post(() -> simulation.restart(node));
    }

    @Override
    public boolean isUp(int node) {
        return awaitTrue(() -> simulation.isUp(node));
    }

    /** Not offered: every fault method is overridden to reach the network on the simulation's own thread. */
    @Override
    public NetworkFaults faults() {
        throw new UnsupportedOperationException("use the fault methods; they run on the simulation's thread");
    }

    @Override
    public void cut(int from, int to, boolean oneWay) {
        post(() -> simulation.cut(from, to, oneWay));
    }

    @Override
    public void restore(int from, int to, boolean oneWay) {
        post(() -> simulation.restore(from, to, oneWay));
    }

    @Override
    public void isolate(int node) {
        post(() -> simulation.isolate(node));
    }

    @Override
    public void partition(List<List<paxosviz.core.Address>> groups) {
        post(() -> simulation.partition(groups));
    }

    @Override
    public void heal() {
        post(simulation::heal);
    }

    @Override
    public void setNetwork(LinkParams params) {
        post(() -> simulation.setNetwork(params));
    }

    @Override
    public LinkParams network() {
        return await(simulation::network);
    }

    @Override
    public ClientSession client(String name) {
        if (!onThread()) {
            throw new IllegalStateException("clients live on the simulation's thread: use submit() from other threads");
        }
        return simulation.client(name);
    }

    @Override
    public void submit(String client, ClientSession.Request request) {
        post(() -> simulation.client(client).submit(request));
    }

    @Override
    public Workload startLoad(List<String> clients, List<String> keys, double ratePerSec, long untilMicros) {
        return await(() -> simulation.startLoad(clients, keys, ratePerSec, untilMicros));
    }

    @Override
    public void startBackgroundLoad(List<String> names, List<String> keys, double ratePerSec) {
        post(() -> {
            simulation.stopLoads();
            simulation.startLoad(names, keys, ratePerSec, Long.MAX_VALUE);
        });
    }

    @Override
    public boolean clientsIdle() {
        return awaitTrue(simulation::clientsIdle);
    }

    @Override
    public void stopClients() {
        post(simulation::stopClients);
    }

    @Override
    public ReplicaStatus status(int node) {
        return await(() -> simulation.status(node));
    }

    @Override
    public void finish() {
        await(() -> {
            simulation.finish();
            return null;
        });
    }

    // ---------------------------------------------------------------- per-message control

    @Override
    public List<InFlight> inFlight() {
        List<InFlight> views = await(simulation::inFlight);
        return views == null ? List.of() : views;
    }

    @Override
    public boolean hold(long id, int copy) {
        return awaitTrue(() -> simulation.hold(id, copy));
    }

    @Override
    public boolean release(long id, int copy) {
        return awaitTrue(() -> simulation.release(id, copy));
    }

    @Override
    public boolean deliverNow(long id, int copy) {
        return awaitTrue(() -> simulation.deliverNow(id, copy));
    }

    @Override
    public boolean drop(long id, int copy) {
        return awaitTrue(() -> simulation.drop(id, copy));
    }

    @Override
    public boolean duplicate(long id, int copy) {
        return awaitTrue(() -> simulation.duplicate(id, copy));
    }

    @Override
    public void close() {
        if (lockstep != null) {
            lockstep.leave(this);
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(ANSWER_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
