package paxosviz.ui.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The timeline's arithmetic, without a display. */
class TimelineGeometryTest {

    /** 1,016 pixels at the light theme's font size: a track of exactly 1,000 pixels from x = 8. */
    private static TimelineGeometry geometry(double start, double end, double visibleStart, double visibleEnd) {
        return new TimelineGeometry(1016, 11, start, end, visibleStart, visibleEnd);
    }

    @Test
    void theVisibleWindowFillsTheTrackBetweenMarginsThatKeepTheHandleWhole() {
        TimelineGeometry g = geometry(0, 10_000, 0, 10_000);

        assertThat(g.trackLeft()).isEqualTo(8);
        assertThat(g.trackRight()).isEqualTo(1008);
        assertThat(g.trackLeft()).isGreaterThan(g.handleHalfWidth());
        assertThat(g.columns()).isEqualTo(1000);
        assertThat(g.xOf(0)).isEqualTo(8);
        assertThat(g.xOf(5_000)).isEqualTo(508);
        assertThat(g.xOf(10_000)).isEqualTo(1008);
        assertThat(g.millisPerPixel()).isEqualTo(10);
    }

    @Test
    void timeAndXAreInversesInsideTheTrackAndTimeIsClampedOutsideIt() {
        TimelineGeometry g = geometry(0, 10_000, 0, 10_000);

        for (double t = 0; t <= 10_000; t += 137) {
            assertThat(g.timeAt(g.xOf(t))).isCloseTo(t, within(1e-9));
        }
        assertThat(g.timeAt(-40)).isEqualTo(0);
        assertThat(g.timeAt(3)).isEqualTo(0);
        assertThat(g.timeAt(1012)).isEqualTo(10_000);
        assertThat(g.timeAt(5000)).isEqualTo(10_000);
        assertThat(g.timeAtUnclamped(-2)).isEqualTo(-100);
    }

    @Test
    void aZoomedWindowMapsOnlyItsOwnStretchAndClampsToIt() {
        TimelineGeometry g = geometry(0, 100_000, 20_000, 30_000);

        assertThat(g.xOf(25_000)).isEqualTo(508);
        assertThat(g.xOf(10_000)).as("before the window: left of the track").isLessThan(g.trackLeft());
        assertThat(g.timeAt(0)).isEqualTo(20_000);
        assertThat(g.timeAt(2_000)).isEqualTo(30_000);
        assertThat(g.column(10_000)).isZero();
        assertThat(g.column(99_000)).isEqualTo(999);
        assertThat(g.column(20_015)).isEqualTo(1);
    }

    @Test
    void anEmptyRangeMapsEverythingToTheLeftEdgeWithoutDividingByZero() {
        TimelineGeometry g = geometry(0, 0, 0, 0);

        assertThat(g.xOf(0)).isEqualTo(g.trackLeft());
        assertThat(g.timeAt(500)).isZero();
        assertThat(g.tickStep()).isPositive();
    }

