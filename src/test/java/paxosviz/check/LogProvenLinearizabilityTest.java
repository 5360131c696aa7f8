package paxosviz.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Command;

/** Live reports skip the search: the agreed log proves linearizability when it covers every answer. */
class LogProvenLinearizabilityTest {

    private final Command put = Command.put("a", 1, "x", "1");
    private final Command get = Command.get("b", 1, "x");

    @Test
    void aLogThatCoversEveryAnswerProvesLinearizability() {
        TraceBuilder trace = new TraceBuilder(3)
                .invoke(put).chosen(0, 0, put).done(put)
                .invoke(get).chosen(0, 1, get).read(get, "1");

        CheckReport report = trace.feed().report(false);

        assertThat(report.linearizable()).isTrue();
        assertThat(report.ok()).isTrue();
    }

    @Test
    void anAnswerTheLogDoesNotHoldYetLeavesItUndecided() {
        TraceBuilder trace = new TraceBuilder(3)
                .invoke(put).chosen(0, 0, put).done(put)
                .invoke(get).read(get, "1");

        CheckReport report = trace.feed().report(false);

        assertThat(report.linearizable()).isNull();
        assertThat(report.notes()).anyMatch(note -> note.contains("not searched"));
        assertThat(trace.feed().report(true).linearizable()).isTrue();
    }

    @Test
    void anAnswerTheLogContradictsIsNotLinearizableWithoutSearching() {
        TraceBuilder trace = new TraceBuilder(3)
                .invoke(put).chosen(0, 0, put).done(put)
                .invoke(get).chosen(0, 1, get).read(get, "stale");

        CheckReport report = trace.feed().report(false);

        assertThat(report.linearizable()).isFalse();
        assertThat(report.ok()).isFalse();
    }

    @Test
    void violationsFoundWhileReadingAreCountedCheaply() {
        Command other = Command.put("c", 1, "x", "2");
        TraceBuilder trace = new TraceBuilder(3)
                .invoke(put).invoke(other).chosen(0, 0, put).chosen(1, 0, other);

        assertThat(trace.feed().violationsFound()).isEqualTo(1);
    }
}
