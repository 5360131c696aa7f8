package paxosviz.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpType;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;

/**
 * Histories made by running operations one after another against a plain model of the store,
 * then widening each operation's interval around its turn: they are linearizable by
 * construction, and the matching log agrees with them.
 */
class HistoryPropertiesTest {

    private static final String NEVER_WRITTEN = "#";

    /**
     * One operation to run: its interval starts {@code lead} before its turn and ends {@code lag}
     * after. Fate 0 times out without effect, 1 times out after taking effect, others answer.
     */
    record Planned(OpType type, String key, String value, String expect, int lead, int lag, int fate) {
        boolean timesOut() {
            return fate < 2;
        }

        boolean takesEffect() {
            return fate != 0;
        }
    }

    @Property
    void sequentiallyRunHistoriesWithOverlapsAreLinearizable(@ForAll("plans") List<Planned> plan) {
        CheckReport report = check(build(plan, -1));

        assertThat(report.violations()).isEmpty();
        assertThat(report.linearizable()).isTrue();
    }

    @Property
    void aGetThatReadsAValueNeverWrittenIsNotLinearizable(@ForAll("plans") List<Planned> plan,
            @ForAll @IntRange(min = 0, max = 1000) int pick) {
        List<Planned> withRead = new ArrayList<>(plan);
        withRead.add(new Planned(OpType.GET, plan.get(pick % plan.size()).key(), null, null, 1, 1, 19));
        List<Integer> reads = new ArrayList<>();
        for (int i = 0; i < withRead.size(); i++) {
            if (withRead.get(i).type() == OpType.GET && !withRead.get(i).timesOut()) {
                reads.add(i);
            }
        }
        int corrupted = reads.get(pick % reads.size());

        CheckReport report = check(build(withRead, corrupted));

        assertThat(report.linearizable()).isFalse();
        assertThat(report.violations()).filteredOn(v -> v.kind().equals(Violation.LINEARIZABILITY))
                .extracting(Violation::key).containsExactly(withRead.get(corrupted).key());
    }

    @Example
    void longOverlappingHistoryIsJudgedLinearizable() {
        Random random = new Random(42);
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            OpType type = OpType.values()[1 + random.nextInt(4)];
            plan.add(new Planned(type, random.nextBoolean() ? "x" : "y", Integer.toString(random.nextInt(100)), "7",
                    1 + random.nextInt(400), 1 + random.nextInt(400), 2 + random.nextInt(18)));
        }

        CheckReport report = check(build(plan, -1));

        assertThat(report.violations()).isEmpty();
        assertThat(report.linearizable()).isTrue();
        assertThat(report.acknowledged()).isEqualTo(20_000);
    }

    @Provide
    Arbitrary<List<Planned>> plans() {
        return Arbitraries.integers().between(1, 3).flatMap(keys -> {
            Arbitrary<Planned> op = Combinators.combine(
                    Arbitraries.of(OpType.PUT, OpType.GET, OpType.APPEND, OpType.CAS),
                    Arbitraries.of("x", "y", "z").filter(k -> k.charAt(0) - 'x' < keys),
                    Arbitraries.of("a", "b", "ab"),
                    Arbitraries.of("a", "b", "ab", "ba", "-"),
                    Arbitraries.integers().between(1, 250),
                    Arbitraries.integers().between(1, 250),
                    Arbitraries.integers().between(0, 19))
                    .as((type, key, value, expect, lead, lag, fate) ->
                            new Planned(type, key, value, expect.equals("-") ? null : expect, lead, lag, fate));
            // Unknown outcomes make the search exponential; 40 ops with one in ten timing out stays well in budget.
            return op.list().ofMinSize(1).ofMaxSize(40);
        });
    }

    private static CheckReport check(List<TraceEvent> events) {
        Checker checker = new Checker(1);
        events.forEach(checker::accept);
        return checker.report();
    }

    /**
     * Runs the plan in order against a map; operation i takes effect at time 100 i, is invoked
     * {@code lead} before and returns {@code lag} after. A timed-out operation takes effect or not
     * as planned. The get at index {@code corrupt} (if any) reports a value nobody wrote.
     */
    private static List<TraceEvent> build(List<Planned> plan, int corrupt) {
        record Timed(long time, int order, EventBody body) {
        }
        List<Timed> timed = new ArrayList<>();
        Map<String, String> store = new HashMap<>();
        long slot = 0;
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            Command cmd = new Command("c" + i % 5, i + 1, p.type(), p.key(), p.type() == OpType.GET ? null : p.value(),
                    p.type() == OpType.CAS ? p.expect() : null);
            long turn = 1000 + 100L * i;
            timed.add(new Timed(turn - p.lead(), timed.size(), new EventBody.Invoke(cmd.client(), cmd)));
            Result result = null;
            if (p.takesEffect()) {
                result = run(store, cmd);
                timed.add(new Timed(turn, timed.size(), new EventBody.NodeStep(0, new NodeEvent.Chosen(slot, cmd))));
                timed.add(new Timed(turn, timed.size(), new EventBody.NodeStep(0, new NodeEvent.Applied(slot, cmd, result))));
                slot++;
            }
            if (i == corrupt) {
                result = Result.read(NEVER_WRITTEN);
            }
            EventBody.Return ret = p.timesOut()
                    ? new EventBody.Return(cmd.client(), cmd, Outcome.TIMEOUT, null)
                    : new EventBody.Return(cmd.client(), cmd, Outcome.OK, result);
            timed.add(new Timed(turn + p.lag(), timed.size(), ret));
        }
        timed.sort(Comparator.comparingLong(Timed::time).thenComparingInt(Timed::order));
        List<TraceEvent> events = new ArrayList<>();
        for (Timed t : timed) {
            events.add(new TraceEvent(events.size() + 1, t.time(), t.body()));
        }
        return events;
    }

    /** The store's semantics, spelled out plainly for the test. */
    private static Result run(Map<String, String> store, Command cmd) {
        String current = store.get(cmd.key());
        switch (cmd.type()) {
            case PUT:
                store.put(cmd.key(), cmd.value());
                return Result.of(OpType.PUT);
            case APPEND:
                store.put(cmd.key(), (current == null ? "" : current) + cmd.value());
                return Result.of(OpType.APPEND);
            case CAS:
                boolean swap = Objects.equals(current, cmd.expect());
                if (swap) {
                    store.put(cmd.key(), cmd.value());
                }
                return Result.swapped(swap);
            default:
                return Result.read(current);
        }
    }
}
