package paxosviz.ui.control;

import java.util.List;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Role;
import paxosviz.scenario.Highlight;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.MessageDot;
import paxosviz.ui.viewmodel.MessageRef;
import paxosviz.ui.viewmodel.MessageText;
import paxosviz.ui.viewmodel.NodeModel;

/** Draws a {@link ClusterCanvas} on one canvas each frame and turns clicks into actions. */
final class ClusterCanvasSkin extends CanvasSkin<ClusterCanvas> {

    private static final double DOT_RADIUS = 5;
    /** Show a "behind" badge only for a real lag, not for the slot or two a follower trails by. */
    private static final long BEHIND_BADGE_FROM = 3;
    /** The canvas size (its shorter side) that fits the picture at text scale 1. */
    private static final double ROOM_PER_SCALE = 300;
    private static final double HOVER_REACH = DOT_RADIUS * 2.2;
    private static final double CLICK_REACH = DOT_RADIUS * 1.4;

    private final Tooltip tooltip = new Tooltip();
    private final ContextMenu nodeMenu = new ContextMenu();
    private final ChangeListener<Number> redraw = (obs, old, value) -> draw();
    private ClusterLayout layout;
    private java.util.Map<String, ClusterLayout.Point> sidePlaces = java.util.Map.of();
    private MessageRef hoveredMessage;
    private final int[] drawn = new int[3];
    private final java.util.List<javafx.geometry.Bounds> captions = new java.util.ArrayList<>();
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private double scale = 1;

    ClusterCanvasSkin(ClusterCanvas control) {
        super(control, 640, 480, 120, 120);
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setShowDuration(Duration.INDEFINITE);
        control.viewModelProperty().addListener((obs, old, model) -> {
            if (old != null) {
                old.frameProperty().removeListener(redraw);
            }
            if (model != null) {
                model.frameProperty().addListener(redraw);
            }
            draw();
        });
        if (control.getViewModel() != null) {
            control.getViewModel().frameProperty().addListener(redraw);
        }
        canvas.setOnMouseMoved(this::onMoved);
        canvas.setOnMouseClicked(this::onClicked);
        canvas.setOnMouseExited(event -> tooltip.hide());
    }

    // ---------------------------------------------------------------- drawing

