package paxosviz.ui.control;

import java.util.Locale;

/**
 * Where things go in a {@link Timeline} of a given width, and how time maps to x: the ruler on
 * top, then the track with its lanes (faults, leaders, installs, and a thin strip of answers at
 * the bottom; violations span them all). The visible window of time fills the track from
 * {@link #trackLeft()} to {@link #trackRight()}; a margin of half a playhead handle on either
 * side keeps the handle whole at the ends. Sizes follow the font size, so the presenter theme
 * enlarges everything by raising it. Pure arithmetic: tested without a display.
 */
final class TimelineGeometry {

    /** Ruler steps in milliseconds, each with how many minor ticks divide it. */
    private static final long[][] STEPS = {
        {1, 5}, {2, 4}, {5, 5}, {10, 5}, {20, 4}, {50, 5}, {100, 5}, {200, 4}, {500, 5},
        {1_000, 5}, {2_000, 4}, {5_000, 5}, {10_000, 5}, {15_000, 3}, {30_000, 3},
        {60_000, 4}, {120_000, 4}, {300_000, 5}, {600_000, 5}, {900_000, 3}, {1_800_000, 3},
        {3_600_000, 4}, {7_200_000, 4}, {10_800_000, 3}, {21_600_000, 6}, {43_200_000, 4}, {86_400_000, 4},
    };
    private static final long DAY = 86_400_000;
    /** Traces at least this long label the ruler m:ss instead of seconds. */
    static final double CLOCK_FROM = 60_000;
    /** Minor ticks closer than this are left out. */
    private static final double MIN_MINOR_SPACING = 5;
    /** A character of a ruler label is about this many font sizes wide. */
    private static final double CHAR_WIDTH = 0.6;
    private static final double LANE_GAP = 2;

    private final double width;
    private final double fontSize;
    private final double visibleStart;
    private final double visibleEnd;
    private final boolean clock;
    private final long step;
    private final long minors;

    TimelineGeometry(double width, double fontSize, double traceStart, double traceEnd, double visibleStart, double visibleEnd) {
        this.width = Math.max(0, width);
        this.fontSize = Math.max(6, fontSize);
        this.visibleStart = visibleStart;
        this.visibleEnd = Math.max(visibleStart, visibleEnd);
        this.clock = Math.max(Math.abs(traceStart), Math.abs(traceEnd)) >= CLOCK_FROM;
        long[] chosen = chooseStep();
        this.step = chosen[0];
        this.minors = chosen[1];
    }

    double width() {
        return width;
    }

    double fontSize() {
        return fontSize;
    }

    double visibleStart() {
        return visibleStart;
    }

    double visibleEnd() {
        return visibleEnd;
    }

    double visibleSpan() {
        return visibleEnd - visibleStart;
    }

    /** Whether ruler labels and times read m:ss (long traces) rather than seconds. */
    boolean clock() {
        return clock;
    }

    // ---------------------------------------------------------------- horizontal

    /** Half the playhead handle's width. */
    double handleHalfWidth() {
        return Math.round(fontSize * 0.5);
    }

    double trackLeft() {
        return handleHalfWidth() + 2;
    }

    double trackRight() {
        return Math.max(trackLeft() + 1, width - trackLeft());
    }

    double trackWidth() {
        return trackRight() - trackLeft();
    }

    /** Pixel columns of the track: markers are bucketed into these. */
    int columns() {
        return (int) Math.ceil(trackWidth());
    }

    /** Where time {@code t} lies; times outside the visible window land outside the track. */
    double xOf(double t) {
        double span = visibleSpan();
        if (span <= 0) {
            return trackLeft();
        }
        return trackLeft() + (t - visibleStart) / span * trackWidth();
    }

    /** The time at {@code x}, not clamped: left of the track is before the visible window. */
    double timeAtUnclamped(double x) {
        return visibleStart + (x - trackLeft()) / trackWidth() * visibleSpan();
    }

