package paxosviz.runtime.threads;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A thread with a mailbox whose inputs run one at a time, to completion (the actor model, as
 * in MicroRaft). Inputs that arrive while it works are taken as one batch, after which
 * {@link #afterBatch()} runs: that is where a replica flushes its queued proposals.
 */
class Actor {

    private final String name;
    private final Quiescence quiescence;
    private final ArrayDeque<Runnable> mailbox = new ArrayDeque<>();
    private final List<Runnable> batch = new ArrayList<>();
    private Thread thread;
    private boolean stopped;

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
        synchronized (this) {
            if (stopped) {
                return false;
            }
            quiescence.added();
            mailbox.add(input);
            if (mailbox.size() == 1) {
                notify();
            }
        }
        return true;
    }

    /**
     * Stops after the input in progress and waits for the thread. Inputs still queued are run
     * afterwards on the caller's thread if {@code drain} (a crashed node's inputs then only
     * record that their messages were lost), else discarded.
     */
    void stop(boolean drain) {
        List<Runnable> left;
        synchronized (this) {
            stopped = true;
            left = new ArrayList<>(mailbox);
            mailbox.clear();
            notify();
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (drain) {
                left.forEach(Runnable::run);
            }
        } finally {
            quiescence.done(left.size());
        }
    }

    boolean isActorThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs after each batch of inputs, on the actor's thread. */
    void afterBatch() {
    }

    private void loop() {
        while (true) {
            synchronized (this) {
                while (mailbox.isEmpty() && !stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        stopped = true;
                    }
                }
                if (stopped) {
                    return;
                }
                batch.addAll(mailbox);
                mailbox.clear();
            }
            for (Runnable input : batch) {
                try {
                    input.run();
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
}
