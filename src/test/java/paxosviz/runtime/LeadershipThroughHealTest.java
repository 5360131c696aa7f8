package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.NodeEvent;
import paxosviz.core.ReplicaStatus;
import paxosviz.core.Role;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Protocol;
import paxosviz.trace.model.EventBody;

/**
 * A healthy leader keeps its place when a node that was cut off comes back: the returning
 * node must not depose it (pre-vote), and a node behind a single cut link, which still
 * reaches up-to-date peers, neither campaigns nor stays behind. Only a leader that was itself
 * cut off from the majority is replaced, once, and its successor stays through the heal.
 */
class LeadershipThroughHealTest {

    private static final int NODES = 5;
    /** Long enough for many election timeouts (150 to 300 ms by default). */
    private static final long AWAY = 3_000_000;

    /** A running five-node cluster under light load, with every node event it reported. */
    private static final class Run {
        final Simulation sim;
        final List<Timed> steps = new ArrayList<>();

        record Timed(long micros, int node, NodeEvent event) {
        }

        Run(long seed) {
            EventStream events = new EventStream();
            sim = new Simulation(ClusterSpec.defaults(NODES, Protocol.MULTIPAXOS), seed, events);
            events.subscribe(event -> {
                if (event.body() instanceof EventBody.NodeStep step) {
                    steps.add(new Timed(Math.round(event.t() * 1000), step.node(), step.event()));
                }
            });
            sim.start();
            sim.startLoad(List.of("w1", "w2", "w3"), List.of("a", "b"), 200, Long.MAX_VALUE);
            advance(1_000_000);
        }

        void advance(long micros) {
            sim.advanceTo(sim.now() + micros);
        }

        int leader() {
            int leader = -1;
            for (int node = 0; node < NODES; node++) {
                ReplicaStatus status = sim.status(node);
                if (status != null && status.role() == Role.LEADER) {
                    assertThat(leader).as("two leaders").isEqualTo(-1);
                    leader = node;
                }
            }
            return leader;
        }

        Ballot ballotOf(int node) {
            return sim.status(node).ballot();
        }

        long elections(long fromMicros) {
            return steps.stream().filter(s -> s.micros() >= fromMicros && s.event() instanceof NodeEvent.ElectionStarted).count();
        }

        long promises(int node, long fromMicros) {
            return steps.stream().filter(s -> s.micros() >= fromMicros && s.node() == node
                    && s.event() instanceof NodeEvent.Promised).count();
        }

        /** Stops the load and lets the cluster settle, then checks every node applied the same. */
        void assertConverged() {
            sim.stopClients();
            advance(1_000_000);
            long applied = sim.status(0).applied();
            for (int node = 1; node < NODES; node++) {
                assertThat(sim.status(node).applied()).as("n%d applied", node).isEqualTo(applied);
                assertThat(sim.status(node).digest()).as("n%d state", node).isEqualTo(sim.status(0).digest());
            }
        }
    }

    /** The follower after the leader, the one after it, and so on. */
    private static int follower(int leader, int k) {
        return (leader + k) % NODES;
    }

    private static List<List<Address>> groups(IntFunction<Integer> sideOf) {
        List<List<Address>> groups = List.of(new ArrayList<>(), new ArrayList<>());
        for (int node = 0; node < NODES; node++) {
            groups.get(sideOf.apply(node)).add(Address.node(node));
        }
        return groups;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void anIsolatedFollowerRejoinsWithoutDeposingTheLeader(long seed) {
        Run run = new Run(seed);
        int leader = run.leader();
        Ballot ballot = run.ballotOf(leader);
        int away = follower(leader, 2);
        long cutAt = run.sim.now();

        run.sim.isolate(away);
        run.advance(AWAY);
        assertThat(run.promises(away, cutAt)).as("promises the isolated node made").isZero();
        run.sim.heal();
        run.advance(AWAY);

        assertThat(run.elections(cutAt)).as("elections since the isolation").isZero();
        assertThat(run.leader()).isEqualTo(leader);
        assertThat(run.ballotOf(leader)).isEqualTo(ballot);
        run.assertConverged();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aNodeBehindOneCutLinkNeitherCampaignsNorFallsBehind(long seed) {
        Run run = new Run(seed);
        int leader = run.leader();
        Ballot ballot = run.ballotOf(leader);
        int behind = follower(leader, 3);
        long cutAt = run.sim.now();

        run.sim.cut(leader, behind, false);
        long worstLag = 0;
        for (long waited = 0; waited < AWAY; waited += 50_000) {
            run.advance(50_000);
            worstLag = Math.max(worstLag, run.sim.status(leader).applied() - run.sim.status(behind).applied());
        }
        assertThat(run.elections(cutAt)).as("elections during the cut").isZero();
        // it learns how far the log is chosen from its peers' pre-vote refusals, once per election
        // timeout (at most 300 ms, 60 slots of this load); without them it would fall 600 behind
        assertThat(worstLag).as("slots the cut-off node lags behind the leader, at worst").isLessThan(100);
        run.sim.restore(leader, behind, false);
        run.advance(AWAY);

        assertThat(run.elections(cutAt)).as("elections since the cut").isZero();
        assertThat(run.leader()).isEqualTo(leader);
        assertThat(run.ballotOf(leader)).isEqualTo(ballot);
        run.assertConverged();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aMinorityRejoinsWithoutDeposingTheMajoritysLeader(long seed) {
        Run run = new Run(seed);
        int leader = run.leader();
        Ballot ballot = run.ballotOf(leader);
        long cutAt = run.sim.now();

        // the leader and the next two nodes on one side, the other two on the other
        run.sim.partition(groups(node -> (node - leader + NODES) % NODES < 3 ? 0 : 1));
        run.advance(AWAY);
        run.sim.heal();
        run.advance(AWAY);

        assertThat(run.elections(cutAt)).as("elections since the partition").isZero();
        assertThat(run.leader()).isEqualTo(leader);
        assertThat(run.ballotOf(leader)).isEqualTo(ballot);
        run.assertConverged();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aRingOfMajoritiesKeepsTheLeaderAndSoDoesItsHeal(long seed) {
        Run run = new Run(seed);
        int leader = run.leader();
        Ballot ballot = run.ballotOf(leader);
        long cutAt = run.sim.now();

        for (int a = 0; a < NODES; a++) {
            for (int b = a + 1; b < NODES; b++) {
                if (b - a != 1 && !(a == 0 && b == NODES - 1)) {
                    run.sim.cut(a, b, false);
                }
            }
        }
        run.advance(AWAY);
        assertThat(run.elections(cutAt)).as("elections in the ring").isZero();
        run.sim.heal();
        run.advance(AWAY);

        assertThat(run.elections(cutAt)).as("elections since the ring").isZero();
        assertThat(run.leader()).isEqualTo(leader);
        assertThat(run.ballotOf(leader)).isEqualTo(ballot);
        run.assertConverged();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void anIsolatedLeaderIsReplacedOnceAndItsSuccessorStaysThroughTheHeal(long seed) {
        Run run = new Run(seed);
        int old = run.leader();
        run.sim.isolate(old);
        run.advance(AWAY);
        int successor = run.leader();
        assertThat(successor).isNotIn(-1, old);
        Ballot ballot = run.ballotOf(successor);
        long healedAt = run.sim.now();

        run.sim.heal();
        run.advance(AWAY);

        assertThat(run.elections(healedAt)).as("elections since the heal").isZero();
        assertThat(run.leader()).isEqualTo(successor);
        assertThat(run.ballotOf(successor)).isEqualTo(ballot);
        run.assertConverged();
    }
}