    /** The time at {@code x}, clamped to the visible window: what a press or a drag at x selects. */
    double timeAt(double x) {
        return clamp(timeAtUnclamped(x), visibleStart, visibleEnd);
    }

    /** The pixel column of time {@code t}, clamped to the track. */
    int column(double t) {
        int column = (int) Math.floor(xOf(t) - trackLeft());
        return Math.max(0, Math.min(columns() - 1, column));
    }

    /** How many milliseconds one pixel column covers. */
    double millisPerPixel() {
        return visibleSpan() / trackWidth();
    }

    /** How close (in pixels) the mouse must come to a marker for its tooltip. */
    double hitRadius() {
        return Math.max(4, fontSize * 0.35);
    }

    // ---------------------------------------------------------------- vertical

    double rulerHeight() {
        return Math.round(fontSize + 9);
    }

    double trackTop() {
        return rulerHeight();
    }

    /** The height of a lane of ticks; the answers' strip is thinner. */
    double laneHeight(TimelineLane lane) {
        return switch (lane) {
            case ANSWERS -> Math.max(4, Math.round(fontSize * 0.5));
            case VIOLATIONS -> trackBottom() - violationTop();
            default -> Math.round(fontSize * 0.9);
        };
    }

    /** The top of a lane: the lanes of ticks are stacked under the ruler in their order, violations reach above them. */
    double laneTop(TimelineLane lane) {
        if (lane == TimelineLane.VIOLATIONS) {
            return violationTop();
        }
        double top = trackTop() + LANE_GAP;
        for (TimelineLane above : TimelineLane.values()) {
            if (above == lane) {
                break;
            }
            top += laneHeight(above) + LANE_GAP;
        }
        return top;
    }

    /** Violations reach up into the ruler, so that they stand out over everything. */
    double violationTop() {
        return Math.round(rulerHeight() * 0.45);
    }

    double trackBottom() {
        return laneTop(TimelineLane.ANSWERS) + laneHeight(TimelineLane.ANSWERS) + LANE_GAP;
    }

    /** The height that shows the ruler and every lane. */
    double height() {
        return trackBottom() + 2;
    }

    /** The lane of ticks under {@code y} (gaps belong to the lane above), or null on the ruler or below the track. */
    TimelineLane laneAt(double y) {
        if (y < trackTop() || y >= trackBottom()) {
            return null;
        }
        TimelineLane found = TimelineLane.FAULTS;
        for (TimelineLane lane : new TimelineLane[] {TimelineLane.LEADERS, TimelineLane.INSTALLS, TimelineLane.ANSWERS}) {
            if (y >= laneTop(lane) - LANE_GAP / 2) {
                found = lane;
            }
        }
        return found;
    }

    /** Whether {@code y} is within the vertical reach of a violation's tick. */
    boolean inViolationReach(double y) {
        return y >= violationTop() && y < trackBottom();
    }

    /** Whether {@code y} lies on the ruler band. */
    boolean onRuler(double y) {
        return y >= 0 && y < rulerHeight();
    }

    // ---------------------------------------------------------------- ruler

    /** Milliseconds between two labelled ticks: a nice step whose labels do not touch. */
    long tickStep() {
        return step;
    }

    /** Milliseconds between two unlabelled ticks, or 0 when they would be too dense to draw. */
    long minorStep() {
        long minor = step / minors;
        return minor > 0 && minor / millisPerPixelOrInfinity() >= MIN_MINOR_SPACING ? minor : 0;
    }

    private double millisPerPixelOrInfinity() {
        double perPixel = millisPerPixel();
        return perPixel > 0 ? perPixel : Double.MIN_VALUE;
    }

    /** The first tick at or after the start of the visible window, in units of {@code every}. */
    static long firstTickIndex(double visibleStart, long every) {
        return (long) Math.ceil(visibleStart / every);
    }

    /** Roughly how wide a ruler label is, without measuring text. */
    double labelWidth(String label) {
        return label.length() * CHAR_WIDTH * fontSize;
    }

