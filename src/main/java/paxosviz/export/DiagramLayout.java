package paxosviz.export;

import java.util.List;

/**
 * Where a {@link SpaceTimeDiagram} goes on a page: a column per host, time running down at a
 * scale that keeps the page under {@link #MAX_HEIGHT} pixels however long the window.
 */
final class DiagramLayout {

    static final double MAX_HEIGHT = 12_000;
    static final double COLUMN = 110;
    static final double TOP = 60;
    static final double BOTTOM = 30;
    static final double LEFT = 70;

    private final DiagramAxes axes;
    final double width;
    final double height;

    DiagramLayout(SpaceTimeDiagram diagram) {
        List<String> hosts = diagram.hosts();
        double first = Double.isNaN(diagram.first()) ? 0 : diagram.first();
        double span = Double.isNaN(diagram.last()) ? 1 : Math.max(1, diagram.last() - first);
        double pixelsPerMs = Math.min(4, (MAX_HEIGHT - TOP - BOTTOM) / span);
        this.axes = new DiagramAxes(hosts, LEFT, COLUMN, TOP, first, pixelsPerMs);
        this.width = LEFT + COLUMN * Math.max(1, hosts.size());
        this.height = TOP + BOTTOM + span * pixelsPerMs;
    }

    double x(String host) {
        return axes.across(host);
    }

    double y(double t) {
        return axes.along(t);
    }

    /** A round step of milliseconds for the time ruler: about one label every 60 pixels. */
    double tickMs() {
        return axes.tickMs(60);
    }

    List<String> hosts() {
        return axes.hosts();
    }

    /** The Okabe–Ito colour of a message kind (as the app's legend). */
    static String color(String kind) {
        switch (kind) {
            case "prepare":
                return "#E69F00";
            case "promise":
            case "nack":
                return "#C9B800";
            case "accept":
            case "forward":
                return "#0072B2";
            case "accepted":
            case "forward-ack":
                return "#56B4E9";
            case "decide":
                return "#009E73";
            case "catchup":
            case "catchup-reply":
                return "#CC79A7";
            case "snapshot":
            case "state":
                return "#D55E00";
            case "request":
            case "reply":
            case "redirect":
                return "#7F7F7F";
            default:
                return "#BBBBBB";
        }
    }
}
