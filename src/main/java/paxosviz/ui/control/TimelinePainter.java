package paxosviz.ui.control;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link Timeline} in two layers. The base layer — track, ruler and markers — changes
 * only with the markers, the window, the size or the theme; it draws the {@link TimelineBuckets},
 * one rectangle per run of equally coloured occupied pixel columns, so 50,000 markers cost no
 * more than a few hundred rectangles. The overlay — selection, hovered marker, playhead — is
 * cleared and redrawn on its own, so moving the playhead costs a handful of strokes.
 */
final class TimelinePainter {

    private static final double GRID_ALPHA = 0.28;
    private static final double SELECTION_ALPHA = 0.24;

    private final Timeline timeline;
    private final TimelineBuckets buckets;
    // what the last frames drew, for tests
    private int columnsDrawn;
    private int rectanglesDrawn;
    private int ticksDrawn;
    private double playheadX = Double.NaN;
    // the frame being painted
    private GraphicsContext g;
    private TimelineGeometry geometry;

    TimelinePainter(Timeline timeline, TimelineBuckets buckets) {
        this.timeline = timeline;
        this.buckets = buckets;
    }

    /** How many (lane, pixel column) cells holding markers the last base frame drew. */
    int columnsDrawn() {
        return columnsDrawn;
    }

    /** How many marker rectangles the last base frame filled. */
    int rectanglesDrawn() {
        return rectanglesDrawn;
    }

    /** How many labelled ruler ticks the last base frame drew. */
    int ticksDrawn() {
        return ticksDrawn;
    }

    /** Where the last overlay drew the playhead; NaN when it was outside the window. */
    double playheadX() {
        return playheadX;
    }

    // ---------------------------------------------------------------- base layer

    void paintBase(GraphicsContext context, double width, double height, TimelineGeometry layout, TimelineMarkers markers) {
        g = context;
        geometry = layout;
        columnsDrawn = 0;
        rectanglesDrawn = 0;
        ticksDrawn = 0;
        g.setGlobalAlpha(1);
        g.setFill(timeline.background());
        g.fillRect(0, 0, width, height);
        g.setFill(timeline.track());
        g.fillRect(geometry.trackLeft(), geometry.trackTop(), geometry.trackWidth(), geometry.trackBottom() - geometry.trackTop());
        drawRuler();
        buckets.fill(markers, geometry);
        drawTicks(TimelineLane.FAULTS);
        drawTicks(TimelineLane.LEADERS);
        drawTicks(TimelineLane.INSTALLS);
        drawDensity(TimelineLane.ANSWERS);
        drawViolations();
    }

