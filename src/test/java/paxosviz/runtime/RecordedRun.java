package paxosviz.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import paxosviz.core.NodeEvent;
import paxosviz.runtime.sim.Simulation;
import paxosviz.scenario.Scenario;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;

/** A scenario run to its end in the simulator, with every event it produced, and questions about them. */
final class RecordedRun {

    final List<TraceEvent> events = new ArrayList<>();

    private RecordedRun() {
    }

    static RecordedRun of(Scenario scenario) throws InterruptedException {
        RecordedRun run = new RecordedRun();
        EventStream stream = new EventStream();
        stream.subscribe(run.events::add);
        ScenarioRunner.run(scenario, new Simulation(ClusterSpec.of(scenario), scenario.seed(), stream));
        return run;
    }

    /** The answered operations ({@code ok} returns), with the time they came back. */
    List<EventBody.Return> answered(double afterMs) {
        return events.stream()
                .filter(e -> e.t() > afterMs && e.body() instanceof EventBody.Return r && r.outcome() == Outcome.OK)
                .map(e -> (EventBody.Return) e.body())
                .collect(Collectors.toList());
    }

    /** The answered operations of one client. */
    List<EventBody.Return> answered(String client) {
        return answered(-1).stream().filter(r -> r.client().equals(client)).collect(Collectors.toList());
    }

    /** Every command some node reported chosen, by slot. */
    Map<Long, Set<String>> chosenBySlot() {
        Map<Long, Set<String>> bySlot = new TreeMap<>();
        for (NodeStep step : nodeSteps(NodeEvent.Chosen.class)) {
            NodeEvent.Chosen chosen = (NodeEvent.Chosen) step.event();
            bySlot.computeIfAbsent(chosen.slot(), slot -> new TreeSet<>()).add(chosen.cmd().toString());
        }
        return bySlot;
    }

    /** The slots for which two nodes report different commands chosen. */
    Map<Long, Set<String>> conflicts() {
        Map<Long, Set<String>> conflicts = new TreeMap<>(chosenBySlot());
        conflicts.values().removeIf(cmds -> cmds.size() < 2);
        return conflicts;
    }

    record NodeStep(double t, int node, NodeEvent event) {
    }

    List<NodeStep> nodeSteps(Class<? extends NodeEvent> type) {
        return events.stream()
                .filter(e -> e.body() instanceof EventBody.NodeStep s && type.isInstance(s.event()))
                .map(e -> new NodeStep(e.t(), ((EventBody.NodeStep) e.body()).node(), ((EventBody.NodeStep) e.body()).event()))
                .collect(Collectors.toList());
    }
}
