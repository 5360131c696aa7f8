package paxosviz.ui.view;

import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import paxosviz.ui.control.LogStrip;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.SessionModels;

/** The log pane: the log strip of the live session, its follow-the-head switch and zoom buttons. */
public final class LogPaneView {

    private final MainViewModel model;
    private SessionModels bound;

    @FXML private LogStrip logStrip;
    @FXML private ToggleButton followToggle;

    /** End follows the head from anywhere in the window, not only when the strip has the focus. */
    private final EventHandler<KeyEvent> endKey = event -> {
        if (event.getCode() == KeyCode.END && !event.isShortcutDown() && bound != null) {
            bound.log().followHeadProperty().set(true);
            event.consume();
        }
    };

    public LogPaneView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        model.modelsProperty().addListener((obs, old, models) -> bind(models));
        if (model.models() != null) {
            bind(model.models());
        }
        logStrip.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_PRESSED, endKey);
            }
            if (scene != null) {
                scene.addEventHandler(KeyEvent.KEY_PRESSED, endKey);
            }
        });
    }

    private void bind(SessionModels models) {
        if (bound != null) {
            followToggle.selectedProperty().unbindBidirectional(bound.log().followHeadProperty());
            logStrip.selectedNodeProperty().unbindBidirectional(bound.cluster().selectedNodeProperty());
            logStrip.selectedSlotProperty().unbindBidirectional(bound.inspector().slotProperty());
        }
        bound = models;
        logStrip.setViewModel(models.log());
        followToggle.selectedProperty().bindBidirectional(models.log().followHeadProperty());
        logStrip.selectedNodeProperty().bindBidirectional(models.cluster().selectedNodeProperty());
        logStrip.selectedSlotProperty().bindBidirectional(models.inspector().slotProperty());
    }

    @FXML
    private void zoomIn() {
        logStrip.zoomIn();
    }

    @FXML
    private void zoomOut() {
        logStrip.zoomOut();
    }
}
