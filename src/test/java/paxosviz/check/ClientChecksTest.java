package paxosviz.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Command;
import paxosviz.core.Result;

class ClientChecksTest {

    @Test
    void getThatDisagreesWithTheLogIsAResultViolation() {
        Command put = Command.put("alice", 1, "x", "1");
        Command get = Command.get("bob", 1, "x");
        TraceBuilder trace = new TraceBuilder(3).run(put, Result.of(put.type())).invoke(get).commit(get).read(get, "2");

        CheckReport report = trace.check();

        assertThat(report.violations()).filteredOn(v -> v.kind().equals(Violation.RESULT)).singleElement().satisfies(v -> {
            assertThat(v.slot()).isEqualTo(1);
            assertThat(v.key()).isEqualTo("x");
            assertThat(v.seq()).isEqualTo(trace.seq());
            assertThat(v.message()).isEqualTo("bob#1 get x returned value=2 but the agreed log gives value=1 (slot 1)");
        });
        assertThat(report.linearizable()).isFalse();
    }

    @Test
    void casResultIsCheckedAgainstTheLog() {
        Command put = Command.put("alice", 1, "x", "1");
        Command cas = Command.cas("bob", 1, "x", "1", "2");
        Command get = Command.get("carol", 1, "x");

        CheckReport honest = new TraceBuilder(1).run(put, Result.of(put.type()))
                .run(cas, Result.swapped(true)).run(get, Result.read("2")).check();
        CheckReport lying = new TraceBuilder(1).run(put, Result.of(put.type()))
                .run(cas, Result.swapped(false)).check();

        assertThat(honest.ok()).isTrue();
        assertThat(lying.violations()).extracting(Violation::kind).contains(Violation.RESULT);
    }

    @Test
    void resultIsCheckedWhenTheLogCatchesUpAfterTheReturn() {
        Command put = Command.put("alice", 1, "x", "1");
        Command get = Command.get("bob", 1, "x");
        TraceBuilder trace = new TraceBuilder(1).invoke(put).invoke(get)
                .chosen(0, 1, get).read(get, "stale").chosen(0, 0, put);

        CheckReport report = trace.check();

        assertThat(report.violations()).filteredOn(v -> v.kind().equals(Violation.RESULT)).singleElement()
                .satisfies(v -> assertThat(v.seq()).isEqualTo(trace.seq()));
    }

    @Test
    void replayStartsOverWhenALowerSlotTurnsUp() {
        Command put = Command.put("alice", 1, "x", "1");
        Command get = Command.get("bob", 1, "x");

        CheckReport report = new TraceBuilder(1).invoke(put).invoke(get)
                .chosen(0, 1, get).read(get, "1").chosen(0, 0, put).done(put).check();

        assertThat(report.violations()).isEmpty();
    }

    @Test
    void logWithoutItsFirstSlotsIsReplayedFromTheLowestKnownSlot() {
        Command put = Command.put("alice", 1, "x", "1");
        Command get = Command.get("bob", 1, "x");

        CheckReport report = new TraceBuilder(1).invoke(put).invoke(get)
                .chosen(0, 3, put).chosen(0, 4, get).done(put).read(get, "2").check();

        assertThat(report.violations()).extracting(Violation::kind).contains(Violation.RESULT);
        assertThat(report.notes()).contains("no slot below 3 is known, so the log was replayed from slot 3");
    }

    @Test
    void retriedCommandInTwoSlotsTakesEffectOnce() {
        Command append = Command.append("alice", 1, "x", "a");
        Command get = Command.get("bob", 1, "x");

        CheckReport report = new TraceBuilder(1).invoke(append).commit(append).commit(append).done(append)
                .run(get, Result.read("a")).check();

        assertThat(report.ok()).isTrue();
        assertThat(report.slotsChosen()).isEqualTo(3);
        assertThat(report.acknowledged()).isEqualTo(2);
    }

    @Test
    void olderCommandOfAClientAfterANewerOneHasNoEffect() {
        Command first = Command.put("alice", 1, "x", "old");
        Command second = Command.put("alice", 2, "x", "new");
        Command get = Command.get("bob", 1, "x");

        CheckReport report = new TraceBuilder(1).invoke(first).timeout(first).invoke(second)
                .commit(second).commit(first).done(second).run(get, Result.read("new")).check();

        assertThat(report.ok()).isTrue();
    }

    @Test
    void acknowledgedPutMissingFromAGapFreeLogIsADurabilityViolation() {
        Command put = Command.put("alice", 1, "x", "1");
        TraceBuilder trace = new TraceBuilder(1).invoke(put).commit(Command.NOOP).done(put);

        CheckReport report = trace.check();

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.DURABILITY);
            assertThat(v.seq()).isEqualTo(trace.seq());
            assertThat(v.key()).isEqualTo("x");
            assertThat(v.message()).isEqualTo("alice#1 put x=1 was acknowledged but is not in the agreed log (slots 0 to 0)");
        });
    }

    @Test
    void acknowledgedPutIsNotJudgedMissingWhileTheLogHasAHole() {
        Command put = Command.put("alice", 1, "x", "1");

        CheckReport report = new TraceBuilder(1).invoke(put).chosen(0, 0, Command.NOOP).chosen(0, 2, Command.NOOP)
                .done(put).check();

        assertThat(report.violations()).extracting(Violation::kind).doesNotContain(Violation.DURABILITY);
    }

    @Test
    void acknowledgedGetNeedNotBeInTheLog() {
        Command get = Command.get("alice", 1, "x");

        assertThat(new TraceBuilder(1).invoke(get).read(get, null).check().ok()).isTrue();
    }

    @Test
    void logOrderThatContradictsRealTimeIsAViolation() {
        Command first = Command.put("alice", 1, "x", "1");
        Command second = Command.put("bob", 1, "y", "2");
        TraceBuilder trace = new TraceBuilder(1)
                .invoke(first).chosen(0, 1, first).done(first)
                .invoke(second).chosen(0, 0, second).done(second);

        CheckReport report = trace.check();

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.REAL_TIME);
            assertThat(v.slot()).isZero();
            assertThat(v.seq()).isEqualTo(trace.seq());
            assertThat(v.message()).isEqualTo("alice#1 put x=1 was acknowledged (seq 3) before bob#1 put y=2 was invoked (seq 4),"
                    + " yet the log holds them at slots 1 and 0");
        });
        assertThat(report.linearizable()).isFalse();
    }

    @Test
    void acknowledgementNoInvokeNamedIsAValidityViolation() {
        Command put = Command.put("alice", 1, "x", "1");

        CheckReport report = new TraceBuilder(1).done(put).check();

        assertThat(report.violations()).extracting(Violation::kind).contains(Violation.VALIDITY);
        assertThat(report.violations()).extracting(Violation::message).contains("alice#1 put x=1 was acknowledged but never invoked");
    }
}
