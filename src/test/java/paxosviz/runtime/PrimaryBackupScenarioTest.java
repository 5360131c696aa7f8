package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.Ballot;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpType;
import paxosviz.scenario.Expectations;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;
import paxosviz.trace.model.EventBody;

/** The lecture's primary/backup demos, run in the simulator and judged on the events they produce. */
class PrimaryBackupScenarioTest {

    /** One item in stock; at 500 ms the network splits alice's side from bob's; both then buy. */
    private static Scenario stock(Protocol protocol) {
        return scenario(protocol, 6000, List.of(
                new Step.ClientOp(0, OpType.PUT, "setup", "stock", "1", null),
                new Step.Partition(500, List.of(
                        new Step.Group(List.of(0, 2), List.of("alice")),
                        new Step.Group(List.of(1, 3, 4), List.of("bob")))),
                new Step.ClientOp(800, OpType.CAS, "alice", "stock", "0", "1"),
                new Step.ClientOp(800, OpType.CAS, "bob", "stock", "0", "1")));
    }

    private static Scenario scenario(Protocol protocol, double durationMs, List<Step> steps) {
        return new Scenario("pb", "", 5, 7, protocol, new NetworkSpec(1, 5, 0, 0), null, durationMs, steps,
                Expectations.NONE, false);
    }

    private static List<Boolean> casResults(RecordedRun run, String client) {
        List<Boolean> results = new ArrayList<>();
        for (EventBody.Return r : run.answered(client)) {
            if (r.op().type() == OpType.CAS) {
                results.add(r.result().ok());
            }
        }
        return results;
    }

    @Test
    void automaticFailoverForksUnderPartition() throws Exception {
        RecordedRun run = RecordedRun.of(stock(Protocol.PRIMARY_BACKUP_AUTO));

        assertThat(casResults(run, "alice")).containsExactly(true);
        assertThat(casResults(run, "bob")).containsExactly(true);
        assertThat(run.conflicts()).hasSize(1);
        assertThat(run.conflicts().values().iterator().next())
                .containsExactlyInAnyOrder("alice#1 cas stock 1->0", "bob#1 cas stock 1->0");
    }

    @Test
    void viewServiceNeverForksUnderTheSamePartition() throws Exception {
        RecordedRun run = RecordedRun.of(stock(Protocol.PRIMARY_BACKUP));

        List<Boolean> wins = new ArrayList<>(casResults(run, "alice"));
        wins.addAll(casResults(run, "bob"));
        assertThat(wins.stream().filter(ok -> ok)).hasSizeLessThanOrEqualTo(1);
        assertThat(run.conflicts()).isEmpty();
        assertThat(run.chosenBySlot()).isNotEmpty();
    }

    @Test
    void withoutTheViewServiceAFailedPrimaryIsNeverReplaced() throws Exception {
        RecordedRun run = RecordedRun.of(scenario(Protocol.PRIMARY_BACKUP, 5000, List.of(
                new Step.Load(0, 3, List.of("x", "y"), 50, 4000),
                new Step.Crash(1000, 0),
                new Step.Crash(1500, 1))));

        assertThat(run.answered(1000.0)).as("answered with the view service down").isNotEmpty();
        assertThat(run.answered(1505.0)).as("answered after the primary crashed too").isEmpty();
        assertThat(run.nodeSteps(NodeEvent.LeaderElected.class)).allMatch(step -> step.t() < 1000);
    }

    @Test
    void viewServicePromotesTheBackupWhenThePrimaryCrashes() throws Exception {
        RecordedRun run = RecordedRun.of(scenario(Protocol.PRIMARY_BACKUP, 4000, List.of(
                new Step.Load(0, 3, List.of("x", "y"), 50, 3500),
                new Step.Crash(1000, 1))));

        assertThat(run.nodeSteps(NodeEvent.LeaderElected.class))
                .anyMatch(step -> step.t() > 1000 && step.node() == 2 && step.event().equals(new NodeEvent.LeaderElected(new Ballot(2, 2))));
        assertThat(run.nodeSteps(NodeEvent.SnapshotInstalled.class))
                .anyMatch(step -> step.t() > 1000 && step.node() == 3);
        assertThat(run.answered(1500.0)).hasSizeGreaterThan(10);
        assertThat(run.conflicts()).isEmpty();
    }
}
