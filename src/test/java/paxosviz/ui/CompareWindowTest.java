package paxosviz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import paxosviz.ui.view.CompareWindow;
import paxosviz.ui.viewmodel.CompareSide;
import paxosviz.ui.viewmodel.CompareViewModel;
import paxosviz.ui.viewmodel.Comparisons;

/**
 * The comparison window, headless: the stock demo under primary/backup with automatic failover
 * beside Multi-Paxos. A crash by hand reaches both clusters, a pause holds both at one time, and
 * by the end only the automatic failover side has broken agreement.
 */
class CompareWindowTest extends WindowTest {

    private CompareWindow window;

    @Start
    void start(Stage shown) {
        open(shown);
    }

    @Stop
    void stop() {
        close();
    }

    @AfterEach
    void closeComparison() {
        if (window != null) {
            onFx(() -> window.stage().close());
        }
    }

    private CompareViewModel compare() {
        return window.model();
    }

    private CompareSide left() {
        return compare().sides().left();
    }

    private CompareSide right() {
        return compare().sides().right();
    }

    private static long simulationThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("simulation")).count();
    }

    @Test
    void aCrashReachesBothSidesAPauseHoldsBothAndOnlyAutomaticFailoverForks() throws Exception {
        Comparisons.Preset preset = Comparisons.AUTO_FAILOVER_VS_PAXOS;
        MenuButton demos = (MenuButton) find("#demosMenu");
        assertThat(demos.getItems()).anyMatch(item -> preset.label().equals(item.getText()));
        assertThat(preset.label()).isEqualTo("Compare: primary/backup (automatic failover) vs Multi-Paxos");
        long threadsBefore = simulationThreads();

        onFx(() -> {
            window = CompareWindow.open(stage, preset);
            compare().speedProperty().set(2.0);
        });
        assertThat(left().title()).isEqualTo("Primary/backup with automatic failover");
        assertThat(left().unsafe()).isTrue();
        assertThat(right().title()).isEqualTo("Multi-Paxos");
        assertThat(right().unsafe()).isFalse();

        onFx(() -> left().cluster().toggleCrash(4));
        waitUntil("n4 shown crashed on both sides", 10,
                () -> !left().cluster().nodes().get(4).isUp() && !right().cluster().nodes().get(4).isUp());

        onFx(compare()::togglePause);
        waitUntil("both sides paused", 10, () -> left().session().state().paused() && right().session().state().paused());
        double frozen = left().session().nowMillis();
        Thread.sleep(300);
        assertThat(left().session().nowMillis()).as("paused: the clock stands").isEqualTo(frozen);
        assertThat(right().session().nowMillis()).as("one clock for both").isEqualTo(frozen);

        onFx(compare()::togglePause);
        waitUntil("both runs ended", 60, () -> left().session().state().ended() && right().session().state().ended());
        waitUntil("the automatic failover side's badge turning red", 10, () -> !left().safety().safeProperty().get());
        assertThat(left().safety().textProperty().get()).startsWith("✖");
        waitUntil("the Multi-Paxos side's final verdict", 10, () -> right().safety().textProperty().get().startsWith("✔ Safe"));
        assertThat(right().safety().safeProperty().get()).isTrue();

        onFx(() -> window.stage().close());
        window = null;
        waitUntil("both clusters' threads stopped", 10, () -> simulationThreads() == threadsBefore);
    }
}
