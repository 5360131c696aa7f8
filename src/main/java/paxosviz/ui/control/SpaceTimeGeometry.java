package paxosviz.ui.control;

import java.util.List;

import paxosviz.export.DiagramAxes;
import paxosviz.export.SpaceTimeDiagram;

/**
 * Where the space-time view draws: one row per host, time running right and ending at the
 * window's end on the right edge. Goes from arrows to line segments and back from a point to
 * the arrow or host under it. Pure arithmetic, so it is tested without a window.
 */
final class SpaceTimeGeometry {

    static final double LABEL_WIDTH = 52;
    static final double RULER = 20;
    static final double PAD = 10;
    /** How far from an arrow a click still picks it. */
    static final double TOLERANCE = 5;
    /** A lost message's cross sits this share of a row toward its receiver: never on another host's line. */
    static final double LOST_SHARE = 0.4;
    /** A message on its way is drawn at most this far to its receiver, so it never looks arrived. */
    static final double MAX_FLIGHT_SHARE = 0.95;

    /** A straight line from (x1, y1) to (x2, y2). */
    record Segment(double x1, double y1, double x2, double y2) {

        double distanceTo(double x, double y) {
            double dx = x2 - x1;
            double dy = y2 - y1;
            double length2 = dx * dx + dy * dy;
            double share = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length2));
            return Math.hypot(x - (x1 + share * dx), y - (y1 + share * dy));
        }
    }

    private final DiagramAxes axes;
    private final double width;
    private final double height;
    private final double from;
    private final double now;

    /** The window from {@code from} to {@code now} milliseconds on a canvas of this size. */
    SpaceTimeGeometry(List<String> hosts, double width, double height, double from, double now) {
        this.width = width;
        this.height = height;
        this.from = from;
        this.now = now;
        double lane = Math.max(1, height - RULER - PAD) / Math.max(1, hosts.size());
        double pixelsPerMs = Math.max(1, width - LABEL_WIDTH - PAD) / Math.max(1e-6, now - from);
        this.axes = new DiagramAxes(hosts, RULER, lane, LABEL_WIDTH, from, pixelsPerMs);
    }

    DiagramAxes axes() {
        return axes;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    double from() {
        return from;
    }

    double now() {
        return now;
    }

    double x(double t) {
        return axes.along(t);
    }

    double y(String host) {
        return axes.across(host);
    }

    /** The rightmost x of the time axis: the window's end. */
    double right() {
        return x(now);
    }

    /** Whether any of the arrow lies inside the window. */
    boolean visible(SpaceTimeDiagram.Arrow arrow) {
        double end = arrow.flying() ? now : arrow.ended();
        return end >= from && arrow.sent() <= now;
    }

    /**
     * The arrow as drawn: to its receiver's line where it arrived; a little toward it where it
     * was lost (a cross goes there); still on its way, as far as it got by now toward where it
     * is due ({@code due} NaN: not said, or infinite: held; then it is drawn nearly there).
     */
    Segment segment(SpaceTimeDiagram.Arrow arrow, double due) {
        double x1 = x(arrow.sent());
        double y1 = y(arrow.from());
        double y2 = y(arrow.to());
        if (arrow.lost()) {
            return new Segment(x1, y1, x(arrow.ended()), y1 + Math.signum(y2 - y1) * LOST_SHARE * axes.lane());
        }
        if (!arrow.flying()) {
            return new Segment(x1, y1, x(arrow.ended()), y2);
        }
        double arrives = !Double.isFinite(due) || due <= arrow.sent() ? now : due;
        double share = Math.min(MAX_FLIGHT_SHARE, (now - arrow.sent()) / Math.max(1e-6, arrives - arrow.sent()));
        double x2 = x(arrow.sent() + share * (arrives - arrow.sent()));
        return new Segment(x1, y1, x2, y1 + share * (y2 - y1));
    }

    Segment segment(SpaceTimeDiagram.Pending message) {
        return segment(message.arrow(), message.due());
    }

    /**
     * The arrow nearest the point, within {@link #TOLERANCE}: a message on its way first, as it
     * is the one the user can act on (a reply often leaves right where a request arrived), else
     * one that ended; the latest wins a tie. Null if none is that close, and over the hosts'
     * names, where arrows from before the window are cut off and a click picks the host.
     */
    SpaceTimeDiagram.Arrow arrowAt(double x, double y, Iterable<SpaceTimeDiagram.Arrow> ended,
            Iterable<SpaceTimeDiagram.Pending> flying) {
        if (x < LABEL_WIDTH) {
            return null;
        }
        SpaceTimeDiagram.Arrow nearest = null;
        double best = TOLERANCE;
        for (SpaceTimeDiagram.Pending message : flying) {
            double distance = visible(message.arrow()) ? segment(message).distanceTo(x, y) : Double.MAX_VALUE;
            if (distance <= best) {
                best = distance;
                nearest = message.arrow();
            }
        }
        if (nearest != null) {
            return nearest;
        }
        for (SpaceTimeDiagram.Arrow arrow : ended) {
            double distance = visible(arrow) ? segment(arrow, Double.NaN).distanceTo(x, y) : Double.MAX_VALUE;
            if (distance <= best) {
                best = distance;
                nearest = arrow;
            }
        }
        return nearest;
    }

    /** The host whose row holds this height, or null (the ruler, or below the last row). */
    String hostAt(double y) {
        return axes.hostAt(y);
    }
}
