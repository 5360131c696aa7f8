package paxosviz.ui.control;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import paxosviz.export.SpaceTimeDiagram;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.viewmodel.MessageKind;
import paxosviz.ui.viewmodel.SpaceTimeViewModel;

/**
 * Paints one frame of a {@link SpaceTimeChart}: the ruler, a line per host, the arrows of the
 * window (the view model keeps a bounded number), the messages on their way, the marks, and
 * the selection on top.
 */
final class SpaceTimePainter {

    private static final double FLYING_ALPHA = 0.55;
    private static final double CROSS = 4;
    /** Half the width a ruler label may take. */
    private static final double RULER_LABEL_ROOM = 30;

    private final SpaceTimeChart chart;
    private final Map<MessageKind, Color> colors = new EnumMap<>(MessageKind.class);
    private int arrowsDrawn;
    // the frame being painted
    private GraphicsContext g;
    private SpaceTimeGeometry geometry;
    private SpaceTimeViewModel model;

    SpaceTimePainter(SpaceTimeChart chart) {
        this.chart = chart;
        for (MessageKind kind : MessageKind.values()) {
            colors.put(kind, Color.web(kind.color()));
        }
    }

    int arrowsDrawn() {
        return arrowsDrawn;
    }

    void clear(GraphicsContext context, double width, double height) {
        context.setFill(chart.background());
        context.fillRect(0, 0, width, height);
        arrowsDrawn = 0;
    }

    void paint(GraphicsContext context, SpaceTimeGeometry layout, SpaceTimeViewModel viewModel) {
        g = context;
        geometry = layout;
        model = viewModel;
        clear(g, layout.width(), layout.height());
        g.setFont(Font.font(chart.fontSize()));
        drawRuler();
        drawLines();
        g.save();
        g.beginPath();
        g.rect(SpaceTimeGeometry.LABEL_WIDTH, 0, layout.right() - SpaceTimeGeometry.LABEL_WIDTH + SpaceTimeGeometry.PAD,
                layout.height());
        g.clip();
        drawArrows();
        drawMarks();
        drawPickedEvent();
        g.restore();
    }

    private void drawRuler() {
        double tick = geometry.axes().tickMs(90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        for (double t = Math.ceil(geometry.from() / tick) * tick; t <= geometry.now(); t += tick) {
            double x = Math.round(geometry.x(t)) + 0.5;
            g.setStroke(chart.grid());
            g.strokeLine(x, SpaceTimeGeometry.RULER, x, geometry.height());
            g.setFill(chart.text());
            // the last label would be cut off by the right edge: it ends there instead
            boolean last = x + RULER_LABEL_ROOM > geometry.width();
            g.setTextAlign(last ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(label(t, tick), last ? geometry.width() - 2 : x, 3);
        }
    }

    private static String label(double time, double tick) {
        double t = Math.abs(time) < tick / 1000 ? 0 : time; // not "-0 ms" where the sum of steps fell just short of zero
        return tick >= 1000 ? String.format(Locale.ROOT, "%.0f s", t / 1000)
                : tick >= 1 ? String.format(Locale.ROOT, "%.0f ms", t) : String.format(Locale.ROOT, "%.1f ms", t);
    }

    private void drawLines() {
        String highlighted = model.highlightedHost();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (String host : model.hosts()) {
            double y = Math.round(geometry.y(host)) + 0.5;
            boolean selected = host.equals(highlighted);
            g.setStroke(selected ? chart.selection() : chart.line());
            g.setLineWidth(selected ? 3 : 1.2);
            g.strokeLine(SpaceTimeGeometry.LABEL_WIDTH, y, geometry.right(), y);
            g.setFill(selected ? chart.selection() : chart.text());
            g.setFont(Font.font(null, selected ? FontWeight.BOLD : FontWeight.NORMAL, chart.fontSize() + 1));
            g.fillText(host, 6, y);
        }
        g.setFont(Font.font(chart.fontSize()));
    }

    private void drawArrows() {
        SpaceTimeDiagram diagram = model.diagram();
        SpaceTimeDiagram.Arrow highlighted = null;
        SpaceTimeGeometry.Segment highlightedSegment = null;
        g.setLineWidth(1.1);
        for (SpaceTimeDiagram.Arrow arrow : diagram.arrows()) {
            if (!geometry.visible(arrow)) {
                continue;
            }
            SpaceTimeGeometry.Segment segment = geometry.segment(arrow, Double.NaN);
            if (model.isHighlighted(arrow)) {
                highlighted = arrow;
                highlightedSegment = segment;
            }
            drawArrow(arrow, segment, 1);
        }
        for (SpaceTimeDiagram.Pending message : diagram.inFlight()) {
            SpaceTimeDiagram.Arrow arrow = message.arrow();
            if (geometry.visible(arrow)) {
                SpaceTimeGeometry.Segment segment = geometry.segment(message);
                if (model.isHighlighted(arrow)) {
                    highlighted = arrow;
                    highlightedSegment = segment;
                }
                drawArrow(arrow, segment, FLYING_ALPHA);
            }
        }
        if (highlighted != null) {
            g.setStroke(chart.selection());
            g.setLineWidth(3.5);
            g.strokeLine(highlightedSegment.x1(), highlightedSegment.y1(), highlightedSegment.x2(), highlightedSegment.y2());
            g.setLineWidth(1.1);
        }
    }

    private void drawArrow(SpaceTimeDiagram.Arrow arrow, SpaceTimeGeometry.Segment segment, double alpha) {
        arrowsDrawn++;
        Color color = colors.get(MessageKind.of(arrow.kind()));
        g.setGlobalAlpha(alpha);
        g.setStroke(color);
        if (arrow.lost()) {
            g.setLineDashes(3, 3);
        }
        g.strokeLine(segment.x1(), segment.y1(), segment.x2(), segment.y2());
        g.setLineDashes();
        g.setGlobalAlpha(1);
        if (arrow.lost()) {
            g.setStroke(chart.lost());
            g.setLineWidth(2);
            g.strokeLine(segment.x2() - CROSS, segment.y2() - CROSS, segment.x2() + CROSS, segment.y2() + CROSS);
            g.strokeLine(segment.x2() - CROSS, segment.y2() + CROSS, segment.x2() + CROSS, segment.y2() - CROSS);
            g.setLineWidth(1.1);
        } else if (!arrow.flying()) {
            g.setFill(color);
            g.fillOval(segment.x2() - 2.5, segment.y2() - 2.5, 5, 5);
        }
    }

    private void drawMarks() {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        for (SpaceTimeDiagram.Mark mark : model.diagram().marks()) {
            double x = geometry.x(mark.t());
            double y = geometry.y(mark.host());
            g.setFill(mark.fault() ? chart.fault() : chart.leader());
            if (mark.fault()) {
                g.fillRect(x - 5, y - 5, 10, 10);
            } else {
                g.fillOval(x - 5, y - 5, 10, 10);
            }
            g.setFill(chart.text());
            g.fillText(mark.label(), x + 6, y - 5);
        }
    }

    /** The event picked in the log, when it is not a message's: a ring where and when it happened. */
    private void drawPickedEvent() {
        TraceEvent event = model.pickedEvent();
        if (event == null || event.t() < geometry.from()) {
            return;
        }
        String host = paxosviz.export.Hosts.of(event.body());
        if (!model.hosts().contains(host)) {
            return;
        }
        g.setStroke(chart.selection());
        g.setLineWidth(2.5);
        g.strokeOval(geometry.x(event.t()) - 8, geometry.y(host) - 8, 16, 16);
        g.setLineWidth(1.1);
    }
}
