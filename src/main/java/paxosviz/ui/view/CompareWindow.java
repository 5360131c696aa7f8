package paxosviz.ui.view;

import java.io.IOException;
import java.io.UncheckedIOException;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import paxosviz.ui.viewmodel.CompareViewModel;
import paxosviz.ui.viewmodel.Comparisons;

/** The comparison, in a window of its own beside the main one; closing it stops both clusters. */
public final class CompareWindow {

    private static final String STYLESHEET = "/styles/compare.css";

    private final Stage stage;
    private final CompareViewModel model;

    private CompareWindow(Stage stage, CompareViewModel model) {
        this.stage = stage;
        this.model = model;
    }

    /** Opens a window running {@code preset}, in the theme of {@code owner}. */
    public static CompareWindow open(Window owner, Comparisons.Preset preset) {
        CompareViewModel model = new CompareViewModel(preset);
        FXMLLoader loader = new FXMLLoader(CompareWindow.class.getResource("/fxml/Compare.fxml"));
        loader.setControllerFactory(type -> new CompareView(model));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("the comparison window's layout is missing from the build", e);
        }
        CompareView view = loader.getController();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1500, screen.getWidth() * 0.95), Math.min(900, screen.getHeight() * 0.92));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            Theme.apply(scene, Theme.LIGHT);
        }
        scene.getStylesheets().add(CompareWindow.class.getResource(STYLESHEET).toExternalForm());
        view.installKeys(scene);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Paxos Visualizer — " + preset.label());
        stage.setScene(scene);
        stage.setOnHidden(event -> view.stop());
        stage.show();
        return new CompareWindow(stage, model);
    }

    public CompareViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }
}
