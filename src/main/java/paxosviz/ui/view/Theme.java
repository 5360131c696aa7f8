package paxosviz.ui.view;

import javafx.scene.Scene;

/** A theme is a stylesheet laid over the base one. */
public enum Theme {
    LIGHT("Light", "/styles/light.css"),
    DARK("Dark", "/styles/dark.css"),
    PRESENTER("Presenter", "/styles/presenter.css");

    static final String BASE = "/styles/base.css";

    private final String label;
    private final String stylesheet;

    Theme(String label, String stylesheet) {
        this.label = label;
        this.stylesheet = stylesheet;
    }

    public String label() {
        return label;
    }

    public static void apply(Scene scene, Theme theme) {
        if (scene == null) {
            return;
        }
        scene.getStylesheets().setAll(
                Theme.class.getResource(BASE).toExternalForm(),
                Theme.class.getResource(theme.stylesheet).toExternalForm());
    }
}
