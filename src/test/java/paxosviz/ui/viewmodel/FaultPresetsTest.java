package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import paxosviz.runtime.EventStream;
import paxosviz.runtime.threads.ThreadedCluster;

class FaultPresetsTest {

    private final ThreadedCluster cluster = new ThreadedCluster(LiveDefaults.spec(5), new EventStream());

    @AfterEach
    void close() {
        cluster.close();
    }

    private int reachable(int node) {
        int count = 0;
        for (int other = 0; other < 5; other++) {
            if (other != node && cluster.isLinkUp(node, other) && cluster.isLinkUp(other, node)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void majorityMinoritySplitsThreeFromTwo() {
        FaultPresets.majorityMinority(cluster);

        assertThat(reachable(0)).isEqualTo(2);
        assertThat(reachable(4)).isEqualTo(1);
        assertThat(cluster.isLinkUp(2, 3)).isFalse();
    }

    @Test
    void isolateCutsEveryLinkOfOneNode() {
        FaultPresets.isolate(cluster, 2);

        assertThat(reachable(2)).isZero();
        assertThat(reachable(0)).isEqualTo(3);
    }

    @Test
    void theBridgeHearsBothHalvesWhichCannotHearEachOther() {
        FaultPresets.bridge(cluster);

        assertThat(reachable(2)).isEqualTo(4);
        assertThat(cluster.isLinkUp(0, 3)).isFalse();
        assertThat(cluster.isLinkUp(1, 4)).isFalse();
        assertThat(cluster.isLinkUp(0, 1)).isTrue();
    }

    @Test
    void inTheRingEachNodeHearsOnlyItsTwoNeighbours() {
        FaultPresets.ring(cluster);

        for (int node = 0; node < 5; node++) {
            assertThat(reachable(node)).isEqualTo(2);
        }
        assertThat(cluster.isLinkUp(0, 4)).isTrue();
        assertThat(cluster.isLinkUp(0, 2)).isFalse();
    }

    @Test
    void presetsStartFromAHealedNetwork() {
        FaultPresets.majorityMinority(cluster);
        FaultPresets.ring(cluster);

        assertThat(cluster.isLinkUp(2, 3)).isTrue();
    }
}
