package paxosviz.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static paxosviz.scenarios.ScenarioBuilder.scenario;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import paxosviz.core.NodeEvent;
import paxosviz.scenario.Scenario;
import paxosviz.scenarios.Runs.Run;
import paxosviz.scenarios.Runs.Runtime;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;

/**
 * The classic Paxos lab suite (agreement, deaf peers, late and restarted peers, concurrent
 * proposals, unreliable networks, partition sequences) and its key-value part, run on both
 * runtimes and judged by the checker.
 */
class PaxosLabSuiteTest {

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void concurrentClientsAgreeOnOneLog(Runtime runtime) throws Exception {
        ScenarioBuilder s = scenario("basic-agreement").nodes(5).duration(2000)
                .load(0, 4, List.of("a", "b"), 200, 1800);
        for (int client = 1; client <= 5; client++) {
            s.put(600, "c" + client, "same", "v" + client);
        }
        Run run = Runs.run(s.build(), runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        assertThat(run.verdict().report().acknowledged()).isGreaterThan(20);
        for (int client = 1; client <= 5; client++) {
            assertThat(run.returnsOf("c" + client)).extracting(EventBody.Return::outcome).containsExactly(Outcome.OK);
        }
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void deafPeersLearnNothingUntilTheyHearAgainThenCatchUp(Runtime runtime) throws Exception {
        Scenario scenario = scenario("deaf-peers").nodes(5).duration(3000)
                .load(0, 3, List.of("a"), 150, 2800)
                .deafen(500, 0).deafen(500, 4)
                .undeafen(1800, 0).undeafen(1800, 4)
                .build();
        Run run = Runs.run(scenario, runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        assertThat(run.applies(0, 700, 1800)).isZero();
        assertThat(run.applies(4, 700, 1800)).isZero();
        assertThat(run.applies(2, 700, 1800)).isGreaterThan(10);
        assertThat(run.answered(700, 1800)).isGreaterThan(10);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void peersThatStartLateOrRestartCatchUp(Runtime runtime) throws Exception {
        Scenario scenario = scenario("late-and-restarted-peers").nodes(5).duration(3000)
                .crash(0, 3).crash(0, 4)
                .load(0, 3, List.of("a", "b"), 150, 2600)
                .restart(1200, 3).restart(1200, 4)
                .crash(1600, 1).restart(2200, 1)
                .build();
        Run run = Runs.run(scenario, runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        assertThat(run.end().nodes()).allMatch(EventBody.NodeEnd::up);
        assertThat(run.applies(3, 1200, 3000)).isGreaterThan(20);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void manyConcurrentProposersSettleOnOneLeaderAndOneLog(Runtime runtime) throws Exception {
        Scenario scenario = scenario("many-proposers").nodes(5).duration(3000)
                .timing(20, 40, 44) // nearly equal timeouts: dueling candidates
                .load(0, 20, List.of("a", "b", "c"), 400, 2800)
                .build();
        Run run = Runs.run(scenario, runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        assertThat(run.verdict().report().acknowledged()).isGreaterThan(60);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void unreliableNetworkStillAgreesAndProgresses(Runtime runtime) throws Exception {
        Scenario scenario = scenario("unreliable").nodes(5).duration(3000).network(1, 20, 0.2, 0.2)
                .load(0, 4, List.of("a", "b"), 150, 2800)
                .build();
        Run run = Runs.run(scenario, runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        assertThat(run.verdict().report().acknowledged()).isGreaterThan(15);
        assertThat(run.count(e -> e.body() instanceof EventBody.Drop drop && drop.reason().equals("random"))).isGreaterThan(50);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void partitionsComeAndGoAndOnlyAMajorityEverDecides(Runtime runtime) throws Exception {
        Scenario scenario = scenario("partition-sequence").nodes(5).duration(4500)
                .load(0, 3, List.of("a"), 150, 4300)
                .partition(500, List.of(List.of(0, 1), List.of(2, 3, 4)))
                .partition(1300, List.of(List.of(0, 1, 2), List.of(3, 4)))
                .partition(2100, List.of(List.of(0, 1), List.of(2, 3), List.of(4)))
                .heal(3300)
                .build();
        Run run = Runs.run(scenario, runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        assertThat(run.answered(700, 1300)).as("majority 2,3,4 decides").isGreaterThan(5);
        assertThat(run.answered(1700, 2100)).as("majority 0,1,2 decides").isGreaterThan(5);
        assertThat(run.answered(2200, 3300)).as("a three-way split has no majority").isZero();
        assertThat(run.answered(3300, 4500)).as("healed").isGreaterThan(5);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void retriedAppendsTakeEffectExactlyOnceOnAnUnreliableNetwork(Runtime runtime) throws Exception {
        // 15 appends per client one after another, each message lost with probability 1/4: 5 s were
        // enough for all 45 in about 98% of seeds, 7 s in all of 300 tried
        ScenarioBuilder s = scenario("exactly-once-appends").nodes(3).duration(7000).network(1, 10, 0.25, 0.25);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            for (String client : List.of("x", "y", "z")) {
                String value = "[" + client + i + "]";
                written.add(value);
                s.append(100 + i, client, "log", value);
            }
        }
        Run run = Runs.run(s.build(), runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        assertThat(run.count(e -> e.body() instanceof EventBody.Return r && r.outcome() == Outcome.OK)).isEqualTo(written.size());
        String log = finalValue(run, 0, "log");
        for (String value : written) {
            assertThat(log.split(java.util.regex.Pattern.quote(value), -1)).as(value + " appears once in " + log).hasSize(2);
        }
        assertThat(run.count(e -> e.body() instanceof EventBody.Drop)).isGreaterThan(20);
    }

    /** A key's value at the end, replayed from what {@code node} applied (it must not have installed a snapshot). */
    private static String finalValue(Run run, int node, String key) {
        paxosviz.kv.KvStore store = new paxosviz.kv.KvStore();
        run.events().stream().filter(Runs.nodeEvent(node, NodeEvent.Applied.class))
                .map(e -> ((NodeEvent.Applied) ((EventBody.NodeStep) e.body()).event()).cmd())
                .forEach(store::apply);
        return store.contents().get(key);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void minorityBlocksWhileMajorityProceedsThenCatchesUp(Runtime runtime) throws Exception {
        Scenario scenario = scenario("minority-blocks").nodes(5).duration(3500)
                .partition(300, List.of(List.of(0, 1), List.of(2, 3, 4)), List.of(List.of("lonely"), List.of("crowd")))
                .put(600, "lonely", "k", "minority")
                .put(600, "crowd", "k", "majority")
                .append(900, "crowd", "k", "+")
                .heal(2200)
                .get(3000, "crowd", "k")
                .build();
        Run run = Runs.run(scenario, runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        List<EventBody.Return> crowd = run.returnsOf("crowd");
        assertThat(crowd).hasSize(3);
        assertThat(run.events().stream().filter(e -> e.body() instanceof EventBody.Return r && r.client().equals("lonely"))
                .allMatch(e -> e.t() >= 2200)).as("the minority's put waits for the heal").isTrue();
        assertThat(run.returnsOf("lonely")).extracting(EventBody.Return::outcome).containsExactly(Outcome.OK);
        assertThat(run.applies(0, 2200, 3500)).as("the minority catches up").isGreaterThan(0);
    }

    @ParameterizedTest
    @EnumSource(Runtime.class)
    void minorityDroppingOutMidAgreementDoesNotStopTheMajority(Runtime runtime) throws Exception {
        Scenario scenario = scenario("minority-drops-out").nodes(5).duration(3000)
                .load(0, 6, List.of("a", "b"), 600, 2800)
                .isolate(1000, 3).isolate(1000, 4)
                .heal(2200)
                .build();
        Run run = Runs.run(scenario, runtime);

        assertThat(run.verdict().ok()).as(run.explain()).isTrue();
        assertThat(run.answered(1200, 2200)).isGreaterThan(15);
        assertThat(run.count(Runs.nodeEvent(3, NodeEvent.Applied.class))).isGreaterThan(0);
    }
}
