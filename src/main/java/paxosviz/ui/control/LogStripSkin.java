package paxosviz.ui.control;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;
import paxosviz.ui.viewmodel.LogViewModel;

/**
 * The skin of a {@link LogStrip}: a canvas that {@link LogPainter} paints and a scroll bar
 * under it. Repaints when the view model's version moves, when the user scrolls or zooms, and
 * when the look changes; turns wheel, drag, keys and clicks into scrolling, zooming and
 * selecting, and hovering into a tooltip.
 */
final class LogStripSkin extends SkinBase<LogStrip> {

    /** A wheel notch scrolls this share of the window. */
    private static final double WHEEL_SHARE = 0.1;
    private static final double WHEEL_NOTCH = 40;
    private static final double DRAG_FROM = 3;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private final LogPainter painter;
    private final InvalidationListener redraw = obs -> draw();
    private final ChangeListener<LogViewModel> rebind = (obs, old, model) -> bind(old, model);
    private LogGeometry geometry;
    private long firstSlot;
    private boolean movingScrollBar;
    private double pressX;
    private long pressFirstSlot;
    private boolean dragging;
    /** The cell under the mouse while the tooltip shows: its row and how many slots into the window. */
    private int hoveredNode = -1;
    private int hoveredOffset = -1;

    LogStripSkin(LogStrip control) {
        super(control);
        painter = new LogPainter(control);
        getChildren().addAll(canvas, scrollBar);
        scrollBar.setOrientation(Orientation.HORIZONTAL);
        scrollBar.valueProperty().addListener((obs, old, value) -> onScrollBar(value.doubleValue()));
        tooltip.setShowDelay(Duration.millis(150));
        for (Observable look : control.appearance()) {
            look.addListener(redraw);
        }
        control.viewModelProperty().addListener(rebind);
        bind(null, control.getViewModel());
        canvas.setOnMousePressed(this::onPressed);
        canvas.setOnMouseDragged(this::onDragged);
        canvas.setOnMouseReleased(this::onReleased);
        canvas.setOnMouseMoved(this::onMoved);
        canvas.setOnMouseExited(event -> hideTooltip());
        canvas.setOnScroll(this::onScroll);
        control.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void bind(LogViewModel old, LogViewModel model) {
        if (old != null) {
            old.versionProperty().removeListener(redraw);
            old.followHeadProperty().removeListener(redraw);
        }
        if (model != null) {
            model.versionProperty().addListener(redraw);
            model.followHeadProperty().addListener(redraw);
        }
        getSkinnable().requestLayout(); // another cluster may have another number of rows
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

    /** How many rows fit whole on the canvas as laid out now (for tests: none may be cut off). */
    int rowsShown() {
        if (geometry == null) {
            return 0;
        }
        int rows = 0;
        while (rows < getSkinnable().getViewModel().nodes() && geometry.rowTop(rows + 1) <= canvas.getHeight() + 0.5) {
            rows++;
        }
        return rows;
    }

    /** Whether the legend fits under the rows on the canvas as laid out now. */
    boolean legendShown() {
        return geometry != null && geometry.height() <= canvas.getHeight() + 0.5;
    }

    /** How many cells the last draw visited: the visible window's, never the whole log's. */
    int cellsDrawn() {
        return painter.cellsDrawn();
    }

    /** The tooltip's text while it shows, else null. */
    String tooltipText() {
        return tooltip.isShowing() ? tooltip.getText() : null;
    }

    /** See {@link LogStrip#cellCenter}. */
    Point2D cellCenter(int node, long slot) {
        if (geometry == null || slot < firstSlot || slot >= firstSlot + geometry.visibleSlots()) {
            return null;
        }
        double x = geometry.cellX(slot - firstSlot) + geometry.cellWidth() / 2;
        double y = geometry.cellTop(node) + geometry.cellHeight() / 2;
        return getSkinnable().sceneToLocal(canvas.localToScene(x, y));
    }

    private double availableHeight;

    LogGeometry geometry() {
        return geometry;
    }

    // ---------------------------------------------------------------- layout

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double bar = scrollBar.prefHeight(-1);
        availableHeight = Math.max(0, h - bar);
        // the rows stretch to fill the height; the scroll bar sits right under the legend
        double canvasHeight = Math.max(0, Math.min(availableHeight, currentGeometry(w).height()));
        if (canvas.getWidth() != w || canvas.getHeight() != canvasHeight) {
            canvas.setWidth(w);
            canvas.setHeight(canvasHeight);
            draw();
        }
        canvas.relocate(x, y);
        scrollBar.resizeRelocate(x, y + canvasHeight, w, bar);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + naturalGeometry(width).height() + scrollBar.prefHeight(-1) + bottom;
    }

    /** Every row at its smallest and the legend: the split pane never cuts a row off. */
    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        LogGeometry natural = naturalGeometry(width);
        int nodes = getSkinnable().getViewModel() == null ? 0 : getSkinnable().getViewModel().nodes();
        double shrunk = natural.height() - nodes * getSkinnable().cellSize() * (1 - LogGeometry.MIN_ROW_SCALE);
        return top + shrunk + scrollBar.prefHeight(-1) + bottom;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 800;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 200;
    }

