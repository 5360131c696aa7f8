package paxosviz.ui.control;

/**
 * Where things go in a {@link LogStrip} of a given width: the ruler on top, a label column on
 * the left, one row per node, the legend under the rows. Cells are {@code cellSize} high and
 * {@code cellSize × zoom} wide (at least a pixel); a window shows as many slots as fit.
 */
final class LogGeometry {

    /** Narrower cells are drawn as merged runs without gaps. */
    static final double SEPARATE_CELLS_FROM = 4;
    private static final double ROW_GAP = 4;
    private static final double RIGHT_PAD = 8;

    private final double width;
    private final double cellHeight;
    private final double cellWidth;
    private final double fontSize;
    private final int nodes;

    /** Rows may shrink to this share of the theme's cell size to fit, or grow to fill spare height. */
    static final double MIN_ROW_SCALE = 0.6;
    static final double MAX_ROW_SCALE = 2.0;

    LogGeometry(double width, double cellSize, double zoom, int nodes) {
        this(width, cellSize, cellSize, zoom, nodes);
    }

    private LogGeometry(double width, double cellSize, double cellHeight, double zoom, int nodes) {
        this.width = width;
        this.cellHeight = cellHeight;
        this.cellWidth = Math.max(1, cellSize * zoom);
        this.fontSize = Math.max(11, cellSize * 0.8);
        this.nodes = nodes;
    }

    /**
     * The geometry whose rows fill {@code height}: taller rows where there is room (easier to see
     * from the back of a hall), shorter ones rather than a cut-off last row or a hidden legend.
     */
    static LogGeometry fitting(double width, double height, double cellSize, double zoom, int nodes) {
        LogGeometry natural = new LogGeometry(width, cellSize, zoom, nodes);
        if (nodes == 0 || height <= 0) {
            return natural;
        }
        double spare = height - natural.height();
        double cell = cellSize + spare / nodes;
        double fitted = Math.max(cellSize * MIN_ROW_SCALE, Math.min(cellSize * MAX_ROW_SCALE, cell));
        return new LogGeometry(width, cellSize, fitted, zoom, nodes);
    }

    double fontSize() {
        return fontSize;
    }

    double cellWidth() {
        return cellWidth;
    }

    double cellHeight() {
        return cellHeight;
    }

    /** Whether cells are wide enough to draw one by one, with a gap between them. */
    boolean separateCells() {
        return cellWidth >= SEPARATE_CELLS_FROM;
    }

    double labelWidth() {
        return fontSize * 4.5;
    }

    double rulerHeight() {
        return fontSize + 10;
    }

    double rowHeight() {
        return cellHeight + ROW_GAP;
    }

    double rowTop(int node) {
        return rulerHeight() + node * rowHeight();
    }

    double cellTop(int node) {
        return rowTop(node) + ROW_GAP / 2;
    }

    double rowsBottom() {
        return rowTop(nodes);
    }

    double legendTop() {
        return rowsBottom() + 6;
    }

    /** The height that shows every row and the legend. */
    double height() {
        return legendTop() + fontSize + 12;
    }

    /** How many slots the window shows. */
    int visibleSlots() {
        return (int) Math.max(1, Math.floor((width - labelWidth() - RIGHT_PAD) / cellWidth));
    }

    /** The left edge of the cell {@code offset} slots into the window. */
    double cellX(long offset) {
        return labelWidth() + offset * cellWidth;
    }

    /** The row under {@code y}, or -1. */
    int rowAt(double y) {
        if (y < rulerHeight() || y >= rowsBottom()) {
            return -1;
        }
        return (int) ((y - rulerHeight()) / rowHeight());
    }

    /** How many slots into the window {@code x} lies, or -1 outside the cells. */
    int offsetAt(double x) {
        if (x < labelWidth()) {
            return -1;
        }
        int offset = (int) ((x - labelWidth()) / cellWidth);
        return offset < visibleSlots() ? offset : -1;
    }

    /** Slots between two numbered ticks of the ruler: 1, 2, 5, 10, 20, 50, … so that labels do not touch. */
    long tickEvery() {
        double minimum = fontSize * 5;
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (step * factor * cellWidth >= minimum) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }
}
