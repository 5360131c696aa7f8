package paxosviz.runtime.threads;

/**
 * The cluster's clock, in microseconds: wall time scaled by a speed (0.02x for a lecture hall,
 * 2x to hurry), frozen while paused, and moved forward by hand when single-stepping.
 */
final class ControlledClock {

    static final double MIN_SPEED = paxosviz.runtime.LiveCluster.MIN_SPEED;
    static final double MAX_SPEED = paxosviz.runtime.LiveCluster.MAX_SPEED;

    private double speed = 1.0;
    private boolean paused;
    private long anchorWallNanos = System.nanoTime();
    private long anchorMicros;

    synchronized long now() {
        if (paused) {
            return anchorMicros;
        }
        return anchorMicros + (long) ((System.nanoTime() - anchorWallNanos) / 1000.0 * speed);
    }

    synchronized double speed() {
        return speed;
    }

    synchronized boolean paused() {
        return paused;
    }

    synchronized void setSpeed(double newSpeed) {
        if (!(newSpeed >= MIN_SPEED && newSpeed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be within " + MIN_SPEED + ".." + MAX_SPEED + ", got " + newSpeed);
        }
        reanchor();
        speed = newSpeed;
    }

    synchronized void pause() {
        if (!paused) {
            anchorMicros = now();
            paused = true;
        }
    }

    synchronized void resume() {
        if (paused) {
            anchorWallNanos = System.nanoTime();
            paused = false;
        }
    }

    /** While paused, moves the clock forward to {@code micros} (a single step's due time). */
    synchronized void jumpTo(long micros) {
        if (micros > now()) {
            anchorMicros = micros;
            anchorWallNanos = System.nanoTime();
        }
    }

    /** Wall nanoseconds until the clock reads {@code micros}; at least 0. */
    synchronized long wallNanosUntil(long micros) {
        long ahead = micros - now();
        return ahead <= 0 ? 0 : (long) (ahead * 1000 / speed);
    }

    private void reanchor() {
        anchorMicros = now();
        anchorWallNanos = System.nanoTime();
    }
}
