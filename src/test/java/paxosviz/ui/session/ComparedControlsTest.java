package paxosviz.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.OpType;

/** One side's controls in a comparison: the experiment reaches both clusters, a message and the shared clock only one. */
class ComparedControlsTest {

    private final ScriptedSession own = new ScriptedSession(5, true);
    private final ScriptedSession other = new ScriptedSession(5, true);
    private final ComparedControls controls = new ComparedControls(own, other);

    @Test
    void faultsReachTheSameNodesOnBothClusters() {
        controls.crash(2);
        controls.restart(2);
        controls.cut(0, 1, true);
        controls.restore(0, 1, true);
        controls.isolate(4);
        controls.partition(List.of(List.of(Address.node(0), Address.node(1), Address.node(2)),
                List.of(Address.node(3), Address.node(4))));
        controls.heal();

        assertThat(own.actions()).hasSize(7).containsExactlyElementsOf(other.actions());
        assertThat(other.actions()).startsWith("crash 2", "restart 2", "cut 0 1 oneWay=true");
    }

    @Test
    void clientOperationsTheNetworkAndTheWorkloadReachBoth() {
        controls.submit("alice", OpType.PUT, "x", "1", null);
        controls.setNetwork(5, 20, 0.1, 0);
        controls.setWorkload(true, 10, 2);

        assertThat(own.actions()).hasSize(3).containsExactlyElementsOf(other.actions());
    }

    @Test
    void aMessageBelongsToItsOwnClusterOnly() {
        controls.hold(7, 0);
        controls.release(7, 0);
        controls.deliverNow(7, 0);
        controls.drop(7, 0);
        controls.duplicate(7, 0);

        assertThat(own.actions()).hasSize(5);
        assertThat(other.actions()).isEmpty();
    }

    /** Both clusters share one clock: driven twice, a step would move it twice. */
    @Test
    void theSharedClockIsDrivenOnce() {
        controls.pause();
        controls.step();
        controls.setSpeed(0.5);
        controls.resume();

        assertThat(own.actions()).containsExactly("pause", "step", "speed 0.5", "resume");
        assertThat(other.actions()).isEmpty();
    }
}
