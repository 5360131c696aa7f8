package paxosviz.ui.control;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * The skin of a {@link Timeline}: two canvases that {@link TimelinePainter} paints, the base
 * (track, ruler, markers) under the overlay (selection, hovered marker, playhead). A change
 * only marks a layer stale; the layers are repainted once in the next pulse, after layout, so
 * adding markers one by one or moving the playhead many times in a frame costs one frame.
 * Turns presses and drags into scrubbing, selecting and panning, the wheel into zooming, and
 * hovering into a tooltip (see {@link Timeline} for the gestures).
 */
final class TimelineSkin extends SkinBase<Timeline> {

    /** Farther than this (pixels) from the press, a shift-press is a drag, not a click. */
    private static final double DRAG_FROM = 3;
    private static final double WHEEL_NOTCH = 40;
    /** A notch of a sideways wheel pans this share of the window. */
    private static final double WHEEL_PAN_SHARE = 0.1;
    private static final Duration HELP_AFTER = Duration.millis(700);

    private enum Gesture { NONE, SCRUB, SELECT, PAN }

    /** The marker under the mouse and how many others lie within reach of it. */
    record Hit(TimelineMarker marker, int others) {}

    private final Canvas base = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private final PauseTransition helpTimer = new PauseTransition(HELP_AFTER);
    private final TimelineBuckets buckets = new TimelineBuckets();
    private final TimelinePainter painter;
    private final InvalidationListener baseStale = obs -> invalidate(true);
    private final InvalidationListener overlayStale = obs -> invalidate(false);
    private final ListChangeListener<TimelineMarker> markersChanged = change -> invalidate(true);
    private final Runnable onPulse = this::flush;
    private final EventHandler<KeyEvent> onKey = this::onKey;
    private final ChangeListener<Scene> sceneChanged = (obs, old, scene) -> listenToPulses(old, scene);
    private boolean baseDirty = true;
    private boolean overlayDirty = true;
    private TimelineGeometry geometry;
    private long baseNanos;
    private int baseFrames;
    // the gesture under way
    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressTime;
    private double pressVisibleStart;
    private double pressVisibleEnd;
    private boolean moved;
    // hovering
    private Hit hovered;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;

    TimelineSkin(Timeline control) {
        super(control);
        painter = new TimelinePainter(control, buckets);
        base.setMouseTransparent(true);
        getChildren().addAll(base, overlay);
        for (Observable look : control.appearance()) {
            look.addListener(baseStale);
        }
        for (Observable window : new Observable[] {control.startMillisProperty(), control.endMillisProperty(),
                control.visibleStartProperty(), control.visibleEndProperty()}) {
            window.addListener(baseStale);
        }
        control.getMarkers().addListener(markersChanged);
        control.positionProperty().addListener(overlayStale);
        control.selectionProperty().addListener(overlayStale);
        control.focusedProperty().addListener(overlayStale);
        control.sceneProperty().addListener(sceneChanged);
        listenToPulses(null, control.getScene());

        helpTimer.setOnFinished(event -> showHelp());
        overlay.setOnMousePressed(this::onPressed);
        overlay.setOnMouseDragged(this::onDragged);
        overlay.setOnMouseReleased(this::onReleased);
        overlay.setOnMouseMoved(this::onMoved);
        overlay.setOnMouseExited(event -> onExited());
        overlay.setOnScroll(this::onScroll);
        control.addEventHandler(KeyEvent.KEY_PRESSED, onKey);
    }

    @Override
    public void dispose() {
        Timeline control = getSkinnable();
        for (Observable look : control.appearance()) {
            look.removeListener(baseStale);
        }
        for (Observable window : new Observable[] {control.startMillisProperty(), control.endMillisProperty(),
                control.visibleStartProperty(), control.visibleEndProperty()}) {
            window.removeListener(baseStale);
        }
        control.getMarkers().removeListener(markersChanged);
        control.positionProperty().removeListener(overlayStale);
        control.selectionProperty().removeListener(overlayStale);
        control.focusedProperty().removeListener(overlayStale);
        control.sceneProperty().removeListener(sceneChanged);
        listenToPulses(control.getScene(), null);
        control.removeEventHandler(KeyEvent.KEY_PRESSED, onKey);
        helpTimer.stop();
        tooltip.hide();
        super.dispose();
    }

