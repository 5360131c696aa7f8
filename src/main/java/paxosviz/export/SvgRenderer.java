package paxosviz.export;

import java.io.PrintWriter;
import java.util.Locale;

/** A space-time diagram as SVG text. */
public final class SvgRenderer {

    private SvgRenderer() {
    }

    public static void render(SpaceTimeDiagram diagram, PrintWriter out) {
        DiagramLayout layout = new DiagramLayout(diagram);
        out.printf(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\" font-size=\"11\">%n",
                layout.width, layout.height);
        out.println("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        if (!diagram.notice().isEmpty()) {
            out.printf(Locale.ROOT, "<text x=\"6\" y=\"14\" fill=\"#D55E00\" font-weight=\"bold\">%s</text>%n", escape(diagram.notice()));
        }
        ruler(layout, diagram, out);
        for (String host : layout.hosts()) {
            double x = layout.x(host);
            out.printf(Locale.ROOT, "<text x=\"%.1f\" y=\"30\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n", x, escape(host));
            out.printf(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\" stroke-width=\"1.2\"/>%n",
                    x, DiagramLayout.TOP - 15, x, layout.height - DiagramLayout.BOTTOM / 2);
        }
        for (SpaceTimeDiagram.Arrow arrow : diagram.arrows()) {
            arrow(layout, arrow, out);
        }
        for (SpaceTimeDiagram.Mark mark : diagram.marks()) {
            double x = layout.x(mark.host());
            double y = layout.y(mark.t());
            out.printf(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>%n", x, y, mark.fault() ? "#D55E00" : "#009E73");
            out.printf(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", x + 8, y + 4, escape(mark.label()));
        }
        out.println("</svg>");
        out.flush();
    }

    private static void ruler(DiagramLayout layout, SpaceTimeDiagram diagram, PrintWriter out) {
        if (Double.isNaN(diagram.first())) {
            return;
        }
        double tick = layout.tickMs();
        for (double t = Math.ceil(diagram.first() / tick) * tick; t <= diagram.last(); t += tick) {
            double y = layout.y(t);
            out.printf(Locale.ROOT, "<text x=\"6\" y=\"%.1f\" fill=\"#777\">%s ms</text>%n", y + 4, number(t));
            out.printf(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    DiagramLayout.LEFT, y, layout.width, y);
        }
    }

    private static void arrow(DiagramLayout layout, SpaceTimeDiagram.Arrow arrow, PrintWriter out) {
        double x1 = layout.x(arrow.from());
        double y1 = layout.y(arrow.sent());
        double x2 = layout.x(arrow.to());
        String color = DiagramLayout.color(arrow.kind());
        if (Double.isNaN(arrow.arrived())) {
            double xm = (x1 + x2) / 2;
            double ym = y1 + 8;
            out.printf(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"3,3\"><title>%s lost</title></line>%n",
                    x1, y1, xm, ym, color, escape(arrow.kind()));
            out.printf(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#D55E00\" text-anchor=\"middle\">✕</text>%n", xm, ym + 4);
            return;
        }
        double y2 = layout.y(arrow.arrived());
        out.printf(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.1\"><title>%s</title></line>%n",
                x1, y1, x2, y2, color, escape(arrow.kind()));
        out.printf(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"%s\"/>%n", x2, y2, color);
    }

    private static String number(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : String.format(Locale.ROOT, "%.1f", t);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
