package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import paxosviz.cli.MainCommand;
import paxosviz.core.OpType;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.viewmodel.Demos;
import paxosviz.viewstate.ViewState;

/** The lecture's demos as shipped: each runs headless with its expectations and tells its story. */
class BundledDemosTest {

    static Stream<Demos.Demo> demos() {
        return Demos.all().stream();
    }

    /** The fork demos expect the violation and get it ({@code run} exits 1); the others pass (exit 0). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void runExitsOneExactlyOnTheDemosThatForkOnPurpose(Demos.Demo demo) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new MainCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(new StringWriter()));
        Path file = Path.of(BundledDemosTest.class.getResource("/demos/" + demo.file()).toURI());

        int exit = command.execute("run", file.toString());

        assertThat(exit).as(out.toString()).isEqualTo(demo.unsafe() ? 1 : 0);
        if (demo.unsafe()) {
            assertThat(out.toString()).contains("chosen as");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void everyDemoIsNarratedAndItsCaptionsShowAtTheirTimes(Demos.Demo demo) throws Exception {
        Scenario scenario = demo.scenario();
        RecordedRun run = RecordedRun.of(scenario);

        List<TraceEvent> captions = run.events.stream().filter(e -> e.body() instanceof EventBody.Caption).toList();

        assertThat(scenario.narration()).isNotEmpty();
        assertThat(captions).extracting(TraceEvent::t)
                .containsExactlyElementsOf(scenario.narration().stream().map(n -> n.at()).sorted().toList());
        assertThat(captions).extracting(e -> ((EventBody.Caption) e.body()).pause())
                .contains(scenario.narration().stream().anyMatch(n -> n.pause()));
        assertThat(demo.name()).endsWith("?");
    }

    @Test
    void underMultiPaxosExactlyOneBuyerGetsTheLastItem() throws Exception {
        RecordedRun run = RecordedRun.of(demo("06-").scenario());

        assertThat(successfulPurchases(run)).isEqualTo(1);
        assertThat(run.conflicts()).isEmpty();
    }

    @Test
    void underPrimaryBackupWithAViewServiceNoBuyerIsWronglyAcknowledged() throws Exception {
        RecordedRun run = RecordedRun.of(demo("05-").scenario());

        assertThat(successfulPurchases(run)).isLessThanOrEqualTo(1);
        assertThat(run.conflicts()).isEmpty();
    }

    @Test
    void underAutomaticFailoverBothBuyersAreToldYes() throws Exception {
        RecordedRun run = RecordedRun.of(demo("04-").scenario());

        assertThat(successfulPurchases(run)).isEqualTo(2);
        assertThat(run.conflicts()).isNotEmpty();
    }

    /** "The leader crashes mid-stream": whichever node leads at that moment, whatever the seed. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 20})
    void theLeaderCrashDemoCrashesWhicheverNodeLeadsThen(long seed) throws Exception {
        Scenario shipped = demo("10-").scenario();
        Scenario scenario = new Scenario(shipped.name(), shipped.description(), shipped.nodes(), seed, shipped.protocol(),
                shipped.network(), shipped.timing(), shipped.durationMs(), shipped.steps(), shipped.expect(),
                shipped.amnesia(), shipped.narration());
        RecordedRun run = RecordedRun.of(scenario);
        double crashAt = scenario.steps().stream().filter(s -> s instanceof Step.ByRole r && r.fault() == Step.RoleFault.CRASH)
                .findFirst().orElseThrow().at();

        ViewState state = new ViewState(scenario.nodes(), scenario.protocol());
        EventBody.Crash crash = null;
        int leadingBefore = -1;
        for (TraceEvent event : run.events) {
            if (event.body() instanceof EventBody.Crash c && event.t() == crashAt) {
                leadingBefore = state.nodes().currentLeader();
                crash = c;
                break;
            }
            state.apply(event);
        }

        int crashed = leadingBefore;
        assertThat(crash).as("a crash at %s ms", crashAt).isNotNull();
        assertThat(crash.node()).isEqualTo(crashed);
        assertThat(run.nodeSteps(paxosviz.core.NodeEvent.LeaderElected.class))
                .anyMatch(step -> step.t() > crashAt && step.node() != crashed);
        assertThat(run.conflicts()).isEmpty();
    }

    @Test
    void theLeaderCrashDemosNewLeaderFillsAHoleWithANoop() throws Exception {
        RecordedRun run = RecordedRun.of(demo("10-").scenario());

        assertThat(run.nodeSteps(paxosviz.core.NodeEvent.Chosen.class))
                .anyMatch(step -> ((paxosviz.core.NodeEvent.Chosen) step.event()).cmd().isNoop());
    }

    private static long successfulPurchases(RecordedRun run) {
        return Stream.of("alice", "bob").flatMap(client -> run.answered(client).stream())
                .filter(answer -> answer.op().type() == OpType.CAS && answer.result().ok()).count();
    }

    private static Demos.Demo demo(String prefix) {
        return Demos.all().stream().filter(d -> d.file().startsWith(prefix)).findFirst().orElseThrow();
    }
}
