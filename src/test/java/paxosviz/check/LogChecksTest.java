package paxosviz.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;

class LogChecksTest {

    private static final Command ALICE_PUT = Command.put("alice", 3, "x", "1");
    private static final Command BOB_PUT = Command.put("bob", 1, "x", "2");

    @Test
    void conflictingChosenCommandsBreakAgreementAtTheirSlot() {
        TraceBuilder trace = new TraceBuilder(3).invoke(ALICE_PUT).invoke(BOB_PUT)
                .chosen(2, 0, ALICE_PUT).chosen(0, 0, BOB_PUT);

        CheckReport report = trace.check();

        assertThat(report.ok()).isFalse();
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.AGREEMENT);
            assertThat(v.slot()).isZero();
            assertThat(v.seq()).isEqualTo(trace.seq());
            assertThat(v.message()).isEqualTo("slot 0 chosen as alice#3 put x=1 at node 2 but as bob#1 put x=2 at node 0");
        });
    }

    @Test
    void viewEventsOfPrimaryBackupAreNoPartOfTheJudgement() {
        TraceBuilder plain = new TraceBuilder(3).invoke(ALICE_PUT).chosen(1, 0, ALICE_PUT).apply(1, 0, ALICE_PUT).done(ALICE_PUT);
        TraceBuilder withViews = new TraceBuilder(3)
                .add(new EventBody.NodeStep(0, new NodeEvent.ViewChanged(1, 1, 2)))
                .invoke(ALICE_PUT).chosen(1, 0, ALICE_PUT)
                .add(new EventBody.NodeStep(2, new NodeEvent.ViewChanged(2, 2, -1)))
                .apply(1, 0, ALICE_PUT).done(ALICE_PUT)
                .add(new EventBody.NodeStep(0, new NodeEvent.ViewChanged(7, 5, 9)));

        CheckReport report = withViews.check();

        assertThat(report.ok()).isTrue();
        assertThat(report.violations()).isEmpty();
        assertThat(report.slotsChosen()).isEqualTo(plain.check().slotsChosen());
        assertThat(report.acknowledged()).isEqualTo(plain.check().acknowledged());
    }

    @Test
    void applyingAnotherCommandThanTheChosenOneBreaksAgreement() {
        TraceBuilder trace = new TraceBuilder(3).invoke(ALICE_PUT).invoke(BOB_PUT)
                .chosen(0, 0, ALICE_PUT).apply(0, 0, ALICE_PUT).apply(1, 0, BOB_PUT);

        CheckReport report = trace.check();

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.AGREEMENT);
            assertThat(v.slot()).isZero();
            assertThat(v.message()).contains("node 1 applied slot 0 as bob#1 put x=2", "chosen as alice#3 put x=1 at node 0");
        });
    }

    @Test
    void firstApplyDefinesASlotNoNodeReportedChosen() {
        TraceBuilder trace = new TraceBuilder(3).invoke(ALICE_PUT).invoke(BOB_PUT)
                .apply(0, 0, ALICE_PUT).apply(1, 0, BOB_PUT);

        assertThat(trace.check().violations()).extracting(Violation::kind).containsExactly(Violation.AGREEMENT);
        assertThat(trace.check().slotsChosen()).isEqualTo(1);
    }

    @Test
    void agreeingNodesPass() {
        CheckReport report = new TraceBuilder(3).invoke(ALICE_PUT).commit(ALICE_PUT).commit(Command.NOOP).check();

        assertThat(report.ok()).isTrue();
        assertThat(report.slotsChosen()).isEqualTo(2);
    }

    @Test
    void chosenCommandThatNoClientInvokedBreaksValidity() {
        CheckReport report = new TraceBuilder(3).chosen(0, 0, ALICE_PUT).check();

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.VALIDITY);
            assertThat(v.slot()).isZero();
            assertThat(v.seq()).isEqualTo(1);
            assertThat(v.message()).isEqualTo("slot 0 holds alice#3 put x=1, which no client invoked");
        });
    }

    @Test
    void chosenCommandThatDiffersFromTheInvokedOneBreaksValidity() {
        Command forged = Command.put("alice", 3, "x", "999");

        CheckReport report = new TraceBuilder(3).invoke(ALICE_PUT).chosen(0, 0, forged).check();

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.VALIDITY);
            assertThat(v.message()).contains("holds alice#3 put x=999", "invoked alice#3 put x=1");
        });
    }

    @Test
    void noopsNeedNoInvoke() {
        assertThat(new TraceBuilder(3).commit(Command.NOOP).check().ok()).isTrue();
    }

    @Test
    void applyingASlotOutOfTurnBreaksOrder() {
        TraceBuilder trace = new TraceBuilder(2).commit(Command.NOOP).commit(Command.NOOP).commit(Command.NOOP)
                .apply(1, 2, Command.NOOP);

        CheckReport report = trace.check();

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.ORDER);
            assertThat(v.slot()).isEqualTo(2);
            assertThat(v.seq()).isEqualTo(trace.seq());
            assertThat(v.message()).isEqualTo("node 1 applied slot 2 but slot 3 was next (it had applied slot 2)");
        });
    }

    @Test
    void skippingASlotBreaksOrder() {
        TraceBuilder trace = new TraceBuilder(1).chosen(0, 0, Command.NOOP).chosen(0, 1, Command.NOOP)
                .apply(0, 1, Command.NOOP);

        assertThat(trace.check().violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.ORDER);
            assertThat(v.message()).isEqualTo("node 0 applied slot 1 but slot 0 was next (it had applied nothing yet)");
        });
    }

    @Test
    void applyAfterInstallingASnapshotContinuesAfterIt() {
        TraceBuilder trace = new TraceBuilder(1);
        for (int slot = 0; slot <= 6; slot++) {
            trace.chosen(0, slot, Command.NOOP);
        }
        trace.apply(0, 0, Command.NOOP).install(0, 5, 1).apply(0, 6, Command.NOOP);

        assertThat(trace.check().ok()).isTrue();
    }

    @Test
    void applyAfterRestartContinuesFromTheRestoredSnapshot() {
        TraceBuilder trace = new TraceBuilder(1);
        for (int slot = 0; slot <= 4; slot++) {
            trace.chosen(0, slot, Command.NOOP);
        }
        trace.apply(0, 0, Command.NOOP).apply(0, 1, Command.NOOP).apply(0, 2, Command.NOOP)
                .crash(0).restart(0, 1)
                .apply(0, 2, Command.NOOP).apply(0, 3, Command.NOOP)
                .crash(0).restart(0, -1)
                .apply(0, 0, Command.NOOP);

        assertThat(trace.check().ok()).isTrue();
    }

    @Test
    void takingASnapshotDoesNotMoveTheNode() {
        TraceBuilder trace = new TraceBuilder(1).chosen(0, 0, Command.NOOP).chosen(0, 1, Command.NOOP)
                .apply(0, 0, Command.NOOP).snapshot(0, 5).apply(0, 1, Command.NOOP);

        assertThat(trace.check().ok()).isTrue();
    }

    @Test
    void seqsThatDoNotIncreaseAreReported() {
        Checker checker = new Checker(1);
        TraceBuilder trace = new TraceBuilder(1).commit(Command.NOOP);
        trace.events().forEach(checker::accept);
        checker.accept(trace.events().get(0));

        CheckReport report = checker.report();

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.ORDER);
            assertThat(v.message()).isEqualTo("trace event seq 1 follows seq 2; seqs must increase");
        });
        assertThat(checker.eventsSeen()).isEqualTo(3);
    }

    @Test
    void manyViolationsOfOneKindAreCappedWithANote() {
        TraceBuilder trace = new TraceBuilder(2);
        for (int slot = 0; slot < 150; slot++) {
            Command a = Command.put("a", slot + 1, "x", "1");
            Command b = Command.put("b", slot + 1, "x", "2");
            trace.invoke(a).invoke(b).chosen(0, slot, a).chosen(1, slot, b);
        }

        CheckReport report = trace.check();

        assertThat(report.violations()).hasSize(ViolationList.KEPT_PER_KIND);
        assertThat(report.notes()).contains("agreement: 50 more violations not listed");
    }
}
