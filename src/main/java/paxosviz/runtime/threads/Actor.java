package paxosviz.runtime.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread with a mailbox whose inputs run one at a time, to completion (the actor model, as
 * in MicroRaft). Inputs that arrive while it works are taken as one batch, after which
 * {@link #afterBatch()} runs: that is where a replica flushes its queued proposals. The
 * mailbox is lock-free; an idle actor parks and the first post after that wakes it.
 */
class Actor {

    private static final int BATCH_LIMIT = 4096;

    private final String name;
    private final Quiescence quiescence;
    private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final List<Runnable> batch = new ArrayList<>();
    private volatile Thread thread;
    private volatile boolean stopped;

    Actor(String name, Quiescence quiescence) {
        this.name = name;
        this.quiescence = quiescence;
    }

    void start() {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands the actor an input; callable from any thread. Returns false if the actor has stopped. */
    boolean post(Runnable input) {
        if (stopped) {
            return false;
        }
        quiescence.added();
        mailbox.offer(input);
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
        if (stopped && mailbox.remove(input)) {
            quiescence.done(1); // stopped meanwhile: nobody will run it
            return false;
        }
        return true;
    }

    /**
     * Stops after the input in progress and waits for the thread. Inputs still queued are run
     * afterwards on the caller's thread if {@code drain} (a crashed node's inputs then only
     * record that their messages were lost), else discarded.
     */
    void stop(boolean drain) {
        stopped = true;
        Thread running = thread;
        if (running != null && running != Thread.currentThread()) {
            LockSupport.unpark(running);
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int left = 0;
        Runnable input;
        try {
            while ((input = mailbox.poll()) != null) {
                left++;
                if (drain) {
                    input.run();
                }
            }
        } finally {
            quiescence.done(left);
        }
    }

    boolean isActorThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs after each batch of inputs, on the actor's thread. */
    void afterBatch() {
    }

    private void loop() {
        while (!stopped) {
            Runnable input;
            while (batch.size() < BATCH_LIMIT && (input = mailbox.poll()) != null) {
                batch.add(input);
            }
            if (batch.isEmpty()) {
                sleep();
                continue;
            }
            for (Runnable each : batch) {
                try {
                    each.run();
                } catch (RuntimeException failure) {
                    // a bug in a handler must not kill the actor silently: say so and go on
                    System.err.println(name + ": " + failure);
                    failure.printStackTrace();
                }
            }
            try {
                afterBatch();
            } finally {
                quiescence.done(batch.size());
                batch.clear();
            }
        }
    }

    /** Parks until a post arrives; re-checks the mailbox after announcing sleep, so no wake-up is lost. */
    private void sleep() {
        sleeping.set(true);
        if (!mailbox.isEmpty() || stopped) {
            sleeping.set(false);
            return;
        }
        LockSupport.park(this);
        sleeping.set(false);
    }
}