    private void drawRuler() {
        double ruler = geometry.rulerHeight();
        double top = geometry.trackTop();
        double bottom = geometry.trackBottom();
        double start = geometry.visibleStart();
        double end = geometry.visibleEnd();
        g.setLineWidth(1);
        g.setStroke(timeline.grid());
        g.strokeLine(geometry.trackLeft(), ruler - 0.5, geometry.trackRight(), ruler - 0.5);
        long minor = geometry.minorStep();
        if (minor > 0) {
            for (long k = TimelineGeometry.firstTickIndex(start, minor); k * (double) minor <= end; k++) {
                double x = snap(geometry.xOf(k * (double) minor));
                g.strokeLine(x, ruler - 4, x, ruler);
            }
        }
        long step = geometry.tickStep();
        g.setFont(Font.font(geometry.fontSize()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        for (long k = TimelineGeometry.firstTickIndex(start, step); k * (double) step <= end; k++) {
            double t = k * (double) step;
            double x = snap(geometry.xOf(t));
            g.setStroke(timeline.grid());
            g.strokeLine(x, 3, x, ruler);
            g.setGlobalAlpha(GRID_ALPHA);
            g.strokeLine(x, top, x, bottom);
            g.setGlobalAlpha(1);
            String label = geometry.label(t);
            if (x + 3 + geometry.labelWidth(label) <= geometry.width()) {
                g.setFill(timeline.text());
                g.fillText(label, x + 3, ruler - 3);
            }
            ticksDrawn++;
        }
    }

    /** A lane of ticks: a run of adjacent columns of one colour is one rectangle. */
    private void drawTicks(TimelineLane lane) {
        double top = geometry.laneTop(lane);
        double height = geometry.laneHeight(lane);
        double left = geometry.trackLeft();
        double tick = tickWidth();
        int columns = buckets.columns();
        int column = 0;
        while (column < columns) {
            Color color = buckets.color(lane, column);
            if (color == null) {
                column++;
                continue;
            }
            int end = column + 1;
            while (end < columns && same(color, buckets.color(lane, end))) {
                end++;
            }
            g.setFill(color);
            g.fillRect(left + column - Math.floor(tick / 2), top, end - column - 1 + tick, height);
            rectanglesDrawn++;
            columnsDrawn += end - column;
            column = end;
        }
    }

    /** The answers: a strip whose opacity grows with the logarithm of the answers per column. */
    private void drawDensity(TimelineLane lane) {
        double top = geometry.laneTop(lane);
        double height = geometry.laneHeight(lane);
        double left = geometry.trackLeft();
        int max = buckets.maxCount(lane);
        int columns = buckets.columns();
        int column = 0;
        while (column < columns) {
            Color color = buckets.color(lane, column);
            if (color == null) {
                column++;
                continue;
            }
            int level = TimelineBuckets.densityLevel(buckets.count(lane, column), max);
            int end = column + 1;
            while (end < columns && same(color, buckets.color(lane, end))
                    && TimelineBuckets.densityLevel(buckets.count(lane, end), max) == level) {
                end++;
            }
            g.setGlobalAlpha(0.25 + 0.75 * level / TimelineBuckets.DENSITY_LEVELS);
            g.setFill(color);
            g.fillRect(left + column, top, end - column, height);
            rectanglesDrawn++;
            columnsDrawn += end - column;
            column = end;
        }
        g.setGlobalAlpha(1);
    }

    /** Violations last, tall, each with a flag reaching up into the ruler: nothing hides them. */
    private void drawViolations() {
        TimelineLane lane = TimelineLane.VIOLATIONS;
        double top = geometry.violationTop();
        double bottom = geometry.trackBottom();
        double left = geometry.trackLeft();
        double width = Math.max(3, Math.round(geometry.fontSize() / 4));
        double flag = Math.round(geometry.fontSize() * 0.45);
        for (int column = 0; column < buckets.columns(); column++) {
            Color color = buckets.color(lane, column);
            if (color == null) {
                continue;
            }
            double x = left + column;
            g.setFill(color);
            g.fillRect(x - Math.floor(width / 2), top, width, bottom - top);
            g.fillPolygon(new double[] {x - flag, x + flag, x}, new double[] {top - flag, top - flag, top + flag / 2}, 3);
            rectanglesDrawn++;
            columnsDrawn++;
        }
    }

    private double tickWidth() {
        return Math.max(2, Math.round(geometry.fontSize() / 5));
    }

    private static boolean same(Color a, Color b) {
        return a == b || a != null && a.equals(b);
    }

    /** The middle of a pixel, so a one-pixel line is crisp. */
    private static double snap(double x) {
        return Math.round(x) + 0.5;
    }

    // ---------------------------------------------------------------- overlay

    void paintOverlay(GraphicsContext context, double width, double height, TimelineGeometry layout,
                      TimelineMarker hovered, boolean focused) {
        g = context;
        geometry = layout;
        g.clearRect(0, 0, width, height);
        g.setGlobalAlpha(1);
        drawSelection(timeline.getSelection());
        if (hovered != null) {
            drawHovered(hovered);
        }
        drawPlayhead(timeline.getPosition());
        if (focused) {
            g.setStroke(timeline.playhead());
            g.setGlobalAlpha(0.55);
            g.setLineWidth(1);
            g.strokeRect(0.5, 0.5, width - 1, geometry.height() - 1);
            g.setGlobalAlpha(1);
        }
    }

    private void drawSelection(TimeRange range) {
        if (range == null || range.until() < geometry.visibleStart() || range.from() > geometry.visibleEnd()) {
            return;
        }
        double from = geometry.xOf(Math.max(range.from(), geometry.visibleStart()));
        double until = geometry.xOf(Math.min(range.until(), geometry.visibleEnd()));
        double bottom = geometry.trackBottom();
        Paint paint = timeline.selectionColor();
        g.setFill(paint);
        g.setGlobalAlpha(SELECTION_ALPHA);
        g.fillRect(from, 0, Math.max(1, until - from), bottom);
        g.setGlobalAlpha(1);
        g.setStroke(paint);
        g.setLineWidth(Math.max(1.5, geometry.fontSize() / 8));
        if (range.from() >= geometry.visibleStart()) {
            g.strokeLine(from, 0, from, bottom);
        }
        if (range.until() <= geometry.visibleEnd()) {
            g.strokeLine(until, 0, until, bottom);
        }
    }

    private void drawHovered(TimelineMarker marker) {
        TimelineLane lane = marker.lane();
        double x = Math.floor(geometry.xOf(marker.t()));
        double top = lane == TimelineLane.VIOLATIONS ? geometry.violationTop() : geometry.laneTop(lane);
        double height = geometry.laneHeight(lane);
        double half = Math.max(3, tickWidth());
        g.setStroke(timeline.text());
        g.setLineWidth(1.5);
        g.strokeRect(x - half + 0.5, top - 1.5, 2 * half, height + 3);
    }

    /** A strong line through ruler and track, with a handle on the ruler; an arrow at the edge when outside the window. */
    private void drawPlayhead(double position) {
        double ruler = geometry.rulerHeight();
        double bottom = geometry.trackBottom();
        double half = geometry.handleHalfWidth();
        g.setFill(timeline.playhead());
        g.setStroke(timeline.playhead());
        if (position < geometry.visibleStart() || position > geometry.visibleEnd()) {
            playheadX = Double.NaN;
            double edge = position < geometry.visibleStart() ? geometry.trackLeft() : geometry.trackRight();
            double direction = position < geometry.visibleStart() ? -1 : 1;
            double middle = ruler / 2;
            g.fillPolygon(new double[] {edge, edge, edge + direction * half},
                    new double[] {middle - half, middle + half, middle}, 3);
            return;
        }
        double x = Math.round(geometry.xOf(position));
        playheadX = x;
        double line = Math.max(2, Math.round(geometry.fontSize() / 6));
        g.fillRect(x - line / 2, 0, line, bottom);
        double shoulder = Math.round(ruler * 0.5);
        g.fillPolygon(new double[] {x - half, x + half, x + half, x, x - half},
                new double[] {0, 0, shoulder, shoulder + half, shoulder}, 5);
    }
}