    @Override
    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        ClusterViewModel model = getSkinnable().getViewModel();
        if (model == null || canvas.getWidth() <= 0) {
            return;
        }
        List<String> clients = model.clients();
        // the theme's text scale, as far as the canvas has room for it: a small window keeps the picture readable
        scale = Math.min(getSkinnable().textScale(), Math.max(0.75, Math.min(canvas.getWidth(), canvas.getHeight()) / ROOM_PER_SCALE));
        layout = new ClusterLayout(model.size(), clients.size(), canvas.getWidth(), canvas.getHeight(), scale);
        sidePlaces = clientSides(model, clients);
        drawPartition(g, model, clients);
        drawSpotlight(g, model.highlight());
        drawLinks(g, model);
        drawClients(g, clients);
        drawMessages(g, model, clients);
        captions.clear();
        for (NodeModel node : model.nodes()) {
            drawNode(g, model, node);
        }
        drawUnsafe(g, model.unsafe());
        drawn[0] = model.size();
        drawn[1] = model.size() * (model.size() - 1) / 2;
        drawn[2] = model.messages().size();
    }

    /** An unsafe run says so on the picture itself, so a screenshot of it does too. */
    private void drawUnsafe(GraphicsContext g, String why) {
        if (why.isEmpty()) {
            return;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font(null, FontWeight.BOLD, 12 * scale));
        g.setFill(getSkinnable().linkDown());
        g.fillText("⚠ UNSAFE: " + why, 8, 6, canvas.getWidth() - 16);
    }

    int[] drawn() {
        return drawn.clone();
    }

    javafx.geometry.Point2D nodeCenter(int index) {
        if (layout == null) {
            return null;
        }
        ClusterLayout.Point p = layout.node(index);
        return new javafx.geometry.Point2D(p.x(), p.y());
    }

    /** The middle of the lane from a to b: a click there toggles the link. */
    javafx.geometry.Point2D linkPoint(int a, int b) {
        if (layout == null) {
            return null;
        }
        ClusterLayout.Point p = ClusterLayout.along(layout.nodeLane(a, b), 0.5);
        return new javafx.geometry.Point2D(p.x(), p.y());
    }

    /** Under everything else: a broad glow on the nodes and links a caption talks about. */
    private void drawSpotlight(GraphicsContext g, Highlight highlight) {
        if (highlight.nodes().isEmpty() && highlight.links().isEmpty()) {
            return;
        }
        g.setGlobalAlpha(0.75);
        g.setStroke(getSkinnable().spotlight());
        g.setFill(getSkinnable().spotlight());
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(14);
        for (Highlight.Link link : highlight.links()) {
            if (link.a() < layout.nodes() && link.b() < layout.nodes()) {
                ClusterLayout.Point a = layout.node(link.a());
                ClusterLayout.Point b = layout.node(link.b());
                g.strokeLine(a.x(), a.y(), b.x(), b.y());
            }
        }
        double r = layout.nodeRadius() + 14;
        for (int node : highlight.nodes()) {
            if (node < layout.nodes()) {
                ClusterLayout.Point p = layout.node(node);
                g.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
            }
        }
        g.setGlobalAlpha(1);
    }

    private void drawLinks(GraphicsContext g, ClusterViewModel model) {
        ClusterCanvas control = getSkinnable();
        g.setLineCap(StrokeLineCap.ROUND);
        for (int a = 0; a < model.size(); a++) {
            for (int b = 0; b < model.size(); b++) {
                if (a == b) {
                    continue;
                }
                boolean up = model.isLinkUp(a, b);
                ClusterLayout.Point[] lane = layout.nodeLane(a, b);
                g.setStroke(up ? control.link() : control.linkDown());
                g.setLineWidth(up ? 1.2 : 2.2);
                g.setLineDashes(up ? null : new double[] {6, 5});
                g.strokeLine(lane[0].x(), lane[0].y(), lane[1].x(), lane[1].y());
                g.setLineDashes(null);
                boolean backUp = model.isLinkUp(b, a);
                if (!up && a < b && !backUp) {
                    cross(g, ClusterLayout.along(new ClusterLayout.Point[] {layout.node(a), layout.node(b)}, 0.5), control.linkDown());
                } else if (!up && backUp) {
                    oneWayCut(g, lane, control.linkDown());
                }
            }
        }
    }

    /** A direction cut while the other works: an arrow head where it would arrive, and a small cross on it. */
    private static void oneWayCut(GraphicsContext g, ClusterLayout.Point[] lane, Paint paint) {
        ClusterLayout.Point tip = ClusterLayout.along(lane, 0.82);
        ClusterLayout.Point back = ClusterLayout.along(lane, 0.74);
        double dx = tip.x() - back.x();
        double dy = tip.y() - back.y();
        double length = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / length;
        double uy = dy / length;
        double size = 9;
        g.setFill(paint);
        g.fillPolygon(new double[] {tip.x(), tip.x() - ux * size - uy * size * 0.6, tip.x() - ux * size + uy * size * 0.6},
                new double[] {tip.y(), tip.y() - uy * size + ux * size * 0.6, tip.y() - uy * size - ux * size * 0.6}, 3);
        ClusterLayout.Point middle = ClusterLayout.along(lane, 0.5);
        double s = 4;
        g.setStroke(paint);
        g.setLineWidth(2);
        g.strokeLine(middle.x() - s, middle.y() - s, middle.x() + s, middle.y() + s);
        g.strokeLine(middle.x() - s, middle.y() + s, middle.x() + s, middle.y() - s);
    }

    /** One colour per side of a partition, from the Okabe–Ito palette; clients take their side's. */
    private static final Color[] SIDES = {Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"),
        Color.web("#CC79A7"), Color.web("#0072B2"), Color.web("#D55E00")};

    /** The sides of a partition: a dashed halo in the side's colour around each of its nodes and clients. */
    private void drawPartition(GraphicsContext g, ClusterViewModel model, List<String> clients) {
        List<List<Address>> groups = model.partitionGroups();
        double r = layout.nodeRadius();
        for (int side = 0; side < groups.size(); side++) {
            g.setStroke(SIDES[side % SIDES.length]);
            g.setLineWidth(3);
            g.setLineDashes(4, 4);
            for (Address member : groups.get(side)) {
                if (member instanceof Address.Node node && node.index() < model.size()) {
                    ClusterLayout.Point p = layout.node(node.index());
                    g.strokeOval(p.x() - r - 9, p.y() - r - 9, 2 * r + 18, 2 * r + 18);
                } else if (member instanceof Address.Client client && ClusterLayout.indexOf(clients, client.name()) >= 0) {
                    ClusterLayout.Point p = place(member, clients);
                    double w = 56 * scale + 12;
                    double h = 22 * scale + 12;
                    g.strokeRoundRect(p.x() - w / 2, p.y() - h / 2, w, h, 12, 12);
                }
            }
            g.setLineDashes(null);
        }
    }

    /**
     * Where each client goes while the network is split: next to its side, on the clients' ring,
     * at the side's mean angle (clients of one side fan out around it). Empty when not split.
     */
    private java.util.Map<String, ClusterLayout.Point> clientSides(ClusterViewModel model, List<String> clients) {
        java.util.Map<String, ClusterLayout.Point> placed = new java.util.HashMap<>();
        List<List<Address>> groups = model.partitionGroups();
        if (groups.isEmpty() || clients.isEmpty()) {
            return placed;
        }
        ClusterLayout.Point centre = new ClusterLayout.Point(canvas.getWidth() / 2, canvas.getHeight() / 2);
        ClusterLayout.Point anyClient = layout.client(0);
        double outer = anyClient.distance(centre);
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (List<Address> group : groups) {
            double sx = 0;
            double sy = 0;
            List<String> members = new java.util.ArrayList<>();
            for (Address member : group) {
                if (member instanceof Address.Node node && node.index() < model.size()) {
                    ClusterLayout.Point p = layout.node(node.index());
                    sx += p.x() - centre.x();
                    sy += p.y() - centre.y();
                } else if (member instanceof Address.Client client && clients.contains(client.name())) {
                    members.add(client.name());
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            double angle = sx == 0 && sy == 0 ? Math.PI / 2 : Math.atan2(sy, sx);
            for (String member : members) {
                double at = nearestFreeGap(angle, model.size(), taken);
                placed.put(member, new ClusterLayout.Point(centre.x() + outer * Math.cos(at),
                        centre.y() + outer * 0.92 * Math.sin(at)));
            }
        }
        return placed;
    }

    /**
     * The direction between two neighbouring nodes nearest to {@code angle} that no client of a
     * side took yet: a client there never sits on a node's caption, which points straight out.
     * With more clients than gaps, gaps are shared again.
     */
    private static double nearestFreeGap(double angle, int nodes, java.util.Set<Integer> taken) {
        if (taken.size() >= nodes) {
            taken.clear();
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int gap = 0; gap < nodes; gap++) {
            double at = -Math.PI / 2 + Math.PI / nodes + gap * 2 * Math.PI / nodes;
            double distance = Math.abs(Math.atan2(Math.sin(at - angle), Math.cos(at - angle)));
            if (!taken.contains(gap) && distance < bestDistance) {
                best = gap;
                bestDistance = distance;
            }
        }
        taken.add(best);
        return -Math.PI / 2 + Math.PI / nodes + best * 2 * Math.PI / nodes;
    }

    private static void cross(GraphicsContext g, ClusterLayout.Point at, Paint paint) {
        double s = 6;
        g.setStroke(paint);
        g.setLineWidth(2.5);
        g.strokeLine(at.x() - s, at.y() - s, at.x() + s, at.y() + s);
        g.strokeLine(at.x() - s, at.y() + s, at.x() + s, at.y() - s);
    }

    private void drawClients(GraphicsContext g, List<String> clients) {
        ClusterCanvas control = getSkinnable();
        g.setFont(Font.font(11 * scale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double w = 56 * scale;
        double h = 22 * scale;
        for (int c = 0; c < clients.size(); c++) {
            ClusterLayout.Point p = place(Address.client(clients.get(c)), clients);
            g.setFill(control.nodeBackground());
            g.fillRoundRect(p.x() - w / 2, p.y() - h / 2, w, h, 8, 8);
            g.setStroke(control.link());
            g.setLineWidth(1);
            g.strokeRoundRect(p.x() - w / 2, p.y() - h / 2, w, h, 8, 8);
            g.setFill(control.text());
            g.fillText(clients.get(c), p.x(), p.y());
        }
    }

    private ClusterLayout.Point place(Address address, List<String> clients) {
        if (address instanceof Address.Node node && node.index() < getSkinnable().getViewModel().size()) {
            return layout.node(node.index());
        }
        if (address instanceof Address.Client client && sidePlaces.containsKey(client.name())) {
            return sidePlaces.get(client.name());
        }
        int c = address instanceof Address.Client client ? ClusterLayout.indexOf(clients, client.name()) : -1;
        return c >= 0 ? layout.client(c) : new ClusterLayout.Point(30, 30);
    }

    private double radiusOf(Address address) {
        return address instanceof Address.Node ? layout.nodeRadius() : 12;
    }

    private void drawMessages(GraphicsContext g, ClusterViewModel model, List<String> clients) {
        ClusterCanvas control = getSkinnable();
        MessageRef selected = model.selectedMessageProperty().get();
        boolean someKinds = !model.highlight().kinds().isEmpty();
        for (MessageDot dot : model.messages()) {
            boolean spotlit = someKinds && model.highlights(dot);
            // a caption about some kinds of message fades the others, so those stand out
            g.setGlobalAlpha(someKinds && !spotlit ? 0.3 : 1);
            ClusterLayout.Point[] lane = layout.lane(place(dot.from(), clients), place(dot.to(), clients),
                    radiusOf(dot.from()), radiusOf(dot.to()));
            ClusterLayout.Point p = ClusterLayout.along(lane, dot.progress());
            boolean highlighted = selected != null && selected.matches(dot) || hoveredMessage != null && hoveredMessage.matches(dot);
            double r = highlighted || spotlit ? DOT_RADIUS * 1.7 : DOT_RADIUS;
            if (spotlit) {
                g.setFill(control.spotlight());
                g.fillOval(p.x() - r - 4, p.y() - r - 4, 2 * r + 8, 2 * r + 8);
            }
            g.setFill(Color.web(dot.kind().color()));
            g.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
            g.setStroke(dot.held() ? control.linkDown() : control.text());
            g.setLineWidth(dot.held() ? 2.5 : 0.6);
            g.strokeOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
            if (selected != null && selected.matches(dot)) {
                g.setStroke(control.selection());
                g.setLineWidth(2);
                g.strokeOval(p.x() - r - 3, p.y() - r - 3, 2 * r + 6, 2 * r + 6);
            }
        }
        g.setGlobalAlpha(1);
    }

    private void drawNode(GraphicsContext g, ClusterViewModel model, NodeModel node) {
        ClusterCanvas control = getSkinnable();
        ClusterLayout.Point p = layout.node(node.index());
        double r = layout.nodeRadius();
        Paint ring = !node.isUp() ? control.crashed()
                : switch (node.role()) {
                    case LEADER, PRIMARY, VIEW_SERVICE -> control.leader();
                    case CANDIDATE -> control.candidate();
                    default -> control.follower();
                };
        g.setFill(node.isUp() ? control.nodeBackground() : control.crashed());
        g.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
        g.setStroke(ring);
        boolean leads = node.isUp() && (node.role() == Role.LEADER || node.role() == Role.PRIMARY);
        g.setLineWidth(leads ? 5 : 2.5);
        g.setLineDashes(node.isUp() && node.role() == Role.CANDIDATE ? new double[] {5, 4} : null);
        g.strokeOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
        g.setLineDashes(null);
        if (model.selectedNodeProperty().get() == node.index()) {
            g.setStroke(control.selection());
            g.setLineWidth(2);
            g.strokeOval(p.x() - r - 6, p.y() - r - 6, 2 * r + 12, 2 * r + 12);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(node.isUp() ? control.text() : Color.WHITE);
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(11, r * 0.5)));
        g.fillText("n" + node.index(), p.x(), p.y() - r * 0.18);
        g.setFont(Font.font(Math.max(9, r * 0.3)));
        g.fillText(node.isUp() ? roleLabel(node.role()) : "crashed", p.x(), p.y() + r * 0.32, r * 1.7);
        drawCaption(g, node, p, r);
        if (node.isUp() && node.behind() >= BEHIND_BADGE_FROM) {
            badge(g, "behind " + node.behind(), p.x(), p.y() - r - 12 * scale, control.linkDown(), scale);
        }
    }

    /**
     * A node's caption goes outside the ring, in the direction of the node from the centre, so it
     * never lies among the links or under a neighbour's caption; its box is kept for the tests.
     */
    private void drawCaption(GraphicsContext g, NodeModel node, ClusterLayout.Point p, double r) {
        String[] lines = caption(node);
        Font font = Font.font(10 * scale);
        measure.setFont(font);
        double width = 0;
        for (String line : lines) {
            measure.setText(line);
            width = Math.max(width, measure.getLayoutBounds().getWidth());
        }
        double lineHeight = 12 * scale;
        double height = lines.length * lineHeight;
        double dx = p.x() - canvas.getWidth() / 2;
        double dy = p.y() - canvas.getHeight() / 2;
        double length = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = model().size() == 1 ? 0 : dx / length;
        double uy = model().size() == 1 ? 1 : dy / length;
        double reach = r + 4 * scale;
        // the box's centre sits far enough out that its nearest corner clears the node
        double cx = p.x() + ux * (reach + Math.abs(ux) * width / 2);
        double cy = p.y() + uy * (reach + Math.abs(uy) * height / 2);
        g.setFill(getSkinnable().text());
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int line = 0; line < lines.length; line++) {
            g.fillText(lines[line], cx, cy - height / 2 + lineHeight * (line + 0.5));
        }
        captions.add(new javafx.geometry.BoundingBox(cx - width / 2, cy - height / 2, width, height));
    }

    private ClusterViewModel model() {
        return getSkinnable().getViewModel();
    }

    /** Where the last frame drew each node's caption, in node order. */
    List<javafx.geometry.Bounds> captionBounds() {
        return List.copyOf(captions);
    }

    private static String roleLabel(Role role) {
        return switch (role) {
            case CANDIDATE -> "phase 1";
            case VIEW_SERVICE -> "view service";
            default -> role.wireName();
        };
    }

    /**
     * Under a node, on two short lines (so neighbours' captions do not run into each other): the
     * ballot it leads or campaigns with, else the one it promised (primary/backup: the view it
     * knows); then how far it applied (a view service applies nothing).
     */
    static String[] caption(NodeModel node) {
        if (node.view() >= 0 || node.role() == Role.VIEW_SERVICE || node.role() == Role.IDLE || node.role() == Role.BACKUP) {
            String view = node.view() < 0 ? "no view yet" : "view " + node.view();
            return node.role() == Role.VIEW_SERVICE ? new String[] {view} : new String[] {view, "applied " + node.applied()};
        }
        boolean campaigns = node.role() == Role.LEADER || node.role() == Role.CANDIDATE || node.role() == Role.PRIMARY;
        Ballot ballot = campaigns ? node.ballotProperty().get() : node.promisedProperty().get();
        String ballotText = ballot.equals(Ballot.ZERO) ? "–" : ballot.toString();
        return new String[] {(campaigns ? "ballot " : "promised ") + ballotText, "applied " + node.applied()};
    }

    private static void badge(GraphicsContext g, String text, double x, double y, Paint fill, double scale) {
        double w = (text.length() * 6.5 + 12) * scale;
        double h = 18 * scale;
        g.setFill(fill);
        g.fillRoundRect(x - w / 2, y - h / 2, w, h, h / 2, h / 2);
        g.setFill(Color.WHITE);
        g.setFont(Font.font(null, FontWeight.BOLD, 11 * scale));
        g.fillText(text, x, y);
    }

    // ---------------------------------------------------------------- mouse

    /** The message under the pointer: within a generous reach for hovering, on the dot itself for a click. */
    private MessageDot messageAt(ClusterLayout.Point p, double reach) {
        ClusterViewModel model = getSkinnable().getViewModel();
        List<String> clients = model.clients();
        MessageDot nearest = null;
        double best = reach;
        for (MessageDot dot : model.messages()) {
            ClusterLayout.Point[] lane = layout.lane(place(dot.from(), clients), place(dot.to(), clients),
                    radiusOf(dot.from()), radiusOf(dot.to()));
            double distance = ClusterLayout.along(lane, dot.progress()).distance(p);
            if (distance < best) {
                best = distance;
                nearest = dot;
            }
        }
        return nearest;
    }

    private void onMoved(MouseEvent event) {
        if (layout == null || getSkinnable().getViewModel() == null) {
            return;
        }
        ClusterLayout.Point p = new ClusterLayout.Point(event.getX(), event.getY());
        MessageDot message = messageAt(p, HOVER_REACH);
        hoveredMessage = message != null ? message.ref() : null;
        ClusterLayout.LinkHit link = message == null && layout.nodeAt(p) < 0 ? layout.linkAt(p) : null;
        String text = message != null ? MessageText.describe(message) : link != null ? describeLink(link) : null;
        if (text != null) {
            tooltip.setText(text);
            Point2D screen = canvas.localToScreen(event.getX() + 14, event.getY() + 14);
            if (!tooltip.isShowing()) {
                tooltip.show(canvas, screen.getX(), screen.getY());
            }
        } else {
            tooltip.hide();
        }
        boolean clickable = message != null || layout.nodeAt(p) >= 0 || layout.linkAt(p) != null;
        canvas.setCursor(clickable ? Cursor.HAND : Cursor.DEFAULT);
    }

    /** "n0 → n2: down · n2 → n0: up" and what a click and a shift-click do. */
    private String describeLink(ClusterLayout.LinkHit link) {
        ClusterViewModel model = getSkinnable().getViewModel();
        int a = link.a();
        int b = link.b();
        boolean forward = model.isLinkUp(a, b);
        boolean backward = model.isLinkUp(b, a);
        String state = "n" + a + " → n" + b + ": " + (forward ? "up" : "down") + "   ·   n" + b + " → n" + a + ": "
                + (backward ? "up" : "down");
        String what = forward && backward ? "the link works both ways" : !forward && !backward ? "the link is cut both ways"
                : "cut one way: messages go only n" + (forward ? a : b) + " → n" + (forward ? b : a);
        return state + "\n" + what + "\nclick: cut or restore both ways · shift-click: only n" + link.from() + " → n" + link.to();
    }

    private void onClicked(MouseEvent event) {
        ClusterViewModel model = getSkinnable().getViewModel();
        if (layout == null || model == null) {
            return;
        }
        getSkinnable().requestFocus();
        ClusterLayout.Point p = new ClusterLayout.Point(event.getX(), event.getY());
        int node = layout.nodeAt(p);
        if (event.getButton() == MouseButton.SECONDARY && node >= 0) {
            model.selectedNodeProperty().set(node);
            showNodeMenu(model, node, event);
            return;
        }
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        // a click picks a message only right on its dot, so a click on a busy link still reaches the link
        MessageDot message = messageAt(p, CLICK_REACH);
        if (message != null) {
            model.selectedMessageProperty().set(message.ref());
        } else if (node >= 0) {
            model.selectedNodeProperty().set(node);
        } else {
            ClusterLayout.LinkHit link = layout.linkAt(p);
            if (link != null) {
                if (event.isShiftDown()) {
                    model.toggleLink(link.from(), link.to(), true);
                } else {
                    model.toggleLink(link.a(), link.b(), false);
                }
            }
        }
        draw();
    }

    private void showNodeMenu(ClusterViewModel model, int node, MouseEvent event) {
        boolean up = model.nodes().get(node).isUp();
        MenuItem crash = new MenuItem(up ? "Crash n" + node + "\t(C)" : "Restart n" + node + "\t(C)");
        crash.setOnAction(action -> model.toggleCrash(node));
        MenuItem isolate = new MenuItem("Isolate n" + node + "\t(I)");
        isolate.setOnAction(action -> model.isolate(node));
        isolate.setDisable(!up);
        crash.setDisable(!model.isLive());
        isolate.setDisable(!up || !model.isLive());
        nodeMenu.getItems().setAll(crash, isolate);
        nodeMenu.show(canvas, event.getScreenX(), event.getScreenY());
    }
}
