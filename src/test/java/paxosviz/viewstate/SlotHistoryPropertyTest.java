package paxosviz.viewstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import paxosviz.core.Ballot;
import paxosviz.core.NodeEvent;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.RandomFaults;
import paxosviz.runtime.sim.SimulatedRun;
import paxosviz.scenario.Scenario;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/**
 * The inspector's counts for a slot agree with counting the trace's own promise, accept and
 * chosen events directly, for every slot of random fault schedules, at the end and at a random
 * point in the middle.
 */
class SlotHistoryPropertyTest {

    @Property(tries = 20)
    void theCountsForEverySlotMatchADirectCountOfTheTrace(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 1000) int permille) {
        Scenario scenario = RandomFaults.scenario(seed, 1500, 1500, 500);
        List<TraceEvent> events = new ArrayList<>();
        EventStream stream = new EventStream();
        stream.subscribe(events::add);
        new SimulatedRun(scenario, seed, stream).runToEnd();
        long head = events.stream().mapToLong(SlotHistoryPropertyTest::slotOf).max().orElse(-1);
        assertThat(head).as("seed %d chose something", seed).isGreaterThanOrEqualTo(0);
        long middle = events.get((int) ((long) (events.size() - 1) * permille / 1000)).seq();
        int quorum = scenario.nodes() / 2 + 1;

        for (long slot = 0; slot <= head; slot++) {
            SlotHistory history = new SlotHistory(slot, scenario.nodes());
            events.forEach(history::offer);
            for (long upto : new long[] {middle, Long.MAX_VALUE}) {
                String as = String.format("seed %d, slot %d, up to seq %d", seed, slot, upto);
                SlotReport report = history.report(upto);
                Direct direct = Direct.count(events, slot, upto, quorum);
                assertThat(acceptedBy(report)).as(as).isEqualTo(direct.acceptedBy);
                assertThat(majorityAt(report)).as(as).isEqualTo(direct.majorityAt);
                assertThat(report.learned().stream().map(SlotReport.Learned::node).toList()).as(as).isEqualTo(direct.learnedBy);
                assertThat(report.promises().stream().map(p -> p.node() + "@" + p.ballot()).toList()).as(as)
                        .isEqualTo(direct.promises);
                explanationAgreesWithWhatTheLeaderProposed(report, as);
            }
        }
    }

    /** Each ballot's phase 1 pick, as the inspector tells it, is what that ballot's leader then proposed. */
    private static void explanationAgreesWithWhatTheLeaderProposed(SlotReport report, String as) {
        assertThat(report.phaseOnes()).extracting(PhaseOne::ballot)
                .containsExactlyElementsOf(report.counts().stream().map(SlotReport.BallotCount::ballot).toList());
        for (PhaseOne why : report.phaseOnes()) {
            paxosviz.core.Command proposed = report.accepts().stream().filter(a -> a.ballot().equals(why.ballot()))
                    .findFirst().orElseThrow().cmd();
            switch (why.outcome()) {
                case RE_PROPOSED, KNOWN_CHOSEN, HOLE_NOOP -> assertThat(proposed).as(as + ", " + why).isEqualTo(why.picked());
                case FREE_CHOICE -> assertThat(proposed.isNoop()).as(as + ", " + why).isFalse();
                default -> assertThat(why.outcome()).as(as + ", " + why).isEqualTo(PhaseOne.Outcome.UNREPORTED);
            }
        }
    }

    /** Found by the property: n0 learned slot 0, crashed, came back without knowing it chosen, and campaigned from slot 0 again. */
    @Example
    void aLeaderThatRestartedReProposesASlotItOnceKnewChosen() {
        theCountsForEverySlotMatchADirectCountOfTheTrace(354, 1000);
    }

    private static long slotOf(TraceEvent event) {
        return event.body() instanceof EventBody.NodeStep step && step.event() instanceof NodeEvent.Chosen chosen ? chosen.slot() : -1;
    }

    private static Map<Ballot, Set<Integer>> acceptedBy(SlotReport report) {
        Map<Ballot, Set<Integer>> by = new LinkedHashMap<>();
        for (SlotReport.BallotCount count : report.counts()) {
            Set<Integer> nodes = new TreeSet<>();
            count.steps().forEach(step -> nodes.add(step.node()));
            assertThat(count.acceptors()).isEqualTo(nodes.size());
            by.put(count.ballot(), nodes);
        }
        return by;
    }

    private static Map<Ballot, Double> majorityAt(SlotReport report) {
        Map<Ballot, Double> at = new LinkedHashMap<>();
        report.counts().stream().filter(SlotReport.BallotCount::reachedMajority).forEach(c -> at.put(c.ballot(), c.majorityAt()));
        return at;
    }

    /** The same questions, answered by walking the trace with nothing clever in the way. */
    private record Direct(Map<Ballot, Set<Integer>> acceptedBy, Map<Ballot, Double> majorityAt, List<Integer> learnedBy,
            List<String> promises) {

        static Direct count(List<TraceEvent> events, long slot, long upto, int quorum) {
            Map<Ballot, Set<Integer>> acceptedBy = new LinkedHashMap<>();
            Map<Ballot, Double> majorityAt = new LinkedHashMap<>();
            List<Integer> learnedBy = new ArrayList<>();
            double chosenAt = Double.POSITIVE_INFINITY;
            for (TraceEvent event : events) {
                if (event.seq() > upto || !(event.body() instanceof EventBody.NodeStep step)) {
                    continue;
                }
                if (step.event() instanceof NodeEvent.Accepted accepted && accepted.slot() == slot) {
                    Set<Integer> nodes = acceptedBy.computeIfAbsent(accepted.ballot(), b -> new TreeSet<>());
                    if (nodes.add(step.node()) && nodes.size() == quorum) {
                        majorityAt.put(accepted.ballot(), event.t());
                    }
                } else if (step.event() instanceof NodeEvent.Chosen chosen && chosen.slot() == slot) {
                    learnedBy.add(step.node());
                    chosenAt = Math.min(chosenAt, event.t());
                }
            }
            List<String> promises = new ArrayList<>();
            for (TraceEvent event : events) {
                if (event.seq() <= upto && event.t() <= chosenAt && event.body() instanceof EventBody.NodeStep step
                        && step.event() instanceof NodeEvent.Promised promised) {
                    promises.add(step.node() + "@" + promised.ballot());
                }
            }
            return new Direct(acceptedBy, majorityAt, learnedBy, promises);
        }
    }
}
