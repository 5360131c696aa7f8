package paxosviz.runtime.threads;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts inputs handed to actors and not yet finished, so that pause and step can wait until
 * every actor is idle: then nothing more happens until the clock runs again.
 */
final class Quiescence {

    private final AtomicLong pending = new AtomicLong();

    void added() {
        pending.incrementAndGet();
    }

    void done(int inputs) {
        if (inputs > 0 && pending.addAndGet(-inputs) == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Waits until no actor has work, up to {@code timeoutMillis}; returns whether it got there. */
    boolean await(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (this) {
            while (pending.get() > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                wait(Math.min(left, 5));
            }
        }
        return true;
    }
}
