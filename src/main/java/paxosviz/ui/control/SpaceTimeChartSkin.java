package paxosviz.ui.control;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;
import paxosviz.export.SpaceTimeDiagram;
import paxosviz.ui.viewmodel.SpaceTimeViewModel;

/**
 * The skin of a {@link SpaceTimeChart}: one canvas that {@link SpaceTimePainter} paints when
 * the view model's version moves (once a frame at most), when the look changes, and when it is
 * shown again; clicks pick arrows and rows, the wheel zooms, hovering names the arrow.
 */
final class SpaceTimeChartSkin extends CanvasSkin<SpaceTimeChart> {

    private static final double ZOOM_STEP = 1.25;

    private final SpaceTimePainter painter;
    private final Tooltip tooltip = new Tooltip();
    private final InvalidationListener redraw = obs -> draw();
    private final ChangeListener<SpaceTimeViewModel> rebind = (obs, old, model) -> bind(old, model);
    private SpaceTimeGeometry geometry;
    /** The arrow the tooltip tells of while it shows. */
    private SpaceTimeDiagram.Arrow hovered;

    SpaceTimeChartSkin(SpaceTimeChart chart) {
        super(chart, 800, 400, 100, 60);
        painter = new SpaceTimePainter(chart);
        tooltip.setShowDelay(Duration.millis(150));
        for (Observable look : chart.appearance()) {
            look.addListener(redraw);
        }
        chart.viewModelProperty().addListener(rebind);
        bind(null, chart.getViewModel());
        canvas.setOnMouseClicked(this::onClicked);
        canvas.setOnMouseMoved(this::onMoved);
        canvas.setOnMouseExited(event -> hideTooltip());
        canvas.setOnScroll(this::onScroll);
    }

    private void bind(SpaceTimeViewModel old, SpaceTimeViewModel model) {
        if (old != null) {
            old.versionProperty().removeListener(redraw);
        }
        if (model != null) {
            model.versionProperty().addListener(redraw);
        }
        draw();
    }

    @Override
    public void dispose() {
        for (Observable look : getSkinnable().appearance()) {
            look.removeListener(redraw);
        }
        getSkinnable().viewModelProperty().removeListener(rebind);
        bind(getSkinnable().getViewModel(), null);
        super.dispose();
    }

    int arrowsDrawn() {
        return painter.arrowsDrawn();
    }

    Point2D pointOn(SpaceTimeDiagram.Arrow arrow) {
        SpaceTimeViewModel model = getSkinnable().getViewModel();
        if (geometry == null || model == null || !geometry.visible(arrow)) {
            return null;
        }
        double due = Double.NaN;
        for (SpaceTimeDiagram.Pending message : model.diagram().inFlight()) {
            if (message.arrow() == arrow) {
                due = message.due();
            }
        }
        SpaceTimeGeometry.Segment segment = geometry.segment(arrow, due);
        return new Point2D((segment.x1() + segment.x2()) / 2, (segment.y1() + segment.y2()) / 2);
    }

    Point2D pointOn(String host) {
        return geometry == null ? null : new Point2D(SpaceTimeGeometry.LABEL_WIDTH / 2, geometry.y(host));
    }

    @Override
    void draw() {
        SpaceTimeChart chart = getSkinnable();
        SpaceTimeViewModel model = chart.getViewModel();
        if (!chart.shownProperty().get() || canvas.getWidth() <= 0) {
            return;
        }
        if (model == null) {
            painter.clear(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
            return;
        }
        geometry = new SpaceTimeGeometry(model.hosts(), canvas.getWidth(), canvas.getHeight(), model.from(), model.now());
        painter.paint(canvas.getGraphicsContext2D(), geometry, model);
    }

    // ---------------------------------------------------------------- input

    private SpaceTimeDiagram.Arrow arrowAt(double x, double y) {
        SpaceTimeViewModel model = getSkinnable().getViewModel();
        return geometry == null || model == null ? null
                : geometry.arrowAt(x, y, model.diagram().arrows(), model.diagram().inFlight());
    }

    private void onClicked(MouseEvent event) {
        SpaceTimeViewModel model = getSkinnable().getViewModel();
        if (event.getButton() != MouseButton.PRIMARY || model == null || geometry == null) {
            return;
        }
        SpaceTimeDiagram.Arrow arrow = arrowAt(event.getX(), event.getY());
        if (arrow != null) {
            model.pick(arrow);
        } else {
            model.pickHost(geometry.hostAt(event.getY()));
        }
    }

    private void onMoved(MouseEvent event) {
        SpaceTimeDiagram.Arrow arrow = arrowAt(event.getX(), event.getY());
        if (arrow == null) {
            hideTooltip();
            return;
        }
        if (arrow != hovered || !tooltip.isShowing()) {
            // placed once per arrow, not following the mouse, so the pointer never runs into it
            hovered = arrow;
            tooltip.setText(describe(arrow));
            Point2D screen = canvas.localToScreen(event.getX() + 14, event.getY() + 16);
            tooltip.show(canvas, screen.getX(), screen.getY());
        }
    }

    private void hideTooltip() {
        tooltip.hide();
        hovered = null;
    }

    private static String describe(SpaceTimeDiagram.Arrow arrow) {
        String fate = arrow.flying() ? "on its way" : arrow.lost() ? String.format(java.util.Locale.ROOT, "lost at %.1f ms", arrow.ended())
                : String.format(java.util.Locale.ROOT, "arrived at %.1f ms", arrow.ended());
        return String.format(java.util.Locale.ROOT, "%s %s → %s (#%d)%nsent at %.1f ms, %s", arrow.kind(), arrow.from(), arrow.to(),
                arrow.id(), arrow.sent(), fate);
    }

    /** The wheel zooms: up shows a shorter stretch of time, down a longer one. */
    private void onScroll(ScrollEvent event) {
        SpaceTimeViewModel model = getSkinnable().getViewModel();
        if (model == null || event.getDeltaY() == 0) {
            return;
        }
        double span = model.spanMsProperty().get() * (event.getDeltaY() > 0 ? 1 / ZOOM_STEP : ZOOM_STEP);
        model.spanMsProperty().set(Math.max(SpaceTimeViewModel.MIN_SPAN_MS, Math.min(SpaceTimeViewModel.MAX_SPAN_MS, span)));
        event.consume();
    }
}
