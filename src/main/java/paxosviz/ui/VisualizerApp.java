package paxosviz.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import paxosviz.ui.view.MainView;
import paxosviz.ui.view.Theme;
import paxosviz.ui.session.LiveDefaults;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.session.SessionRecorder;

/** The visualizer window: a live cluster on threads, running from the first frame; a file given opens on top. */
public final class VisualizerApp extends Application {

    private static Path file;
    private static Path record;
    private static double benchSeconds;
    private static String benchTab;

    private MainViewModel model;
    private MainView view;

    /** What the command line asked for; {@code frameBenchSeconds} > 0 runs the frame benchmark instead. */
    static void configure(Path fileToOpen, Path recordTo, double frameBenchSeconds, String frameBenchTab) {
        file = fileToOpen;
        record = recordTo;
        benchSeconds = frameBenchSeconds;
        benchTab = frameBenchTab;
    }

    @Override
    public void start(Stage stage) {
        model = new MainViewModel(record != null ? new SessionRecorder(record) : null);
        FXMLLoader loader = new FXMLLoader(VisualizerApp.class.getResource("/fxml/Main.fxml"));
        loader.setControllerFactory(type -> controller(type, model));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the window's layout is missing from the build", e);
        }
        view = loader.getController();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1500, screen.getWidth() * 0.95), Math.min(920, screen.getHeight() * 0.92));
        Theme.apply(scene, Theme.LIGHT);
        view.installKeys(scene);
        view.installDragAndDrop(scene);
        stage.setTitle("Paxos Visualizer");
        stage.setScene(scene);
        stage.show();
        if (benchSeconds > 0) {
            new FrameBenchmark(model, scene, benchSeconds, System.out).start(benchTab);
            return;
        }
        model.startCluster(LiveDefaults.NODES);
        openGivenFile();
    }

    /** A scenario runs live; a trace opens in replay (told apart by content). */
    private void openGivenFile() {
        if (file != null) {
            view.open(file);
        }
    }

    /** Every controller takes the main view model. */
    private static Object controller(Class<?> type, MainViewModel model) {
        try {
            return type.getConstructor(MainViewModel.class).newInstance(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("controller " + type.getName() + " needs a constructor taking the MainViewModel", e);
        }
    }

    /** The window's model, for tests that drive the window. */
    MainViewModel model() {
        return model;
    }

    @Override
    public void stop() {
        if (view != null) {
            view.stop();
        }
        if (model != null) {
            model.close();
        }
    }
}