    private void listenToPulses(Scene old, Scene scene) {
        if (old != null) {
            old.removePostLayoutPulseListener(onPulse);
            hideTooltip(); // a popup must not outlive the scene it explains
        }
        if (scene != null) {
            scene.addPostLayoutPulseListener(onPulse);
            invalidate(true);
        }
    }

    // ---------------------------------------------------------------- what tests read

    TimelineGeometry geometry() {
        return geometry;
    }

    /** How many (lane, pixel column) cells with markers the last base frame drew. */
    int markerColumnsDrawn() {
        return painter.columnsDrawn();
    }

    /** How many marker rectangles the last base frame filled. */
    int markerRectanglesDrawn() {
        return painter.rectanglesDrawn();
    }

    /** How many markers lay in the window the last base frame drew. */
    int markersInWindow() {
        return buckets.bucketed();
    }

    int rulerTicksDrawn() {
        return painter.ticksDrawn();
    }

    /** Where the last frame drew the playhead, in the control's coordinates; NaN when outside the window. */
    double playheadX() {
        return painter.playheadX() + overlay.getLayoutX();
    }

    /** How many times the base layer has been painted. */
    int baseFrames() {
        return baseFrames;
    }

    /** How long the last base frame took to issue, bucketing included, in nanoseconds. */
    long lastBaseNanos() {
        return baseNanos;
    }

    /** The tooltip's text while it shows, else null. */
    String tooltipText() {
        return tooltip.isShowing() ? tooltip.getText() : null;
    }

    /** The layer that takes the mouse. */
    Canvas mouseLayer() {
        return overlay;
    }

    /** A point of the drawing (as the geometry places it) on the screen. */
    Point2D toScreen(double x, double y) {
        return overlay.localToScreen(x, y);
    }

