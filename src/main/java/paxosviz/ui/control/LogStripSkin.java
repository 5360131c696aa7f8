package paxosviz.ui.control;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import paxosviz.core.Ballot;
import paxosviz.ui.viewmodel.LogViewModel;
import paxosviz.ui.viewmodel.SlotState;

/**
 * Draws a {@link LogStrip}: the visible window of slots only, so a frame costs the same at slot
 * 100 and at slot 1,000,000. Redraws when the view model's version moves, when the user
 * scrolls or zooms, and when the look changes; turns wheel, drag, keys and clicks into scrolling,
 * zooming and selecting.
 */
final class LogStripSkin extends SkinBase<LogStrip> {

    private static final double DIMMED = 0.35;
    /** A wheel notch scrolls this share of the window. */
    private static final double WHEEL_SHARE = 0.1;
    private static final double WHEEL_NOTCH = 40;
    private static final double DRAG_FROM = 3;
    private static final String[] LEGEND = {"empty", "accepted (ballot)", "chosen", "applied", "compacted (snapshot)"};

    private final Canvas canvas = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private final Text measure = new Text();
    private final InvalidationListener redraw = obs -> draw();
    private final ChangeListener<LogViewModel> rebind = (obs, old, model) -> bind(old, model);
    private LogGeometry geometry;
    private long firstSlot;
    private int cellsDrawn;
    private boolean movingScrollBar;
    private double pressX;
    private long pressFirstSlot;
    private boolean dragging;
    /** The cell under the mouse while the tooltip shows: its row and how many slots into the window. */
    private int hoveredNode = -1;
    private int hoveredOffset = -1;

    LogStripSkin(LogStrip control) {
        super(control);
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

    /** How many cells the last draw visited: the visible window's, never the whole log's. */
    int cellsDrawn() {
        return cellsDrawn;
    }

    /** The tooltip's text while it shows, else null. */
    String tooltipText() {
        return tooltip.isShowing() ? tooltip.getText() : null;
    }

    LogGeometry geometry() {
        return geometry;
    }

    // ---------------------------------------------------------------- layout

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double bar = scrollBar.prefHeight(-1);
        // the scroll bar sits right under the legend; spare height stays below it
        double canvasHeight = Math.max(0, Math.min(h - bar, currentGeometry(w).height()));
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
        return top + currentGeometry(width).height() + scrollBar.prefHeight(-1) + bottom;
    }