    @Test
    void tickStepsAreNiceAndLabelsDoNotTouch() {
        assertThat(geometry(0, 10_000, 0, 10_000).tickStep()).as("10 s on 1,000 px").isEqualTo(1_000);
        assertThat(geometry(0, 10_000, 0, 10_000).minorStep()).isEqualTo(200);
        assertThat(geometry(0, 2_000, 0, 2_000).tickStep()).as("2 s on 1,000 px").isEqualTo(200);
        assertThat(geometry(0, 80_000, 0, 80_000).tickStep()).as("1:20 on 1,000 px").isEqualTo(5_000);
        assertThat(geometry(0, 3_600_000, 0, 3_600_000).tickStep()).as("an hour").isEqualTo(300_000);
        assertThat(geometry(0, 100, 0, 100).tickStep()).as("100 ms").isEqualTo(10);
        assertThat(geometry(0, 100_000, 20_000, 20_010).tickStep()).as("zoomed to 10 ms of a long trace").isEqualTo(1);

        List<Long> nice = List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L, 1_000L, 2_000L, 5_000L, 10_000L, 15_000L,
                30_000L, 60_000L, 120_000L, 300_000L, 600_000L, 900_000L, 1_800_000L, 3_600_000L, 7_200_000L,
                10_800_000L, 21_600_000L, 43_200_000L, 86_400_000L);
        for (double width : new double[] {200, 437, 800, 1600, 3000}) {
            for (double span : new double[] {3, 40, 999, 12_345, 59_999, 61_000, 600_000, 5_000_000, 80_000_000}) {
                for (double fontSize : new double[] {11, 17}) {
                    TimelineGeometry g = new TimelineGeometry(width, fontSize, 0, span, 0, span);
                    long step = g.tickStep();
                    double spacing = step / g.millisPerPixel();
                    String widest = g.label(Math.floor(span / step) * step);
                    assertThat(nice).as("%s ms on %s px", span, width).contains(step);
                    assertThat(spacing).as("%s ms on %s px: room for %s", span, width, widest)
                            .isGreaterThanOrEqualTo(g.labelWidth(widest) + fontSize);
                    int index = nice.indexOf(step);
                    if (index > 0) {
                        assertThat(nice.get(index - 1) / g.millisPerPixel())
                                .as("the next finer step would crowd %s ms on %s px", span, width)
                                .isLessThan(g.labelWidth(widest) + fontSize * 6);
                    }
                    long minor = g.minorStep();
                    if (minor > 0) {
                        assertThat(step % minor).isZero();
                        assertThat(minor / g.millisPerPixel()).isGreaterThanOrEqualTo(5);
                    }
                }
            }
        }
    }

    @Test
    void rulerLabelsReadSecondsOnShortTracesAndMinutesOnLongOnes() {
        TimelineGeometry halves = geometry(0, 6_000, 0, 6_000); // 500 ms steps
        assertThat(halves.tickStep()).isEqualTo(500);
        assertThat(halves.clock()).isFalse();
        assertThat(List.of(halves.label(0), halves.label(500), halves.label(1_000), halves.label(1_500)))
                .containsExactly("0 s", "0.5 s", "1 s", "1.5 s");
        assertThat(geometry(0, 100, 0, 100).label(40)).isEqualTo("0.04 s");

        TimelineGeometry minutes = geometry(0, 600_000, 0, 600_000);
        assertThat(minutes.clock()).isTrue();
        assertThat(minutes.label(80_000)).isEqualTo("1:20");
        assertThat(minutes.label(0)).isEqualTo("0:00");
        assertThat(geometry(0, 600_000, 80_000, 82_000).label(80_500)).as("zoomed into a long trace").isEqualTo("1:20.5");
        assertThat(geometry(0, 7_200_000, 0, 7_200_000).label(3_723_000)).isEqualTo("1:02:03");
    }

    @Test
    void aTooltipTimeIsToTheMillisecond() {
        assertThat(TimelineGeometry.formatTime(12_345, false)).isEqualTo("12.345 s");
        assertThat(TimelineGeometry.formatTime(0, false)).isEqualTo("0.000 s");
        assertThat(TimelineGeometry.formatTime(-0.2, false)).isEqualTo("0.000 s");
        assertThat(TimelineGeometry.formatTime(-500, false)).isEqualTo("-0.500 s");
        assertThat(TimelineGeometry.formatTime(80_345, true)).isEqualTo("1:20.345");
        assertThat(TimelineGeometry.formatTime(3_723_004, true)).isEqualTo("1:02:03.004");
        assertThat(TimelineGeometry.formatTime(59_999.6, true)).as("rounding carries into the minute").isEqualTo("1:00.000");
    }

    @Test
    void lanesStackUnderTheRulerInOrderAndTheAnswersStripIsThin() {
        TimelineGeometry g = geometry(0, 10_000, 0, 10_000);
        TimelineLane[] stacked = {TimelineLane.FAULTS, TimelineLane.LEADERS, TimelineLane.INSTALLS, TimelineLane.ANSWERS};

        double bottom = g.trackTop();
        for (TimelineLane lane : stacked) {
            assertThat(g.laneTop(lane)).as(lane.name()).isGreaterThanOrEqualTo(bottom);
            bottom = g.laneTop(lane) + g.laneHeight(lane);
            assertThat(g.laneAt(g.laneTop(lane) + g.laneHeight(lane) / 2)).isEqualTo(lane);
        }
        assertThat(g.trackBottom()).isGreaterThanOrEqualTo(bottom);
        assertThat(g.laneHeight(TimelineLane.ANSWERS)).isLessThan(g.laneHeight(TimelineLane.FAULTS));
        assertThat(g.laneAt(g.rulerHeight() / 2)).as("the ruler").isNull();
        assertThat(g.laneAt(g.trackBottom() + 1)).isNull();
        assertThat(g.violationTop()).as("violations reach into the ruler").isLessThan(g.trackTop());
        assertThat(g.inViolationReach(g.laneTop(TimelineLane.ANSWERS))).isTrue();
        assertThat(g.height()).isGreaterThan(g.trackBottom());
    }

    @Test
    void aLargerFontEnlargesTheWholeStrip() {
        TimelineGeometry normal = new TimelineGeometry(1016, 11, 0, 10_000, 0, 10_000);
        TimelineGeometry presenter = new TimelineGeometry(1016, 17, 0, 10_000, 0, 10_000);

        assertThat(presenter.height()).isGreaterThan(normal.height() * 1.3);
        assertThat(presenter.hitRadius()).isGreaterThan(normal.hitRadius());
        assertThat(presenter.tickStep()).isGreaterThanOrEqualTo(normal.tickStep());
    }
}
