package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import paxosviz.scenario.Protocol;

/** The comparison's model without a window: one clock for both sides, another pair on demand, nothing left running. */
class CompareViewModelTest {

    private final long threadsBefore = simulationThreads();
    private final CompareViewModel model = new CompareViewModel(Comparisons.AUTO_FAILOVER_VS_PAXOS);

    @AfterEach
    void close() {
        model.close();
    }

    private static long simulationThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("simulation")).count();
    }

    private void framesUntil(String what, long seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + seconds + " s for: " + what);
            }
            model.onFrame();
            Thread.sleep(16);
        }
    }

    private double leftMillis() {
        return model.sides().left().session().nowMillis();
    }

    private double rightMillis() {
        return model.sides().right().session().nowMillis();
    }

    @Test
    void pauseAndStepMoveBothSidesOnOneClock() throws Exception {
        model.speedProperty().set(1.0);
        framesUntil("the clusters running", 10, () -> model.clusterMillisProperty().get() > 200);

        model.togglePause();
        framesUntil("the pause reaching both", 10,
                () -> model.sides().left().session().state().paused() && model.sides().right().session().state().paused());
        assertThat(model.pausedProperty().get()).isTrue();
        double frozen = leftMillis();
        assertThat(rightMillis()).isEqualTo(frozen);

        for (int i = 0; i < 5; i++) {
            model.step();
        }
        // Each side's view hears of a step on its own thread, so the two can be a step apart for a frame.
        framesUntil("a step moving both sides to one time past the pause", 10, () -> leftMillis() > frozen && rightMillis() == leftMillis());
        assertThat(model.pausedProperty().get()).as("steps keep the pair paused").isTrue();
    }

    @Test
    void runningAnotherPairReplacesBothSidesAndClosingStopsEveryCluster() throws Exception {
        model.rightProtocolProperty().set(Protocol.PRIMARY_BACKUP);
        model.run();

        assertThat(model.sides().left().title()).isEqualTo("Primary/backup with automatic failover");
        assertThat(model.sides().right().title()).isEqualTo("Primary/backup with a view service");
        assertThat(model.sides().right().unsafe()).isFalse();
        framesUntil("the new pair running", 10, () -> simulationThreads() == threadsBefore + 2);

        model.close();
        framesUntil("every simulation stopped", 10, () -> simulationThreads() == threadsBefore);
    }
}
