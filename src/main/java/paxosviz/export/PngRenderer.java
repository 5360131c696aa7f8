package paxosviz.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

import javax.imageio.ImageIO;

/** A space-time diagram as a PNG image, drawn with Java2D (works without a display). */
public final class PngRenderer {

    private PngRenderer() {
    }

    public static void render(SpaceTimeDiagram diagram, OutputStream out) throws IOException {
        DiagramLayout layout = new DiagramLayout(diagram);
        BufferedImage image = new BufferedImage((int) Math.ceil(layout.width), (int) Math.ceil(layout.height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            draw(g, layout, diagram);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", out);
    }

    private static void draw(Graphics2D g, DiagramLayout layout, SpaceTimeDiagram diagram) {
        if (!diagram.notice().isEmpty()) {
            g.setColor(new Color(0xD55E00));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            g.drawString(diagram.notice(), 6, 14);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        if (!Double.isNaN(diagram.first())) {
            double tick = layout.tickMs();
            for (double t = Math.ceil(diagram.first() / tick) * tick; t <= diagram.last(); t += tick) {
                float y = (float) layout.y(t);
                g.setColor(new Color(0xEEEEEE));
                g.draw(new Line2D.Double(DiagramLayout.LEFT, y, layout.width, y));
                g.setColor(new Color(0x777777));
                g.drawString((long) t + " ms", 6, y + 4);
            }
        }
        for (String host : layout.hosts()) {
            float x = (float) layout.x(host);
            g.setColor(new Color(0x333333));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(host, x - g.getFontMetrics().stringWidth(host) / 2f, 30);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Line2D.Double(x, DiagramLayout.TOP - 15, x, layout.height - DiagramLayout.BOTTOM / 2));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (SpaceTimeDiagram.Arrow arrow : diagram.arrows()) {
            Color color = Color.decode(DiagramLayout.color(arrow.kind()));
            double x1 = layout.x(arrow.from());
            double y1 = layout.y(arrow.sent());
            double x2 = layout.x(arrow.to());
            g.setColor(color);
            if (Double.isNaN(arrow.arrived())) {
                double xm = (x1 + x2) / 2;
                double ym = y1 + 8;
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3, 3}, 0));
                g.draw(new Line2D.Double(x1, y1, xm, ym));
                g.setColor(Color.decode("#D55E00"));
                g.drawString("✕", (float) xm - 4, (float) ym + 4);
            } else {
                double y2 = layout.y(arrow.arrived());
                g.setStroke(new BasicStroke(1.1f));
                g.draw(new Line2D.Double(x1, y1, x2, y2));
                g.fillOval((int) Math.round(x2 - 2), (int) Math.round(y2 - 2), 4, 4);
            }
        }
        for (SpaceTimeDiagram.Mark mark : diagram.marks()) {
            double x = layout.x(mark.host());
            double y = layout.y(mark.t());
            g.setColor(Color.decode(mark.fault() ? "#D55E00" : "#009E73"));
            g.fillOval((int) Math.round(x - 5), (int) Math.round(y - 5), 10, 10);
            g.setColor(new Color(0x222222));
            g.drawString(mark.label(), (float) x + 8, (float) y + 4);
        }
    }
}