    private long[] chooseStep() {
        double perPixel = millisPerPixel();
        if (!Double.isFinite(perPixel)) {
            return STEPS[STEPS.length - 1];
        }
        for (long[] candidate : STEPS) {
            if (fits(candidate[0], perPixel)) {
                return candidate;
            }
        }
        long every = DAY;
        for (long scale = 1; scale <= 1_000_000; scale *= 10) { // 2, 5, 10, 20, 50, 100, … days
            for (long factor : new long[] {2, 5, 10}) {
                every = factor * scale * DAY;
                if (fits(every, perPixel)) {
                    return new long[] {every, factor == 2 ? 4 : 5};
                }
            }
        }
        return new long[] {every, 5};
    }

    /** Whether labels {@code every} milliseconds apart leave room for the widest of them and a gap. */
    private boolean fits(long every, double perPixel) {
        if (perPixel <= 0) {
            return every >= 1_000;
        }
        double widest = Math.max(Math.abs(visibleStart), Math.abs(visibleEnd));
        String longest = label(Math.signum(visibleStart) < 0 ? -widest : widest, every, false);
        double minimum = Math.max(fontSize * 4, labelWidth(longest) + fontSize * 2.5);
        return every / perPixel >= minimum;
    }

    /** The ruler's label for a tick at {@code t}. */
    String label(double t) {
        return label(t, step, true);
    }

    /** The label at {@code t} on a ruler of the given step; untrimmed, it is as long as any label there. */
    private String label(double t, long every, boolean trim) {
        int decimals = every >= 1_000 ? 0 : every >= 100 ? 1 : every >= 10 ? 2 : 3;
        return clock ? clockText(t, decimals, trim) : secondsText(t, decimals, trim) + " s";
    }

    // ---------------------------------------------------------------- time as text

    /** A time to the millisecond, as a tooltip shows it: {@code 12.345 s}, or {@code 1:20.345} on a long trace. */
    static String formatTime(double millis, boolean clock) {
        return clock ? clockText(millis, 3, false) : secondsText(millis, 3, false) + " s";
    }

    /** Seconds with up to {@code decimals} decimals; trailing zeros dropped when {@code trim}. */
    static String secondsText(double millis, int decimals, boolean trim) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", millis / 1000.0);
        return normalise(trim ? trimZeros(text) : text);
    }

    /** {@code m:ss} or {@code h:mm:ss}, with a fraction of a second when {@code decimals > 0}. */
    static String clockText(double millis, int decimals, boolean trim) {
        double scale = Math.pow(10, decimals);
        long units = Math.round(Math.abs(millis) / 1000.0 * scale); // the whole value in 10^-decimals seconds
        long wholeSeconds = (long) (units / scale);
        long fraction = units - (long) (wholeSeconds * scale);
        long hours = wholeSeconds / 3600;
        long minutes = wholeSeconds / 60 % 60;
        long seconds = wholeSeconds % 60;
        StringBuilder text = new StringBuilder();
        if (millis < 0 && units != 0) {
            text.append('-');
        }
        if (hours > 0) {
            text.append(hours).append(':').append(String.format(Locale.ROOT, "%02d", minutes));
        } else {
            text.append(minutes);
        }
        text.append(':').append(String.format(Locale.ROOT, "%02d", seconds));
        if (decimals > 0) {
            String digits = String.format(Locale.ROOT, "%0" + decimals + "d", fraction);
            if (trim) {
                digits = digits.replaceAll("0+$", "");
            }
            if (!digits.isEmpty()) {
                text.append('.').append(digits);
            }
        }
        return text.toString();
    }

    private static String trimZeros(String number) {
        if (number.indexOf('.') < 0) {
            return number;
        }
        return number.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** No "-0": a tiny negative rounds to plain zero. */
    private static String normalise(String number) {
        return number.matches("-0(\\.0*)?") ? number.substring(1) : number;
    }

    static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
