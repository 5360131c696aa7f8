package paxosviz.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Command;
import paxosviz.core.Result;

class LinearizabilityTest {

    private static final Command PUT_1 = Command.put("alice", 1, "x", "1");
    private static final Command PUT_2 = Command.put("alice", 2, "x", "2");
    private static final Command GET = Command.get("bob", 1, "x");

    @Test
    void staleReadAfterANewerWriteWasAcknowledgedIsNotLinearizable() {
        TraceBuilder trace = new TraceBuilder(1).run(PUT_1, Result.of(PUT_1.type())).run(PUT_2, Result.of(PUT_2.type()))
                .invoke(GET).commit(GET).read(GET, "1");

        CheckReport report = trace.check();

        assertThat(report.linearizable()).isFalse();
        assertThat(report.violations()).filteredOn(v -> v.kind().equals(Violation.LINEARIZABILITY)).singleElement()
                .satisfies(v -> {
                    assertThat(v.key()).isEqualTo("x");
                    assertThat(v.seq()).isEqualTo(trace.seq());
                    assertThat(v.message()).isEqualTo("key x: no order of its 3 operations explains what clients saw;"
                            + " none gets past bob#1 get x returning value=1 (seq " + trace.seq() + ")");
                });
    }

    @Test
    void overlappingOperationsThatCanBeOrderedAreLinearizable() {
        // put 1, get and put 2 all overlap; the get sees 2, so put 2 goes before it.
        CheckReport report = new TraceBuilder(1).invoke(PUT_1).invoke(GET).invoke(PUT_2)
                .commit(PUT_1).commit(PUT_2).commit(GET)
                .read(GET, "2").done(PUT_1).done(PUT_2).check();

        assertThat(report.ok()).isTrue();
        assertThat(report.linearizable()).isTrue();
    }

    @Test
    void readMayReturnAWriteThatHasNotReturnedYet() {
        Command put3 = Command.put("carol", 1, "x", "3");
        CheckReport report = new TraceBuilder(1).run(PUT_1, Result.of(PUT_1.type()))
                .invoke(put3).invoke(GET).commit(put3).commit(GET).read(GET, "3").done(put3).check();

        assertThat(report.linearizable()).isTrue();
    }

    @Test
    void timedOutWriteMayHaveTakenEffect() {
        CheckReport report = new TraceBuilder(1).run(PUT_1, Result.of(PUT_1.type()))
                .invoke(PUT_2).commit(PUT_2).timeout(PUT_2)
                .run(GET, Result.read("2")).check();

        assertThat(report.ok()).isTrue();
        assertThat(report.linearizable()).isTrue();
        assertThat(report.acknowledged()).isEqualTo(2);
    }

    @Test
    void timedOutWriteMayNotHaveTakenEffect() {
        CheckReport report = new TraceBuilder(1).run(PUT_1, Result.of(PUT_1.type()))
                .invoke(PUT_2).timeout(PUT_2)
                .run(GET, Result.read("1")).check();

        assertThat(report.ok()).isTrue();
        assertThat(report.linearizable()).isTrue();
    }

    @Test
    void timedOutWriteCannotExplainAValueNobodyWrote() {
        CheckReport report = new TraceBuilder(1).run(PUT_1, Result.of(PUT_1.type()))
                .invoke(PUT_2).timeout(PUT_2)
                .invoke(GET).read(GET, "3").check();

        assertThat(report.linearizable()).isFalse();
        assertThat(report.violations()).extracting(Violation::kind).contains(Violation.LINEARIZABILITY);
    }

    @Test
    void appendsAndCasesFollowTheSpec() {
        Command a = Command.append("alice", 1, "x", "a");
        Command b = Command.append("erin", 1, "x", "b");
        Command swap = Command.cas("carol", 1, "x", "ab", "c");
        Command miss = Command.cas("dave", 1, "y", null, "fresh");
        CheckReport report = new TraceBuilder(1).invoke(b).run(a, Result.of(a.type())).commit(b).done(b)
                .run(swap, Result.swapped(true)).run(GET, Result.read("c"))
                .run(miss, Result.swapped(true)).check();

        assertThat(report.violations()).isEmpty();
        assertThat(report.linearizable()).isTrue();
    }

    @Test
    void verdictFollowsTheTraceMidRun() {
        TraceBuilder trace = new TraceBuilder(1).run(PUT_1, Result.of(PUT_1.type())).run(PUT_2, Result.of(PUT_2.type()))
                .invoke(GET);
        int pending = trace.events().size();
        trace.read(GET, "1");
        Checker checker = new Checker(1);

        trace.events().subList(0, pending).forEach(checker::accept);
        CheckReport before = checker.report();
        trace.events().subList(pending, trace.events().size()).forEach(checker::accept);
        CheckReport after = checker.report();

        assertThat(before.linearizable()).isTrue();
        assertThat(before.ok()).isTrue();
        assertThat(after.linearizable()).isFalse();
        assertThat(after.ok()).isFalse();
    }

    @Test
    void searchTooLargeForItsBudgetLeavesLinearizabilityUndecided() {
        TraceBuilder trace = new TraceBuilder(1);
        for (int i = 1; i <= 10; i++) {
            Command put = Command.put("alice", i, "x", Integer.toString(i));
            trace.run(put, Result.of(put.type()));
        }
        Checker checker = new Checker(1, 5);
        trace.events().forEach(checker::accept);

        CheckReport report = checker.report();

        assertThat(report.linearizable()).isNull();
        assertThat(report.ok()).isTrue();
        assertThat(report.notes()).singleElement().asString().startsWith("key x: linearizability search abandoned");
    }
}