    // ---------------------------------------------------------------- layout

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (base.getWidth() != w || base.getHeight() != h) {
            for (Canvas canvas : new Canvas[] {base, overlay}) {
                canvas.setWidth(w);
                canvas.setHeight(h);
            }
            baseDirty = true;
            overlayDirty = true;
        }
        base.relocate(x, y);
        overlay.relocate(x, y);
        flush(); // layout runs before the pulse listeners; drawing now spares a frame with a stale picture
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + geometryFor(width - left - right).height() + bottom;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    /** The timeline keeps its height: spare room goes to the views above it. */
    @Override
    protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + 800 + right;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + 120 + right;
    }

    private TimelineGeometry geometryFor(double width) {
        Timeline timeline = getSkinnable();
        return new TimelineGeometry(width, timeline.fontSize(), timeline.getStartMillis(), timeline.getEndMillis(),
                timeline.getVisibleStart(), timeline.getVisibleEnd());
    }

    // ---------------------------------------------------------------- drawing

    /** Marks a layer stale (the base implies the overlay) and makes sure a pulse comes to repaint it. */
    private void invalidate(boolean wholePicture) {
        baseDirty |= wholePicture;
        overlayDirty = true;
        if (getSkinnable().getScene() != null) {
            Platform.requestNextPulse();
        }
    }

    /** Repaints the stale layers, if any. */
    void flush() {
        if (!baseDirty && !overlayDirty) {
            return;
        }
        double width = base.getWidth();
        double height = base.getHeight();
        if (width <= 0 || height <= 0) {
            return;
        }
        geometry = geometryFor(width);
        if (baseDirty) {
            long started = System.nanoTime();
            painter.paintBase(base.getGraphicsContext2D(), width, height, geometry, getSkinnable().sortedMarkers());
            baseNanos = System.nanoTime() - started;
            baseFrames++;
            baseDirty = false;
            refreshHover();
        }
        painter.paintOverlay(overlay.getGraphicsContext2D(), width, height, geometry,
                hovered == null ? null : hovered.marker(), getSkinnable().isFocused());
        overlayDirty = false;
    }

    /** Repaints both layers now. */
    void drawNow() {
        baseDirty = true;
        overlayDirty = true;
        flush();
    }

    /** Repaints the overlay now, as a moved playhead does. */
    void drawOverlayNow() {
        overlayDirty = true;
        flush();
    }

    // ---------------------------------------------------------------- mouse

    private void onPressed(MouseEvent event) {
        Timeline timeline = getSkinnable();
        timeline.requestFocus();
        hideTooltip();
        if (geometry == null) {
            return;
        }
        pressX = event.getX();
        moved = false;
        MouseButton button = event.getButton();
        if (button == MouseButton.MIDDLE || button == MouseButton.PRIMARY && event.isControlDown()) {
            gesture = Gesture.PAN;
            pressVisibleStart = timeline.getVisibleStart();
            pressVisibleEnd = timeline.getVisibleEnd();
            overlay.setCursor(Cursor.CLOSED_HAND);
        } else if (button == MouseButton.PRIMARY && event.isShiftDown()) {
            gesture = Gesture.SELECT;
            pressTime = geometry.timeAt(event.getX());
        } else if (button == MouseButton.PRIMARY) {
            gesture = Gesture.SCRUB;
            if (event.getClickCount() == 2) {
                timeline.clearSelection();
            }
            timeline.setPosition(geometry.timeAt(event.getX()));
            overlay.setCursor(Cursor.H_RESIZE);
        } else {
            gesture = Gesture.NONE;
            return; // a right-click is the owner's (a context menu, say)
        }
        event.consume();
    }

    private void onDragged(MouseEvent event) {
        if (geometry == null) {
            return;
        }
        Timeline timeline = getSkinnable();
        double x = event.getX();
        moved |= Math.abs(x - pressX) > DRAG_FROM;
        switch (gesture) {
            case SCRUB -> timeline.setPosition(geometry.timeAt(x));
            case SELECT -> {
                if (moved) {
                    timeline.setSelection(new TimeRange(pressTime, geometry.timeAt(x)));
                }
            }
            case PAN -> {
                double shift = -(x - pressX) / geometry.trackWidth() * (pressVisibleEnd - pressVisibleStart);
                timeline.setVisibleRange(pressVisibleStart + shift, pressVisibleEnd + shift);
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void onReleased(MouseEvent event) {
        Timeline timeline = getSkinnable();
        if (gesture == Gesture.SELECT && geometry != null) {
            double t = geometry.timeAt(event.getX());
            if (moved) {
                timeline.setSelection(new TimeRange(pressTime, t));
            } else if (t != timeline.getPosition()) {
                timeline.setSelection(new TimeRange(timeline.getPosition(), t)); // shift+click: from the playhead to here
            }
        }
        gesture = Gesture.NONE;
        overlay.setCursor(Cursor.DEFAULT);
    }

    private void onScroll(ScrollEvent event) {
        if (geometry == null) {
            return;
        }
        Timeline timeline = getSkinnable();
        double dx = event.getDeltaX();
        double dy = event.getDeltaY();
        if (Math.abs(dx) > Math.abs(dy) || event.isShiftDown()) {
            double notches = (Math.abs(dx) > Math.abs(dy) ? dx : dy) / WHEEL_NOTCH;
            timeline.panBy(-notches * WHEEL_PAN_SHARE * (timeline.getVisibleEnd() - timeline.getVisibleStart()));
        } else if (dy != 0) {
            timeline.zoomBy(Math.pow(Timeline.WHEEL_ZOOM, dy / WHEEL_NOTCH), geometry.timeAt(event.getX()));
        }
        event.consume();
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE && getSkinnable().getSelection() != null) {
            getSkinnable().clearSelection();
            event.consume();
        }
    }

    // ---------------------------------------------------------------- hovering

    private void onMoved(MouseEvent event) {
        mouseX = event.getX();
        mouseY = event.getY();
        Hit hit = hitTest(mouseX, mouseY);
        if (hit != null) {
            helpTimer.stop();
            if (hovered == null || !hit.marker().equals(hovered.marker()) || !tooltip.isShowing()) {
                showTooltip(describe(hit));
            }
        } else {
            if (tooltip.isShowing()) {
                tooltip.hide();
            }
            helpTimer.playFromStart();
        }
        setHovered(hit);
    }

    private void onExited() {
        mouseX = Double.NaN;
        mouseY = Double.NaN;
        hideTooltip();
    }

    private void hideTooltip() {
        helpTimer.stop();
        tooltip.hide();
        setHovered(null);
    }

    private void setHovered(Hit hit) {
        boolean changed = hit == null ? hovered != null : hovered == null || !hit.marker().equals(hovered.marker());
        hovered = hit;
        if (changed) {
            invalidate(false);
        }
    }

    /** The markers moved under a still mouse: the tooltip tells what is there now. */
    private void refreshHover() {
        if (hovered == null || Double.isNaN(mouseX)) {
            return;
        }
        Hit hit = hitTest(mouseX, mouseY);
        hovered = hit;
        if (hit == null) {
            tooltip.hide();
        } else {
            tooltip.setText(describe(hit));
        }
    }

    private void showHelp() {
        if (geometry == null || hovered != null || Double.isNaN(mouseX) || gesture != Gesture.NONE) {
            return;
        }
        showTooltip(getSkinnable().formatTime(geometry.timeAt(mouseX)) + "\n" + Timeline.HELP);
    }

    private void showTooltip(String text) {
        tooltip.setText(text);
        Point2D screen = overlay.localToScreen(mouseX + 14, mouseY + 16);
        if (screen != null) {
            tooltip.show(overlay, screen.getX(), screen.getY());
        }
    }

    private String describe(Hit hit) {
        TimelineMarker marker = hit.marker();
        StringBuilder text = new StringBuilder(marker.label());
        text.append('\n').append(getSkinnable().formatTime(marker.t())).append(" · #").append(marker.seq());
        if (hit.others() > 0) {
            text.append("\n+").append(hit.others()).append(hit.others() == 1 ? " other" : " others")
                    .append(" within a few pixels: zoom in to tell them apart");
        }
        return text.toString();
    }

    /**
     * The marker nearest to x within a few pixels, in the lane under y; a violation, reaching
     * across every lane, wins over the others.
     */
    Hit hitTest(double x, double y) {
        TimelineMarkers markers = getSkinnable().sortedMarkers();
        if (geometry == null || markers.isEmpty()) {
            return null;
        }
        TimelineLane lane = geometry.laneAt(y);
        boolean violations = geometry.inViolationReach(y);
        if (lane == null && !violations) {
            return null;
        }
        double radius = geometry.hitRadius();
        int from = markers.firstAtOrAfter(Math.max(geometry.visibleStart(), geometry.timeAtUnclamped(x - radius)));
        int to = markers.firstAfter(Math.min(geometry.visibleEnd(), geometry.timeAtUnclamped(x + radius)));
        int violation = TimelineLane.VIOLATIONS.ordinal();
        int best = -1;
        boolean bestIsViolation = false;
        double bestDistance = Double.MAX_VALUE;
        int candidates = 0;
        for (int i = from; i < to; i++) {
            int of = markers.laneOrdinal(i);
            boolean isViolation = of == violation;
            if (!(isViolation && violations) && (lane == null || of != lane.ordinal())) {
                continue;
            }
            candidates++;
            double distance = Math.abs(geometry.xOf(markers.time(i)) - x);
            if (best < 0 || isViolation && !bestIsViolation || isViolation == bestIsViolation && distance < bestDistance) {
                best = i;
                bestIsViolation = isViolation;
                bestDistance = distance;
            }
        }
        return best < 0 ? null : new Hit(markers.get(best), candidates - 1);
    }
}
