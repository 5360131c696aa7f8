package paxosviz.ui.view;

import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import paxosviz.ui.control.SpaceTimeChart;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.SessionModels;
import paxosviz.ui.viewmodel.SpaceTimeViewModel;

/** The space-time pane: the chart of the current session, how long a stretch it shows, and buttons to change that. */
public final class SpaceTimePaneView {

    private static final double ZOOM_STEP = 1.5;

    private final MainViewModel model;
    private SpaceTimeViewModel bound;

    @FXML private SpaceTimeChart spaceTimeChart;
    @FXML private Label spanLabel;

    public SpaceTimePaneView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        model.modelsProperty().addListener((obs, old, models) -> bind(models));
        if (model.models() != null) {
            bind(model.models());
        }
    }

    private void bind(SessionModels models) {
        if (bound != null) {
            bound.shownProperty().unbind();
        }
        bound = models.spaceTime();
        bound.shownProperty().bind(spaceTimeChart.shownProperty());
        spaceTimeChart.setViewModel(bound);
        spanLabel.textProperty().bind(bound.spanMsProperty().map(span -> span.doubleValue() >= 1000
                ? String.format(Locale.ROOT, "last %.1f s", span.doubleValue() / 1000)
                : String.format(Locale.ROOT, "last %.0f ms", span.doubleValue())));
    }

    /** On while the pane is in front; the chart draws nothing while it is not. */
    public BooleanProperty shownProperty() {
        return spaceTimeChart.shownProperty();
    }

    @FXML
    private void longer() {
        zoom(ZOOM_STEP);
    }

    @FXML
    private void shorter() {
        zoom(1 / ZOOM_STEP);
    }

    private void zoom(double factor) {
        double span = bound.spanMsProperty().get() * factor;
        bound.spanMsProperty().set(Math.max(SpaceTimeViewModel.MIN_SPAN_MS, Math.min(SpaceTimeViewModel.MAX_SPAN_MS, span)));
    }
}
