package paxosviz.ui.control;

import java.util.Arrays;

import javafx.scene.paint.Color;

/**
 * The markers of the visible window gathered per lane and per pixel column: how many fall in
 * each column and the colour of the latest of them. Drawing then costs one rectangle per
 * occupied column at most, however many markers there are; filling the buckets is one pass
 * over the window's markers, which are one contiguous range of the sorted {@link TimelineMarkers}.
 */
final class TimelineBuckets {

    /** A density strip shows this many steps of opacity. */
    static final int DENSITY_LEVELS = 8;
    private static final int LANES = TimelineLane.values().length;

    private int columns;
    private int[][] counts = new int[LANES][0];
    private Color[][] colors = new Color[LANES][0];
    private final int[] maxCount = new int[LANES];
    private int bucketed;

    /** Gathers the markers from the window's start to its end, both included. */
    void fill(TimelineMarkers markers, TimelineGeometry geometry) {
        columns = geometry.columns();
        for (int lane = 0; lane < LANES; lane++) {
            if (counts[lane].length < columns) {
                counts[lane] = new int[columns];
                colors[lane] = new Color[columns];
            } else {
                Arrays.fill(counts[lane], 0, columns, 0);
                Arrays.fill(colors[lane], 0, columns, null);
            }
        }
        Arrays.fill(maxCount, 0);
        int from = markers.firstAtOrAfter(geometry.visibleStart());
        int to = markers.firstAfter(geometry.visibleEnd());
        double start = geometry.visibleStart();
        double span = geometry.visibleSpan();
        double perMilli = span > 0 ? geometry.trackWidth() / span : 0;
        int last = columns - 1;
        for (int i = from; i < to; i++) {
            int column = (int) ((markers.time(i) - start) * perMilli);
            column = column < 0 ? 0 : column > last ? last : column;
            int lane = markers.laneOrdinal(i);
            int count = ++counts[lane][column];
            colors[lane][column] = markers.color(i);
            if (count > maxCount[lane]) {
                maxCount[lane] = count;
            }
        }
        bucketed = Math.max(0, to - from);
    }

    int columns() {
        return columns;
    }

    int count(TimelineLane lane, int column) {
        return counts[lane.ordinal()][column];
    }

    /** The colour of the latest marker in the column, or null if it has none. */
    Color color(TimelineLane lane, int column) {
        return colors[lane.ordinal()][column];
    }

    /** The most markers any one column of the lane holds. */
    int maxCount(TimelineLane lane) {
        return maxCount[lane.ordinal()];
    }

    /** How many markers the window holds. */
    int bucketed() {
        return bucketed;
    }

    /** How many columns of the lane hold at least one marker. */
    int occupied(TimelineLane lane) {
        int occupied = 0;
        int[] of = counts[lane.ordinal()];
        for (int column = 0; column < columns; column++) {
            if (of[column] > 0) {
                occupied++;
            }
        }
        return occupied;
    }

    /** How dense a column of {@code count} markers is, 1 to {@link #DENSITY_LEVELS}, on a log scale up to the fullest column. */
    static int densityLevel(int count, int max) {
        if (max <= 1) {
            return DENSITY_LEVELS;
        }
        return 1 + (int) Math.round((DENSITY_LEVELS - 1) * Math.log(count) / Math.log(max));
    }
}
