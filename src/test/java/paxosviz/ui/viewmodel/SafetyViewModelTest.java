package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.check.CheckReport;
import paxosviz.check.Violation;
import paxosviz.ui.session.Safety;
import paxosviz.ui.session.ScriptedSession;

class SafetyViewModelTest {

    private final ScriptedSession session = new ScriptedSession(3, true);
    private final SafetyViewModel model = new SafetyViewModel(session::safety);

    private static final CheckReport SAFE = new CheckReport(true, List.of(), 12, 10, true, null, List.of());
    private static final CheckReport BROKEN = new CheckReport(false,
            List.of(new Violation("agreement", "slot 17 chosen as a and as b", 4242, 17L, null)), 20, 5, false, null, List.of());

    @Test
    void staysGreenWhileTheCheckerFindsNothing() {
        session.setReport(SAFE);
        model.poll();

        assertThat(model.safeProperty().get()).isTrue();
        assertThat(model.textProperty().get()).contains("Safe", "12 slots", "10 answers");
        assertThat(model.violationSeqProperty().get()).isEqualTo(-1);
    }

    @Test
    void turnsRedNamingTheSlotAndPointingAtTheEvent() {
        session.setReport(BROKEN);
        model.poll();

        assertThat(model.safeProperty().get()).isFalse();
        assertThat(model.textProperty().get()).contains("agreement", "slot 17");
        assertThat(model.violationSeqProperty().get()).isEqualTo(4242);
    }

    @Test
    void saysCheckingUntilTheFirstReport() {
        model.poll();

        assertThat(model.textProperty().get()).isEqualTo("Checking…");
    }

    @Test
    void inAReplayItSaysWhatWasFoundSoFarAndWhatTheWholeTraceHolds() {
        Safety[] safety = {new Safety(null, null, true)};
        SafetyViewModel replay = new SafetyViewModel(() -> safety[0]);
        replay.poll();
        assertThat(replay.textProperty().get()).isEqualTo("Checking the trace…");

        safety[0] = new Safety(SAFE, BROKEN, true);
        replay.poll();
        assertThat(replay.safeProperty().get()).as("nothing broke up to the point shown").isTrue();
        assertThat(replay.textProperty().get()).contains("Safe so far", "12 slots", "✖ later");
        assertThat(replay.detailProperty().get()).contains("The whole trace: 1 violation(s)", "slot 17 chosen as a and as b");

        safety[0] = new Safety(BROKEN, BROKEN, true);
        replay.poll();
        assertThat(replay.safeProperty().get()).isFalse();
        assertThat(replay.violationSeqProperty().get()).isEqualTo(4242);

        safety[0] = new Safety(SAFE, SAFE, true);
        replay.poll();
        assertThat(replay.safeProperty().get()).as("seeking back before the violation").isTrue();
        assertThat(replay.violationSeqProperty().get()).isEqualTo(-1);
        assertThat(replay.detailProperty().get()).contains("The whole trace: safe");
    }
}
