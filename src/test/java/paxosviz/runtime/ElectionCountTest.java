package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How many elections the random fault sweep's schedules cause. By default a quick guard over
 * the first 200 schedules; {@code mvn -B -o test -Dtest=ElectionCountTest -Delections.seeds=2000}
 * prints the counts over seeds 1..2000, for comparing versions of the protocol.
 */
class ElectionCountTest {

    @Test
    void cutOffNodesNoLongerDriveElections() throws Exception {
        ElectionCount.Counts counts = ElectionCount.over(1, 200);

        // before pre-vote these 200 schedules started 1,901 elections (9.5 each) for 574 leaders,
        // and 303 leaders stepped down on a nack; with it 478 (2.4 each) for 433 leaders, 17 nacks
        assertThat(counts.elections()).as(counts.toString()).isLessThan(3 * 200);
        assertThat(counts.stepdowns().getOrDefault("nack", 0L)).as(counts.toString()).isLessThan(50);
    }

    @Test
    @EnabledIfSystemProperty(named = "elections.seeds", matches = "[0-9]+")
    void countElectionsOverTheRandomSweep() throws Exception {
        long seeds = Long.getLong("elections.seeds");
        ElectionCount.Counts counts = ElectionCount.over(1, seeds);
        System.out.println("election count over the random fault sweep, " + counts);
        assertThat(counts.seeds()).isEqualTo(seeds);
    }
}
