package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Scenario;
import paxosviz.trace.model.TraceEvent;

class DeterminismTest {

    @Test
    void sameScenarioAndSeedGiveTheSameEvents() throws Exception {
        Scenario scenario = RandomFaults.scenario(42);

        List<TraceEvent> first = run(scenario, 42);
        List<TraceEvent> second = run(scenario, 42);

        assertThat(first).hasSizeGreaterThan(1000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherRun() throws Exception {
        Scenario scenario = RandomFaults.scenario(42);

        assertThat(run(scenario, 43)).isNotEqualTo(run(scenario, 42));
    }

    private static List<TraceEvent> run(Scenario scenario, long seed) throws InterruptedException {
        EventStream events = new EventStream();
        List<TraceEvent> seen = new ArrayList<>();
        events.subscribe(seen::add);
        ScenarioRunner.run(scenario, new Simulation(ClusterSpec.of(scenario), seed, events));
        return seen;
    }
}
