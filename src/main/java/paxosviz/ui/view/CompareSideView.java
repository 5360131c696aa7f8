package paxosviz.ui.view;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import paxosviz.ui.control.ClusterCanvas;
import paxosviz.ui.control.LogStrip;
import paxosviz.ui.viewmodel.CompareSide;

/** The controls of one side of the comparison window, put on that side's view models. */
final class CompareSideView {

    private final Label title;
    private final Label unsafe;
    private final Label safety;
    private final Tooltip safetyDetail = new Tooltip();
    private final ClusterCanvas canvas;
    private final LogStrip log;

    CompareSideView(Label title, Label unsafe, Label safety, ClusterCanvas canvas, LogStrip log) {
        this.title = title;
        this.unsafe = unsafe;
        this.safety = safety;
        this.canvas = canvas;
        this.log = log;
        safety.setTooltip(safetyDetail);
    }

    void bind(CompareSide side) {
        title.setText(side.title());
        unsafe.setVisible(side.unsafe());
        unsafe.setManaged(side.unsafe());
        canvas.setViewModel(side.cluster());
        log.setViewModel(side.log());
        log.selectedNodeProperty().bindBidirectional(side.cluster().selectedNodeProperty());
        safety.textProperty().bind(side.safety().textProperty());
        safetyDetail.textProperty().bind(side.safety().detailProperty());
        side.safety().safeProperty().addListener((obs, old, safe) -> styleSafety(safe));
        styleSafety(side.safety().safeProperty().get());
    }

    /** Lets go of a side that is replaced (its session is closed). */
    void unbind(CompareSide side) {
        log.selectedNodeProperty().unbindBidirectional(side.cluster().selectedNodeProperty());
    }

    private void styleSafety(boolean safe) {
        safety.getStyleClass().removeAll("safety-ok", "safety-broken");
        safety.getStyleClass().add(safe ? "safety-ok" : "safety-broken");
    }
}
