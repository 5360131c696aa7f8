package paxosviz.runtime.sim;

/**
 * The virtual time a live simulation runs to, paced against the wall: slowed, sped up, paused.
 * Several simulations may share one (two protocols compared side by side), so it remembers the
 * latest time it handed out: a pause freezes no earlier than that, and no simulation is ever
 * ahead of the frozen time. Pure arithmetic on the wall times it is given; any thread may call it.
 */
public final class PaceClock {

    private double speed = 1.0;
    private boolean paused;
    private long anchorMicros;
    private long anchorWallNanos;
    private long issuedMicros;

    public PaceClock(long startMicros, long wallNanos, boolean paused) {
        this.anchorMicros = startMicros;
        this.anchorWallNanos = wallNanos;
        this.issuedMicros = startMicros;
        this.paused = paused;
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** The virtual time at {@code wallNanos}: frozen while paused. */
    public synchronized long now(long wallNanos) {
        if (paused) {
            return anchorMicros;
        }
        return anchorMicros + (long) ((wallNanos - anchorWallNanos) / 1000.0 * speed);
    }

    /** The time a simulation should run to at {@code wallNanos}; remembered, so a pause cannot fall behind it. */
    public synchronized long target(long wallNanos) {
        long target = now(wallNanos);
        issuedMicros = Math.max(issuedMicros, target);
        return target;
    }

    /** Freezes the clock at {@code atMicros} or later (at the latest time handed out). False if it was paused already. */
    public synchronized boolean pauseAt(long atMicros) {
        if (paused) {
            return false;
        }
        anchorMicros = Math.max(atMicros, issuedMicros);
        issuedMicros = anchorMicros;
        paused = true;
        return true;
    }

    /** Runs on from the frozen time. False if it was running already. */
    public synchronized boolean resume(long wallNanos) {
        if (!paused) {
            return false;
        }
        anchorWallNanos = wallNanos;
        paused = false;
        return true;
    }

    /** A new pace from now on, starting no earlier than {@code atLeastMicros}. */
    public synchronized void setSpeed(double newSpeed, long wallNanos, long atLeastMicros) {
        reanchor(wallNanos, atLeastMicros);
        speed = newSpeed;
    }

    /** Starts the pace afresh from now (no earlier than {@code atLeastMicros}): time spent booting is not made up for. */
    public synchronized void reanchor(long wallNanos, long atLeastMicros) {
        anchorMicros = Math.max(atLeastMicros, now(wallNanos));
        anchorWallNanos = wallNanos;
    }

    /** While paused: moves the frozen time on to {@code micros} (one single step), never back. */
    public synchronized void stepTo(long micros) {
        anchorMicros = Math.max(anchorMicros, micros);
        issuedMicros = Math.max(issuedMicros, anchorMicros);
    }
}
