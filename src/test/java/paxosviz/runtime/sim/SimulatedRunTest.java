package paxosviz.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.runtime.EventStream;
import paxosviz.runtime.RandomFaults;
import paxosviz.runtime.ScenarioRunner;
import paxosviz.scenario.Scenario;
import paxosviz.trace.model.TraceEvent;

/** A scenario run stepped, paced or stopped anywhere gives exactly the events of running it through. */
class SimulatedRunTest {

    private static List<TraceEvent> events(Scenario scenario, java.util.function.Consumer<EventStream> run) {
        EventStream stream = new EventStream();
        List<TraceEvent> events = new ArrayList<>();
        stream.subscribe(events::add);
        run.accept(stream);
        return events;
    }

    @Test
    void runningItThroughIsWhatTheScenarioRunnerDoes() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Scenario scenario = RandomFaults.scenario(seed, 1500, 1000, 500);
            long s = seed;
            List<TraceEvent> runner = new ArrayList<>();
            EventStream stream = new EventStream();
            stream.subscribe(runner::add);
            ScenarioRunner.run(scenario, new Simulation(paxosviz.runtime.ClusterSpec.of(scenario), s, stream));

            assertThat(events(scenario, events -> new SimulatedRun(scenario, s, events).runToEnd()))
                    .as("seed %d", seed).containsExactlyElementsOf(runner);
        }
    }

    /** Paced live, a run goes on after its end (the window's cluster keeps running); up to the end it is the same. */
    @Test
    void pacedInSmallStepsOfTimeItGivesTheSameEvents() {
        for (long seed = 6; seed <= 10; seed++) {
            Scenario scenario = RandomFaults.scenario(seed, 1500, 1000, 500);
            long s = seed;
            List<TraceEvent> through = events(scenario, events -> new SimulatedRun(scenario, s, events).runToEnd());
            List<TraceEvent> paced = events(scenario, events -> {
                SimulatedRun run = new SimulatedRun(scenario, s, events);
                for (long micros = 0; !run.finished(); micros += 3_333) {
                    run.advanceTo(micros);
                }
            });

            assertThat(paced.subList(0, through.size())).as("seed %d", seed).containsExactlyElementsOf(through);
        }
    }

    @Test
    void aRunStoppedRightAfterAnEventHasExactlyThePrefix() {
        Scenario scenario = RandomFaults.scenario(11, 1500, 1000, 500);
        List<TraceEvent> through = events(scenario, events -> new SimulatedRun(scenario, 11, events).runToEnd());
        long target = through.get(through.size() / 2).seq();

        List<TraceEvent> stopped = events(scenario, events -> new SimulatedRun(scenario, 11, events).runThrough(target));

        assertThat(stopped.get(stopped.size() - 1).seq()).isGreaterThanOrEqualTo(target);
        assertThat(stopped).containsExactlyElementsOf(through.subList(0, stopped.size()));
    }
}
