package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.check.CheckReport;
import paxosviz.check.Violation;

class SafetyViewModelTest {

    private CheckReport report;
    private final SafetyViewModel model = new SafetyViewModel(() -> report);

    @Test
    void staysGreenWhileTheCheckerFindsNothing() {
        report = new CheckReport(true, List.of(), 12, 10, true, null, List.of());
        model.poll();

        assertThat(model.safeProperty().get()).isTrue();
        assertThat(model.textProperty().get()).contains("Safe", "12 slots", "10 answers");
        assertThat(model.violationSeqProperty().get()).isEqualTo(-1);
    }

    @Test
    void turnsRedNamingTheSlotAndPointingAtTheEvent() {
        report = new CheckReport(false, List.of(new Violation("agreement", "slot 17 chosen as a and as b", 4242, 17L, null)),
                20, 5, false, null, List.of());
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
}
