package paxosviz.ui.control;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import paxosviz.core.Ballot;
import paxosviz.ui.viewmodel.LogViewModel;
import paxosviz.viewstate.SlotState;

/**
 * Paints one frame of a {@link LogStrip}: the ruler, a row per node, the legend. It visits the
 * cells of the visible window only (a snapshot's slots are one hatched rectangle), so a frame
 * costs the same at slot 100 and at slot 1,000,000.
 */
final class LogPainter {

    private static final double DIMMED = 0.35;
    private static final String[] LEGEND = {"empty", "accepted (ballot)", "chosen", "applied", "compacted (snapshot)"};
    private static final String DIVERGED_LEGEND = "diverged (nodes learned different commands)";

    private final LogStrip strip;
    private final Text measure = new Text();
    private int cellsDrawn;
    // the frame being painted
    private GraphicsContext g;
    private LogViewModel model;
    private LogGeometry geometry;
    private double width;
    private long firstSlot;
    private int visible;

    LogPainter(LogStrip strip) {
        this.strip = strip;
    }

    /** How many cells the last frame visited: the visible window's, never the whole log's. */
    int cellsDrawn() {
        return cellsDrawn;
    }

    void clear(GraphicsContext context, double canvasWidth, double canvasHeight) {
        context.setFill(strip.background());
        context.fillRect(0, 0, canvasWidth, canvasHeight);
        cellsDrawn = 0;
    }

    /** Paints the window of {@code geometry.visibleSlots()} slots from {@code first}. */
    void paint(GraphicsContext context, double canvasWidth, double canvasHeight, LogViewModel log, LogGeometry layout, long first) {
        clear(context, canvasWidth, canvasHeight);
        g = context;
        model = log;
        geometry = layout;
        width = canvasWidth;
        firstSlot = first;
        visible = layout.visibleSlots();
        drawRuler();
        for (int node = 0; node < model.nodes(); node++) {
            drawRow(node);
        }
        drawSpotlight();
        drawSelectedSlot();
        drawLegend();
    }

    /** A caption's slot range: framed across every row, so the audience finds the slots it talks about. */
    private void drawSpotlight() {
        var highlight = model.highlight();
        if (!highlight.hasSlots() || highlight.toSlot() < firstSlot || highlight.fromSlot() >= firstSlot + visible) {
            return;
        }
        double left = geometry.cellX(Math.max(highlight.fromSlot(), firstSlot) - firstSlot);
        double right = geometry.cellX(Math.min(highlight.toSlot(), firstSlot + visible - 1) - firstSlot + 1);
        double top = geometry.rulerHeight();
        double bottom = geometry.rowsBottom();
        g.setGlobalAlpha(0.3);
        g.setFill(strip.spotlight());
        g.fillRect(left - 2, top, right - left + 3, bottom - top);
        g.setGlobalAlpha(1);
        g.setStroke(strip.spotlight());
        g.setLineWidth(3);
        g.strokeRect(left - 2, top, right - left + 3, bottom - top);
    }

    /** The inspected slot: its column outlined across every row, if it is in the window. */
    private void drawSelectedSlot() {
        long slot = strip.selectedSlotProperty().get();
        if (slot < firstSlot || slot >= firstSlot + visible || model.nodes() == 0) {
            return;
        }
        double x = geometry.cellX(slot - firstSlot);
        double top = geometry.rowTop(0);
        double bottom = geometry.rowTop(model.nodes());
        g.setStroke(strip.selection());
        g.setLineWidth(2);
        g.strokeRect(x - 1, top, Math.max(2, geometry.cellWidth() + 1), bottom - top);
    }