    /** Small enough that the split pane can give the cluster picture most of the window. */
    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        LogGeometry geometry = currentGeometry(width);
        return top + geometry.rowTop(2) + scrollBar.prefHeight(-1) + bottom;
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
        return new LogGeometry(width, strip.cellSize(), strip.zoomProperty().get(), model == null ? 0 : model.nodes());
    }

    // ---------------------------------------------------------------- drawing

    void draw() {
        LogStrip strip = getSkinnable();
        LogViewModel model = strip.getViewModel();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(strip.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        cellsDrawn = 0;
        if (model == null || canvas.getWidth() <= 0) {
            return;
        }
        if (geometry == null || geometry.cellHeight() != strip.cellSize()) {
            getSkinnable().requestLayout(); // the rows' height follows the theme's cell size
        }
        geometry = currentGeometry(canvas.getWidth());
        int visible = geometry.visibleSlots();
        firstSlot = model.firstSlot(visible);
        drawRuler(g, visible);
        for (int node = 0; node < model.nodes(); node++) {
            drawRow(g, model, node, visible);
        }
        drawLegend(g, model, visible);
        showScrollPosition(model, visible);
        refreshTooltip(model);
    }

    private void drawRuler(GraphicsContext g, int visible) {
        LogStrip strip = getSkinnable();
        long every = geometry.tickEvery();
        double baseline = geometry.rulerHeight() - 4;
        g.setFont(Font.font(geometry.fontSize() * 0.85));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.setStroke(strip.grid());
        g.setLineWidth(1);
        long firstTick = (firstSlot + every - 1) / every * every;
        for (long slot = firstTick; slot < firstSlot + visible; slot += every) {
            double x = geometry.cellX(slot - firstSlot) + geometry.cellWidth() / 2;
            g.setFill(strip.text());
            g.fillText(String.format("%,d", slot), x, baseline - 3);
            g.strokeLine(Math.round(x) + 0.5, baseline - 2, Math.round(x) + 0.5, baseline + 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("slot", 4, baseline - 3);
    }

    private void drawRow(GraphicsContext g, LogViewModel model, int node, int visible) {
        LogStrip strip = getSkinnable();
        double top = geometry.cellTop(node);
        double height = geometry.cellHeight();
        if (strip.selectedNodeProperty().get() == node) {
            g.setGlobalAlpha(0.22);
            g.setFill(strip.selection());
            g.fillRect(0, geometry.rowTop(node), canvas.getWidth(), geometry.rowHeight());
            g.setGlobalAlpha(1);
            g.fillRect(0, geometry.rowTop(node), 4, geometry.rowHeight());
        }
        drawLabel(g, model, node, top + height / 2);
        g.setGlobalAlpha(model.isUp(node) ? 1 : DIMMED);
        long lastSlot = firstSlot + visible - 1;
        long compactedUpTo = model.compactedUpTo(node);
        if (compactedUpTo >= firstSlot) {
            long end = Math.min(compactedUpTo, lastSlot);
            drawCompacted(g, geometry.cellX(0), top, geometry.cellX(end - firstSlot + 1) - geometry.cellX(0), height);
        }
        long from = Math.max(firstSlot, compactedUpTo + 1);
        if (geometry.separateCells()) {
            for (long slot = from; slot <= lastSlot; slot++) {
                drawCell(g, model.state(node, slot), geometry.cellX(slot - firstSlot), top, geometry.cellWidth() - 1, height);
                if (geometry.cellWidth() >= ballotFits()) {
                    drawBallot(g, model, node, slot, top);
                }
                cellsDrawn++;
            }
        } else if (from <= lastSlot) {
            drawRuns(g, model, node, from, lastSlot, top, height);
        }
        g.setGlobalAlpha(1);
    }

    private void drawLabel(GraphicsContext g, LogViewModel model, int node, double middle) {
        LogStrip strip = getSkinnable();
        boolean selected = strip.selectedNodeProperty().get() == node;
        g.setFill(strip.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, selected ? FontWeight.BOLD : FontWeight.NORMAL, geometry.fontSize()));
        g.fillText("n" + node, 8, middle);
        if (!model.isUp(node)) {
            g.setFont(Font.font(geometry.fontSize() * 0.75));
            g.fillText("down", 8 + geometry.fontSize() * 1.6, middle);
        }
    }

    /** Narrow cells: one rectangle per run of equal states, an outline around the whole row for the empty ones. */
    private void drawRuns(GraphicsContext g, LogViewModel model, int node, long from, long lastSlot, double top, double height) {
        LogStrip strip = getSkinnable();
        double left = geometry.cellX(from - firstSlot);
        g.setStroke(strip.empty());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, geometry.cellX(lastSlot - firstSlot + 1) - left - 1, height - 1);
        long runStart = from;
        SlotState runState = model.state(node, from);
        for (long slot = from + 1; slot <= lastSlot + 1; slot++) {
            SlotState state = slot <= lastSlot ? model.state(node, slot) : null;
            if (state != runState) {
                double x = geometry.cellX(runStart - firstSlot);
                fillState(g, runState, x, top, geometry.cellX(slot - firstSlot) - x, height);
                runStart = slot;
                runState = state;
            }
        }
        cellsDrawn += (int) (lastSlot - from + 1);
    }

    private void drawCell(GraphicsContext g, SlotState state, double x, double y, double w, double h) {
        if (state == SlotState.EMPTY) {
            g.setStroke(getSkinnable().empty());
            g.setLineWidth(1);
            g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
        } else if (state == SlotState.COMPACTED) {
            drawCompacted(g, x, y, w, h);
        } else {
            fillState(g, state, x, y, w, h);
        }
    }

    private void fillState(GraphicsContext g, SlotState state, double x, double y, double w, double h) {
        Paint fill = fillOf(state);
        if (fill != null) {
            g.setFill(fill);
            g.fillRect(x, y, w, h);
        }
    }

    private Paint fillOf(SlotState state) {
        LogStrip strip = getSkinnable();
        return switch (state) {
            case EMPTY -> null;
            case ACCEPTED -> strip.accepted();
            case CHOSEN -> strip.chosen();
            case APPLIED -> strip.applied();
            case COMPACTED -> strip.compacted();
        };
    }

    /** A snapshot's slots: grey with a hatch, one rectangle however many slots it spans. */
    private void drawCompacted(GraphicsContext g, double x, double y, double w, double h) {
        LogStrip strip = getSkinnable();
        g.setFill(strip.compacted());
        g.fillRect(x, y, w, h);
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(strip.background());
        g.setGlobalAlpha(g.getGlobalAlpha() * 0.45);
        g.setLineWidth(1);
        for (double hatch = x - h; hatch < x + w; hatch += 5) {
            g.strokeLine(hatch, y + h, hatch + h, y);
        }
        g.restore();
    }

    private double ballotFits() {
        return geometry.fontSize() * 2.4;
    }

    private void drawBallot(GraphicsContext g, LogViewModel model, int node, long slot, double top) {
        if (model.state(node, slot) != SlotState.ACCEPTED) {
            return;
        }
        Ballot ballot = model.ballot(node, slot);
        g.setFill(getSkinnable().text());
        g.setFont(Font.font(geometry.cellHeight() * 0.62));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.valueOf(ballot), geometry.cellX(slot - firstSlot) + geometry.cellWidth() / 2,
                top + geometry.cellHeight() / 2, geometry.cellWidth() - 3);
    }

    private void drawLegend(GraphicsContext g, LogViewModel model, int visible) {
        LogStrip strip = getSkinnable();
        double size = geometry.cellHeight();
        double y = geometry.legendTop();
        double x = 8;
        Font font = Font.font(geometry.fontSize() * 0.9);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        measure.setFont(font);
        for (SlotState state : SlotState.values()) {
            drawCell(g, state, x, y, size, size);
            g.setFill(strip.text());
            String name = LEGEND[state.ordinal()];
            g.fillText(name, x + size + 5, y + size / 2);
            measure.setText(name);
            x += size + 5 + measure.getLayoutBounds().getWidth() + 16;
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(position(model, visible), canvas.getWidth() - 8, y + size / 2);
    }

    private String position(LogViewModel model, int visible) {
        if (model.head() < 0) {
            return "no slot used yet";
        }
        String head = String.format("head: slot %,d", model.head());
        if (model.followHeadProperty().get()) {
            return head + "  ·  following";
        }
        return String.format("slots %,d–%,d  ·  %s  ·  End: follow", firstSlot, firstSlot + visible - 1, head);
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
