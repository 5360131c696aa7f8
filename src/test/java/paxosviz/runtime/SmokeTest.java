package paxosviz.runtime;

import java.util.*;
import org.junit.jupiter.api.Test;
import paxosviz.core.*;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.*;
import paxosviz.trace.model.*;
import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void leaderCrashExample() throws Exception {
        Scenario s = new Scenario("x", "", 5, 3, Protocol.MULTIPAXOS, new NetworkSpec(1, 5, 0, 0), null, 5000,
                List.of(new Step.Load(0, 3, List.of("x", "y"), 50, 4000), new Step.Crash(1000, 0), new Step.Restart(2500, 0)),
                Expectations.NONE, false);
        EventStream events = new EventStream();
        Map<Long, Command> chosen = new HashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<TraceEvent> all = new ArrayList<>();
        events.subscribe(e -> {
            all.add(e);
            counts.merge(e.type(), 1, Integer::sum);
            if (e.body() instanceof EventBody.NodeStep step && step.event() instanceof NodeEvent.Chosen c) {
                Command prev = chosen.putIfAbsent(c.slot(), c.cmd());
                if (prev != null && !prev.equals(c.cmd())) problems.add("slot " + c.slot());
            }
        });
        Simulation sim = new Simulation(ClusterSpec.of(s), s.seed(), events);
        ScenarioRunner.run(s, sim);
        System.out.println(counts);
        System.out.println("chosen slots " + chosen.size() + " t=" + sim.now() / 1000);
        all.stream().filter(e -> e.body() instanceof EventBody.End || e.type().equals("leader") || e.type().equals("stepdown") || e.type().equals("elect") || e.type().equals("crash")|| e.type().equals("restart")).forEach(System.out::println);
        assertThat(problems).isEmpty();
    }
}
