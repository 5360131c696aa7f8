package paxosviz.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import paxosviz.check.Checker;
import paxosviz.check.Verdict;
import paxosviz.core.NodeEvent;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.ScenarioRunner;
import paxosviz.runtime.sim.Simulation;
import paxosviz.runtime.threads.ThreadedCluster;
import paxosviz.scenario.Scenario;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;

/** Runs a scenario on either runtime, judges it with the checker, and answers questions about what happened. */
final class Runs {

    enum Runtime { SIM, THREADS }

    /** A finished run: every event, and the verdict. */
    record Run(Scenario scenario, List<TraceEvent> events, Verdict verdict) {

        List<TraceEvent> between(double fromMs, double toMs) {
            return events.stream().filter(e -> e.t() >= fromMs && e.t() < toMs).collect(Collectors.toList());
        }

        /** Slots {@code node} applied within the window. */
        long applies(int node, double fromMs, double toMs) {
            return between(fromMs, toMs).stream().filter(nodeEvent(node, NodeEvent.Applied.class)).count();
        }

        /** Operations answered ok within the window (by answer time). */
        long answered(double fromMs, double toMs) {
            return between(fromMs, toMs).stream()
                    .filter(e -> e.body() instanceof EventBody.Return r && r.outcome() == Outcome.OK).count();
        }

        List<EventBody.Return> returnsOf(String client) {
            return events.stream().map(TraceEvent::body).filter(EventBody.Return.class::isInstance)
                    .map(EventBody.Return.class::cast).filter(r -> r.client().equals(client)).collect(Collectors.toList());
        }

        EventBody.End end() {
            return (EventBody.End) events.get(events.size() - 1).body();
        }

        long count(Predicate<TraceEvent> which) {
            return events.stream().filter(which).count();
        }

        /** What to print when a check fails: the verdict and how to replay the run. */
        String explain() {
            return verdict.failures() + " notes=" + verdict.report().notes() + "; replay with the scenario "
                    + scenario.name() + ", seed " + scenario.seed();
        }
    }

    private Runs() {
    }

    static Run run(Scenario scenario, Runtime runtime) throws InterruptedException {
        EventStream events = new EventStream();
        List<TraceEvent> seen = Collections.synchronizedList(new ArrayList<>());
        Checker checker = new Checker(scenario.nodes());
        events.subscribe(seen::add);
        events.subscribe(checker);
        ClusterSpec spec = ClusterSpec.of(scenario);
        if (runtime == Runtime.SIM) {
            ScenarioRunner.run(scenario, new Simulation(spec, scenario.seed(), events));
        } else {
            try (ThreadedCluster cluster = new ThreadedCluster(spec, events)) {
                ScenarioRunner.run(scenario, cluster, 5_000_000);
            }
        }
        synchronized (seen) {
            return new Run(scenario, List.copyOf(seen), Verdict.of(checker.report(), scenario.expect()));
        }
    }

    static <E extends NodeEvent> Predicate<TraceEvent> nodeEvent(int node, Class<E> type) {
        return e -> e.body() instanceof EventBody.NodeStep step && step.node() == node && type.isInstance(step.event());
    }
}
