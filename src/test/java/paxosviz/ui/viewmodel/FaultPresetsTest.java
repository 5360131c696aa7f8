package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.OpType;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.threads.ThreadedCluster;
import paxosviz.scenario.Protocol;
import paxosviz.ui.session.LiveControls;
import paxosviz.ui.session.LiveDefaults;
import paxosviz.viewstate.ViewState;

/**
 * The presets applied to a real cluster's network (not started: only its links matter), checked
 * on the runtime's topology and on the links folded from the events it reports, which is what
 * the window draws.
 */
class FaultPresetsTest {

    private final EventStream events = new EventStream();
    private final ViewState folded = new ViewState(5, Protocol.MULTIPAXOS);
    private final ThreadedCluster cluster;
    private final LiveControls controls;

    FaultPresetsTest() {
        events.subscribe(folded::apply);
        cluster = new ThreadedCluster(LiveDefaults.spec(5), events);
        controls = new NetworkControls(cluster);
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    /** Whether both directions between two nodes are up, as the runtime has it; the folded state must agree. */
    private boolean up(int a, int b) {
        boolean runtime = cluster.isLinkUp(a, b) && cluster.isLinkUp(b, a);
        boolean shown = folded.links().isUp(a, b) && folded.links().isUp(b, a);
        assertThat(shown).as("the window's links agree with the runtime's between n%d and n%d", a, b).isEqualTo(runtime);
        return runtime;
    }

    private int reachable(int node) {
        int count = 0;
        for (int other = 0; other < 5; other++) {
            if (other != node && up(node, other)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void majorityMinoritySplitsThreeFromTwo() {
        FaultPresets.majorityMinority(controls, 5);

        assertThat(reachable(0)).isEqualTo(2);
        assertThat(reachable(4)).isEqualTo(1);
        assertThat(cluster.isLinkUp(2, 3)).isFalse();
        assertThat(folded.links().groups()).hasSize(2);
    }

    @Test
    void isolateCutsEveryLinkOfOneNode() {
        FaultPresets.isolate(controls, 2);

        assertThat(reachable(2)).isZero();
        assertThat(reachable(0)).isEqualTo(3);
    }

    @Test
    void theBridgeHearsBothHalvesWhichCannotHearEachOther() {
        FaultPresets.bridge(controls, 5);

        assertThat(reachable(2)).isEqualTo(4);
        assertThat(cluster.isLinkUp(0, 3)).isFalse();
        assertThat(cluster.isLinkUp(1, 4)).isFalse();
        assertThat(cluster.isLinkUp(0, 1)).isTrue();
        assertThat(up(0, 3)).isFalse();
    }

    @Test
    void inTheRingEachNodeHearsOnlyItsTwoNeighbours() {
        FaultPresets.ring(controls, 5);

        for (int node = 0; node < 5; node++) {
            assertThat(reachable(node)).isEqualTo(2);
        }
        assertThat(cluster.isLinkUp(0, 4)).isTrue();
        assertThat(cluster.isLinkUp(0, 2)).isFalse();
    }

    @Test
    void presetsStartFromAHealedNetwork() {
        FaultPresets.majorityMinority(controls, 5);
        FaultPresets.ring(controls, 5);

        assertThat(cluster.isLinkUp(2, 3)).isTrue();
        assertThat(up(2, 3)).isTrue();
    }

    @Test
    void theBridgeAndRingFitOtherSizes() {
        FaultPresets.bridge(controls, 3);
        assertThat(up(0, 2)).as("n1 bridges n0 and n2").isFalse();
        assertThat(up(0, 1)).isTrue();
        assertThat(up(1, 2)).isTrue();
    }

    /** The network half of the live controls, straight onto the cluster; the presets need no other. */
    private static final class NetworkControls implements LiveControls {
        private final ThreadedCluster cluster;

        NetworkControls(ThreadedCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public void cut(int from, int to, boolean oneWay) {
            cluster.cut(from, to, oneWay);
        }

        @Override
        public void restore(int from, int to, boolean oneWay) {
            cluster.restore(from, to, oneWay);
        }

        @Override
        public void isolate(int node) {
            cluster.isolate(node);
        }

        @Override
        public void partition(List<List<Address>> groups) {
            cluster.partition(groups);
        }

        @Override
        public void heal() {
            cluster.heal();
        }

        private static AssertionError notAPreset() {
            return new AssertionError("a preset only changes links");
        }

        @Override
        public void crash(int node) {
            throw notAPreset();
        }

        @Override
        public void restart(int node) {
            throw notAPreset();
        }

        @Override
        public void hold(long id, int copy) {
            throw notAPreset();
        }

        @Override
        public void release(long id, int copy) {
            throw notAPreset();
        }

        @Override
        public void deliverNow(long id, int copy) {
            throw notAPreset();
        }

        @Override
        public void drop(long id, int copy) {
            throw notAPreset();
        }

        @Override
        public void duplicate(long id, int copy) {
            throw notAPreset();
        }

        @Override
        public void submit(String client, OpType type, String key, String value, String expect) {
            throw notAPreset();
        }

        @Override
        public void setSpeed(double speed) {
            throw notAPreset();
        }

        @Override
        public void pause() {
            throw notAPreset();
        }

        @Override
        public void resume() {
            throw notAPreset();
        }

        @Override
        public void step() {
            throw notAPreset();
        }

        @Override
        public void setNetwork(double minDelayMs, double maxDelayMs, double drop, double duplicate) {
            throw notAPreset();
        }

        @Override
        public void setWorkload(boolean on, double ratePerSec, int clients) {
            throw notAPreset();
        }
    }
}
