package paxosviz.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pace of virtual time against the wall, and the promise that keeps simulations sharing it level. */
class PaceClockTest {

    private static final long MS = 1_000_000; // wall nanoseconds

    @Test
    void runsAtItsSpeedAndStandsStillWhilePaused() {
        PaceClock clock = new PaceClock(0, 0, false);
        clock.setSpeed(0.5, 0, 0);
        assertThat(clock.now(10 * MS)).isEqualTo(5_000);

        assertThat(clock.pauseAt(0)).isTrue();
        assertThat(clock.now(50 * MS)).as("frozen where it was last asked to run to, or where it was paused").isEqualTo(0);
        assertThat(clock.resume(60 * MS)).isTrue();
        assertThat(clock.now(70 * MS)).isEqualTo(5_000);
    }

    @Test
    void aPauseFreezesNoEarlierThanAnyTimeHandedOut() {
        PaceClock clock = new PaceClock(0, 0, false);
        long ahead = clock.target(20 * MS); // one simulation ran to here
        clock.pauseAt(5_000);               // another, behind it, pauses the shared clock

        assertThat(clock.now(30 * MS)).isEqualTo(ahead);
        assertThat(clock.pauseAt(1)).as("paused already").isFalse();
    }

    @Test
    void aStepMovesTheFrozenTimeOnButNeverBack() {
        PaceClock clock = new PaceClock(1_000, 0, true);
        clock.stepTo(1_500);
        clock.stepTo(1_200);

        assertThat(clock.now(99 * MS)).isEqualTo(1_500);
    }

    @Test
    void aNewSpeedStartsFromNowWithoutAJump() {
        PaceClock clock = new PaceClock(0, 0, false);
        clock.setSpeed(2.0, 10 * MS, 0);

        assertThat(clock.now(10 * MS)).isEqualTo(10_000);
        assertThat(clock.now(11 * MS)).isEqualTo(12_000);
    }
}