    private LogGeometry currentGeometry(double width) {
        LogStrip strip = getSkinnable();
        LogViewModel model = strip.getViewModel();
        return LogGeometry.fitting(width, availableHeight, strip.cellSize(), strip.zoomProperty().get(),
                model == null ? 0 : model.nodes());
    }

    /** The natural geometry, rows at the theme's cell size, for the sizes the strip asks its parent for. */
    private LogGeometry naturalGeometry(double width) {
        LogStrip strip = getSkinnable();
        LogViewModel model = strip.getViewModel();
        return new LogGeometry(width, strip.cellSize(), strip.zoomProperty().get(), model == null ? 0 : model.nodes());
    }

    // ---------------------------------------------------------------- drawing

    void draw() {
        LogStrip strip = getSkinnable();
        LogViewModel model = strip.getViewModel();
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (model == null || canvas.getWidth() <= 0) {
            painter.clear(g, canvas.getWidth(), canvas.getHeight());
            return;
        }
        LogGeometry next = currentGeometry(canvas.getWidth());
        if (geometry == null || geometry.cellHeight() != next.cellHeight() || geometry.height() != next.height()) {
            strip.requestLayout(); // the rows' height follows the theme's cell size and the number of nodes
        }
        geometry = next;
        int visible = geometry.visibleSlots();
        firstSlot = model.firstSlot(visible);
        painter.paint(g, canvas.getWidth(), canvas.getHeight(), model, geometry, firstSlot);
        showScrollPosition(model, visible);
        refreshTooltip(model);
    }

    private void showScrollPosition(LogViewModel model, int visible) {
        long last = model.lastFirstSlot(visible);
        movingScrollBar = true;
        try {
            scrollBar.setMin(0);
            scrollBar.setMax(Math.max(last, 1));
            scrollBar.setVisibleAmount(last == 0 ? 1 : (double) last * visible / (last + visible));
            scrollBar.setUnitIncrement(Math.max(1, visible / 20));
            scrollBar.setBlockIncrement(Math.max(1, visible - 1));
            scrollBar.setValue(firstSlot);
            scrollBar.setDisable(last == 0);
        } finally {
            movingScrollBar = false;
        }
    }

    // ---------------------------------------------------------------- scrolling and zooming

    private void scrollTo(long slot) {
        LogViewModel model = getSkinnable().getViewModel();
        if (model != null && geometry != null) {
            model.scrollTo(slot, geometry.visibleSlots());
            draw();
        }
    }

    private void onScrollBar(double value) {
        if (!movingScrollBar) {
            scrollTo(Math.round(value));
        }
    }

