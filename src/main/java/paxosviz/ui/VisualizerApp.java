package paxosviz.ui;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The visualizer window. A placeholder until the live views land. */
public final class VisualizerApp extends Application {

    private static Path file;
    private static Path record;

    static void configure(Path fileToOpen, Path recordTo) {
        file = fileToOpen;
        record = recordTo;
    }

    @Override
    public void start(Stage stage) {
        Label label = new Label("Paxos Visualizer: the live views are coming. Use the command line: run, check."
                + (file != null ? "\nFile: " + file : "") + (record != null ? "\nRecording to: " + record : ""));
        stage.setTitle("Paxos Visualizer");
        stage.setScene(new Scene(new StackPane(label), 900, 600));
        stage.show();
    }
}
