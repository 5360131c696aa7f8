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
 * This is how a run forked from a trace goes on as a live experiment.
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
    // the pace, read by any thread, changed only on the simulation's thread
    private volatile double speed = 1.0;
    private volatile boolean paused;
    /** Set on the simulation's thread by a caption that pauses while the clock runs. */
    private boolean captionPaused;
    private boolean pausedAtEnd;
    private volatile long anchorWallNanos;
    private volatile long anchorMicros;

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
        }, startPaused);
    }

    /**
     * A scenario run paced live: its events are exactly {@code run}'s, unless someone acts on it
     * by hand. It pauses when the run has recorded its end; running on after that is up to the user.
     */
    public PacedSimulation(SimulatedRun run) {
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
        }, false);
    }

    private PacedSimulation(Simulation simulation, Driver driver, boolean startPaused) {
        this.simulation = simulation;
        this.driver = driver;
        this.paused = startPaused;
        this.anchorMicros = simulation.now();
        simulation.onPausingCaption(() -> captionPaused = !paused);
        this.anchorWallNanos = System.nanoTime();
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
                if (paused) {
                    runNextTask(Long.MAX_VALUE);
                    continue;
                }
                long target = clockMicros();
                advance(target);
                if (driver.finished() && !pausedAtEnd) {
                    pausedAtEnd = true;
                    anchorMicros = simulation.now();
                    paused = true;
                    simulation.emit(new EventBody.Clock(speed, true));
                    continue;
                }
                long next = driver.nextDue();
                long waitNanos = next == Long.MAX_VALUE ? IDLE_WAIT_NANOS
                        : Math.min(IDLE_WAIT_NANOS, (long) ((next - target) * 1000 / speed));
                runNextTask(Math.max(waitNanos, 100_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As {@code driver.advanceTo}, but stops right after a caption that pauses, where the narration speaks. */
    private void advance(long target) {
        while (!captionPaused && driver.nextDue() <= target) {
            driver.runNext();
        }
        if (!captionPaused) {
            driver.advanceTo(target);
            return;
        }
        captionPaused = false;
        anchorMicros = simulation.now();
        paused = true;
        simulation.emit(new EventBody.Clock(speed, true));
    }

    private void runNextTask(long waitNanos) throws InterruptedException {
        Runnable task = waitNanos == Long.MAX_VALUE ? inbox.take() : inbox.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (task != null) {
            task.run();
        }
    }

    private long clockMicros() {
        if (paused) {
            return anchorMicros;
        }
        return anchorMicros + (long) ((System.nanoTime() - anchorWallNanos) / 1000.0 * speed);
    }

    /** Moves the anchor to now, so a new pace starts from the current time. */
    private void reanchor() {
        anchorMicros = Math.max(simulation.now(), clockMicros());
        anchorWallNanos = System.nanoTime();
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
        return speed;
    }

    @Override
    public void setSpeed(double newSpeed) {
        if (!(newSpeed >= MIN_SPEED && newSpeed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be within " + MIN_SPEED + ".." + MAX_SPEED + ", got " + newSpeed);
        }
        post(() -> {
            reanchor();
            speed = newSpeed;
            simulation.emit(new EventBody.Clock(newSpeed, paused));
        });
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public void pause() {
        await(() -> {
            if (!paused) {
                anchorMicros = simulation.now();
                paused = true;
                simulation.emit(new EventBody.Clock(speed, true));
            }
            return null;
        });
    }

    @Override
    public void resume() {
        post(() -> {
            if (paused) {
                anchorWallNanos = System.nanoTime();
                paused = false;
                simulation.emit(new EventBody.Clock(speed, false));
            }
        });
    }

    /** Runs agenda entries until one reported something (a voided message or a stale timer reports nothing). */
    @Override
    public boolean step() {
        return awaitTrue(() -> {
            if (!paused) {
                throw new IllegalStateException("step only while paused");
            }
            long before = simulation.events().lastSeq();
            while (driver.nextDue() != Long.MAX_VALUE && simulation.events().lastSeq() == before) {
                driver.runNext();
            }
            anchorMicros = simulation.now();
            return simulation.events().lastSeq() != before;
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
            reanchor();
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
        running = false;
        thread.interrupt();
        try {
            thread.join(ANSWER_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