    private void onScroll(ScrollEvent event) {
        if (geometry == null) {
            return;
        }
        double delta = event.getDeltaY() != 0 ? event.getDeltaY() : event.getDeltaX();
        if (event.isControlDown()) {
            zoomAround(event.getX(), delta > 0 ? LogStrip.ZOOM_STEP : 1 / LogStrip.ZOOM_STEP);
        } else {
            double slots = Math.max(1, geometry.visibleSlots() * WHEEL_SHARE) * delta / WHEEL_NOTCH;
            scrollTo(firstSlot - Math.round(slots));
        }
        event.consume();
    }

    /** Zooms keeping the slot under the mouse in place, unless the view follows the head. */
    private void zoomAround(double x, double factor) {
        LogViewModel model = getSkinnable().getViewModel();
        double offset = Math.max(0, (x - geometry.labelWidth()) / geometry.cellWidth());
        double slotUnderMouse = firstSlot + offset;
        getSkinnable().zoomBy(factor); // redraws, with the new geometry
        if (model != null && !model.followHeadProperty().get()) {
            double shift = Math.max(0, x - geometry.labelWidth()) / geometry.cellWidth();
            scrollTo(Math.round(slotUnderMouse - shift));
        }
    }

    private void onKey(KeyEvent event) {
        LogViewModel model = getSkinnable().getViewModel();
        if (model == null || geometry == null) {
            return;
        }
        int page = Math.max(1, geometry.visibleSlots() - 1);
        switch (event.getCode()) {
            case LEFT -> scrollTo(firstSlot - (event.isControlDown() ? page : 1));
            case RIGHT -> scrollTo(firstSlot + (event.isControlDown() ? page : 1));
            case PAGE_UP -> scrollTo(firstSlot - page);
            case PAGE_DOWN -> scrollTo(firstSlot + page);
            case HOME -> scrollTo(0);
            case END -> model.followHeadProperty().set(true);
            default -> {
                return;
            }
        }
        event.consume();
    }

    // ---------------------------------------------------------------- mouse

    private void onPressed(MouseEvent event) {
        getSkinnable().requestFocus();
        pressX = event.getX();
        pressFirstSlot = firstSlot;
        dragging = false;
    }

    private void onDragged(MouseEvent event) {
        if (geometry == null || event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        double dx = event.getX() - pressX;
        dragging |= Math.abs(dx) > DRAG_FROM;
        if (dragging) {
            hideTooltip();
            scrollTo(pressFirstSlot - Math.round(dx / geometry.cellWidth()));
        }
    }

    private void onReleased(MouseEvent event) {
        if (dragging || geometry == null || event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        int node = geometry.rowAt(event.getY());
        if (node >= 0) {
            getSkinnable().selectedNodeProperty().set(node);
            int offset = geometry.offsetAt(event.getX());
            if (node < getSkinnable().getViewModel().nodes() && offset >= 0) {
                getSkinnable().selectedSlotProperty().set(firstSlot + offset);
            }
        }
    }

    private void onMoved(MouseEvent event) {
        LogViewModel model = getSkinnable().getViewModel();
        if (geometry == null || model == null) {
            return;
        }
        int node = geometry.rowAt(event.getY());
        int offset = geometry.offsetAt(event.getX());
        if (node < 0 || node >= model.nodes() || offset < 0) {
            hideTooltip();
            return;
        }
        if (offset != hoveredOffset || node != hoveredNode || !tooltip.isShowing()) {
            hoveredOffset = offset;
            hoveredNode = node;
            tooltip.setText(model.describe(node, firstSlot + offset));
            Point2D screen = canvas.localToScreen(event.getX() + 14, event.getY() + 16);
            tooltip.show(canvas, screen.getX(), screen.getY());
        }
    }

    /** The window moved or the log changed under a still mouse: the tooltip tells what is there now. */
    private void refreshTooltip(LogViewModel model) {
        if (tooltip.isShowing() && hoveredNode < model.nodes() && hoveredOffset < geometry.visibleSlots()) {
            tooltip.setText(model.describe(hoveredNode, firstSlot + hoveredOffset));
        }
    }

    private void hideTooltip() {
        tooltip.hide();
        hoveredNode = -1;
        hoveredOffset = -1;
    }
}