    private void drawRuler() {
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

    private void drawRow(int node) {
        double top = geometry.cellTop(node);
        double height = geometry.cellHeight();
        if (strip.selectedNodeProperty().get() == node) {
            g.setGlobalAlpha(0.22);
            g.setFill(strip.selection());
            g.fillRect(0, geometry.rowTop(node), width, geometry.rowHeight());
            g.setGlobalAlpha(1);
            g.fillRect(0, geometry.rowTop(node), 4, geometry.rowHeight());
        }
        drawLabel(node, top + height / 2);
        g.setGlobalAlpha(model.isUp(node) ? 1 : DIMMED);
        long lastSlot = firstSlot + visible - 1;
        long compactedUpTo = model.compactedUpTo(node);
        if (compactedUpTo >= firstSlot) {
            long end = Math.min(compactedUpTo, lastSlot);
            drawCompacted(geometry.cellX(0), top, geometry.cellX(end - firstSlot + 1) - geometry.cellX(0), height);
        }
        long from = Math.max(firstSlot, compactedUpTo + 1);
        if (geometry.separateCells()) {
            boolean ballotFits = geometry.cellWidth() >= geometry.fontSize() * 2.4;
            for (long slot = from; slot <= lastSlot; slot++) {
                SlotState state = model.state(node, slot);
                double x = geometry.cellX(slot - firstSlot);
                drawCell(state, x, top, geometry.cellWidth() - 1, height);
                if (state == SlotState.ACCEPTED && ballotFits) {
                    drawBallot(node, slot, top);
                }
                char value = model.divergedValue(node, slot);
                if (value != 0) {
                    drawDiverged(value, x, top, geometry.cellWidth() - 1, height);
                }
                cellsDrawn++;
            }
        } else if (from <= lastSlot) {
            drawRuns(node, from, lastSlot, top, height);
        }
        g.setGlobalAlpha(1);
    }

    private void drawLabel(int node, double middle) {
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
    private void drawRuns(int node, long from, long lastSlot, double top, double height) {
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
                fillState(runState, x, top, geometry.cellX(slot - firstSlot) - x, height);
                runStart = slot;
                runState = state;
            }
        }
        for (long slot = from; slot <= lastSlot; slot++) {
            if (model.divergedValue(node, slot) != 0) {
                double x = geometry.cellX(slot - firstSlot);
                g.setFill(strip.diverged());
                g.fillRect(x, top, Math.max(2, geometry.cellX(slot - firstSlot + 1) - x), height);
            }
        }
        cellsDrawn += (int) (lastSlot - from + 1);
    }

    /** A thick border in the diverged colour and the letter of the command this node learned (A, B, ...). */
    private void drawDiverged(char value, double x, double y, double w, double h) {
        g.setStroke(strip.diverged());
        g.setLineWidth(2.5);
        g.strokeRect(x + 1.25, y + 1.25, w - 2.5, h - 2.5);
        if (w >= geometry.fontSize()) {
            g.setFill(strip.diverged());
            g.fillRect(x + 2, y + 2, w - 4, h - 4);
            g.setFill(strip.background());
            g.setFont(Font.font(null, FontWeight.BOLD, h * 0.7));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(String.valueOf(value), x + w / 2, y + h / 2);
        }
    }

    private void drawCell(SlotState state, double x, double y, double w, double h) {
        if (state == SlotState.EMPTY) {
            g.setStroke(strip.empty());
            g.setLineWidth(1);
            g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
        } else if (state == SlotState.COMPACTED) {
            drawCompacted(x, y, w, h);
        } else {
            fillState(state, x, y, w, h);
        }
    }

    private void fillState(SlotState state, double x, double y, double w, double h) {
        Paint fill = fillOf(state);
        if (fill != null) {
            g.setFill(fill);
            g.fillRect(x, y, w, h);
        }
    }

    private Paint fillOf(SlotState state) {
        return switch (state) {
            case EMPTY -> null;
            case ACCEPTED -> strip.accepted();
            case CHOSEN -> strip.chosen();
            case APPLIED -> strip.applied();
            case COMPACTED -> strip.compacted();
        };
    }

    /** A snapshot's slots: grey with a hatch, one rectangle however many slots it spans. */
    private void drawCompacted(double x, double y, double w, double h) {
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

    private void drawBallot(int node, long slot, double top) {
        Ballot ballot = model.ballot(node, slot);
        g.setFill(strip.text());
        g.setFont(Font.font(geometry.cellHeight() * 0.62));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.valueOf(ballot), geometry.cellX(slot - firstSlot) + geometry.cellWidth() / 2,
                top + geometry.cellHeight() / 2, geometry.cellWidth() - 3);
    }

    private void drawLegend() {
        double size = geometry.cellHeight();
        double y = geometry.legendTop();
        double x = 8;
        Font font = Font.font(geometry.fontSize() * 0.9);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        measure.setFont(font);
        for (SlotState state : SlotState.values()) {
            drawCell(state, x, y, size, size);
            g.setFill(strip.text());
            String name = LEGEND[state.ordinal()];
            g.fillText(name, x + size + 5, y + size / 2);
            measure.setText(name);
            x += size + 5 + measure.getLayoutBounds().getWidth() + 16;
        }
        drawDiverged('A', x, y, size, size);
        g.setFill(strip.text());
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(DIVERGED_LEGEND, x + size + 5, y + size / 2);
        measure.setText(DIVERGED_LEGEND);
        double legendEnd = x + size + 5 + measure.getLayoutBounds().getWidth();
        String where = position();
        measure.setText(where);
        if (legendEnd + 16 + measure.getLayoutBounds().getWidth() <= width - 8) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(where, width - 8, y + size / 2); // only where it does not run into the legend
        }
    }

    private String position() {
        if (model.head() < 0) {
            return "no slot used yet";
        }
        String head = String.format("head: slot %,d", model.head());
        if (model.followHeadProperty().get()) {
            return head + "  ·  following";
        }
        return String.format("slots %,d–%,d  ·  %s  ·  End: follow", firstSlot, firstSlot + visible - 1, head);
    }
}
