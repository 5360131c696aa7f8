package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how many elections the random fault sweep's schedules cause, for comparing versions
 * of the protocol. Off by default (the sweep itself already runs these schedules for safety):
 * {@code mvn -B -o test -Dtest=ElectionCountTest -Delections.seeds=2000} counts seeds 1..2000.
 */
class ElectionCountTest {

    @Test
    @EnabledIfSystemProperty(named = "elections.seeds", matches = "[0-9]+")
    void countElectionsOverTheRandomSweep() throws Exception {
        long seeds = Long.getLong("elections.seeds");
        ElectionCount.Counts counts = ElectionCount.over(1, seeds);
        System.out.println("election count over the random fault sweep, " + counts);
        assertThat(counts.seeds()).isEqualTo(seeds);
    }
}
