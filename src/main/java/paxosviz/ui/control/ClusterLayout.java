package paxosviz.ui.control;

import java.util.List;

/**
 * Where things are on the cluster canvas: nodes evenly on a circle (node 0 at the top),
 * clients on an outer ring between them, and each direction of a link in its own lane, offset
 * to the right of its direction of travel. Also answers "what is under the mouse".
 */
final class ClusterLayout {

    /** A point on the canvas. */
    record Point(double x, double y) {
        double distance(Point other) {
            return Math.hypot(x - other.x, y - other.y);
        }
    }

    /** The link between nodes {@code a < b} and which direction's lane is nearer to a point. */
    record LinkHit(int a, int b, int from, int to) {
    }

    static final double LANE_OFFSET = 4;
    private static final double LINK_TOLERANCE = 7;

    private final int nodes;
    private final double nodeRadius;
    private final Point[] nodeCenters;
    private final Point[] clientCenters;

    ClusterLayout(int nodes, int clients, double width, double height, double scale) {
        this.nodes = nodes;
        double cx = width / 2;
        double cy = height / 2;
        // the largest ring whose clients, client boxes and node captions all stay on the canvas
        double ring = Math.max(40, Math.min(width, height) * 0.45);
        double radius = radiusFor(ring, nodes, scale);
        while (ring > 40 && !fits(ring, radius, clients > 0, width, height, scale)) {
            ring *= 0.97;
            radius = radiusFor(ring, nodes, scale);
        }
        this.nodeRadius = radius;
        this.nodeCenters = new Point[nodes];
        for (int i = 0; i < nodes; i++) {
            double angle = -Math.PI / 2 + i * 2 * Math.PI / nodes;
            nodeCenters[i] = new Point(cx + ring * Math.cos(angle), cy + ring * Math.sin(angle));
        }
        this.clientCenters = new Point[clients];
        double outer = ring + nodeRadius * CLIENT_RING;
        for (int c = 0; c < clients; c++) {
            double angle = -Math.PI / 2 + Math.PI / nodes + c * 2 * Math.PI / Math.max(clients, nodes);
            clientCenters[c] = new Point(cx + outer * Math.cos(angle), cy + outer * Math.sin(angle) * 0.92);
        }
    }

    int nodes() {
        return nodes;
    }

    /** How far outside the node ring the clients sit, in node radii. */
    private static final double CLIENT_RING = 2.6;
    /** Half a client box, and the two caption lines under a node, at text scale 1. */
    static final double CLIENT_HALF_WIDTH = 28;
    static final double CLIENT_HALF_HEIGHT = 11;
    static final double CAPTION_DEPTH = 30;
    static final double CAPTION_WIDTH = 80;
    private static final double MARGIN = 6;

    private static double radiusFor(double ring, int nodes, double scale) {
        return Math.max(14, Math.min(34 * scale, ring * (nodes > 5 ? 0.32 : 0.4)));
    }

    private static boolean fits(double ring, double radius, boolean clients, double width, double height, double scale) {
        double outer = clients ? ring + radius * CLIENT_RING : 0;
        // captions sit outside the ring, up to CAPTION_DEPTH beyond a node (sideways: half a caption's width)
        double across = Math.max(ring + radius + CAPTION_WIDTH * scale, outer + CLIENT_HALF_WIDTH * scale);
        double down = Math.max(ring + radius + CAPTION_DEPTH * scale, outer * 0.92 + CLIENT_HALF_HEIGHT * scale);
        double up = Math.max(ring + radius + CAPTION_DEPTH * scale, outer * 0.92 + CLIENT_HALF_HEIGHT * scale);
        return across + MARGIN <= width / 2 && Math.max(up, down) + MARGIN <= height / 2;
    }

    double nodeRadius() {
        return nodeRadius;
    }

    Point node(int index) {
        return nodeCenters[index];
    }

    Point client(int index) {
        return clientCenters[index];
    }

    int clients() {
        return clientCenters.length;
    }

    /** The lane from {@code from} to {@code to}: start and end, at the edges of the nodes, shifted right. */
    Point[] lane(Point from, Point to, double fromRadius, double toRadius) {
        double dx = to.x - from.x;
        double dy = to.y - from.y;
        double length = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / length;
        double uy = dy / length;
        double ox = -uy * LANE_OFFSET;
        double oy = ux * LANE_OFFSET;
        return new Point[] {
            new Point(from.x + ux * fromRadius + ox, from.y + uy * fromRadius + oy),
            new Point(to.x - ux * toRadius + ox, to.y - uy * toRadius + oy)
        };
    }

    Point[] nodeLane(int from, int to) {
        return lane(nodeCenters[from], nodeCenters[to], nodeRadius, nodeRadius);
    }

    static Point along(Point[] lane, double progress) {
        return new Point(lane[0].x + (lane[1].x - lane[0].x) * progress, lane[0].y + (lane[1].y - lane[0].y) * progress);
    }

    /** The node under {@code p}, or -1. */
    int nodeAt(Point p) {
        for (int i = 0; i < nodes; i++) {
            if (nodeCenters[i].distance(p) <= nodeRadius) {
                return i;
            }
        }
        return -1;
    }

    /** The link under {@code p} (not inside a node), or null. */
    LinkHit linkAt(Point p) {
        LinkHit best = null;
        double bestDistance = LINK_TOLERANCE;
        for (int a = 0; a < nodes; a++) {
            for (int b = a + 1; b < nodes; b++) {
                Point[] forward = nodeLane(a, b);
                Point[] backward = nodeLane(b, a);
                double toForward = distanceToSegment(p, forward[0], forward[1]);
                double toBackward = distanceToSegment(p, backward[0], backward[1]);
                double distance = Math.min(toForward, toBackward);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = toForward <= toBackward ? new LinkHit(a, b, a, b) : new LinkHit(a, b, b, a);
                }
            }
        }
        return best;
    }

    static double distanceToSegment(Point p, Point a, Point b) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
        return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
    }

    /** Index of the client named {@code name} in {@code names}, to find its place; -1 if unknown. */
    static int indexOf(List<String> names, String name) {
        return names.indexOf(name);
    }
}
