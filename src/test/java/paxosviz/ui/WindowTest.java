package paxosviz.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import paxosviz.ui.viewmodel.MainViewModel;

/**
 * What every headless window test needs: the window itself, waiting for a condition, and
 * running on the FX thread. Subclasses open and close the window from their own {@code @Start}
 * and {@code @Stop}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {

    VisualizerApp app;
    Stage stage;

    /** Each test class calls this from its own {@code @Start} (TestFX looks for it in the class itself). */
    void open(Stage shown) {
        this.stage = shown;
        app = new VisualizerApp();
        app.start(shown);
    }

    /** From each test class's {@code @Stop}. */
    void close() {
        app.stop();
    }

    MainViewModel model() {
        return app.model();
    }

    /** A node of this test's window (a query over all windows may find one left over from an earlier test). */
    Node find(String selector) {
        return stage.getScene().lookup(selector);
    }

    static void waitUntil(String what, long seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for: " + what);
        }
    }

    /** Runs {@code action} on the FX thread and waits until it and what it set off are done. */
    static void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
