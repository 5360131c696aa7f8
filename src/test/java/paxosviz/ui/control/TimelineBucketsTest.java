package paxosviz.ui.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Gathering markers per pixel column, without a display. */
class TimelineBucketsTest {

    private static TimelineGeometry geometry(double visibleStart, double visibleEnd) {
        return new TimelineGeometry(1016, 11, 0, 60_000, visibleStart, visibleEnd); // 1,000 columns
    }

    @Test
    void fiftyThousandAnswersFillAtMostOneBucketPerColumn() {
        List<TimelineMarker> all = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            all.add(TimelineMarker.of(i * 1.2, i, "answer", "answer " + i));
        }
        all.add(TimelineMarker.of(30_000, 50_001, "crash", "crash n1"));
        TimelineBuckets buckets = new TimelineBuckets();

        TimelineMarkers markers = new TimelineMarkers(all);
        TimelineGeometry geometry = geometry(0, 60_000);
        buckets.fill(markers, geometry);
        long started = System.nanoTime();
        int rounds = 50;
        for (int i = 0; i < rounds; i++) {
            buckets.fill(markers, geometry);
        }
        System.out.printf("timeline buckets: 50,001 markers into %d columns in %.3f ms%n",
                buckets.columns(), (System.nanoTime() - started) / 1e6 / rounds);

        assertThat(buckets.columns()).isEqualTo(1000);
        assertThat(buckets.bucketed()).isEqualTo(50_001);
        assertThat(buckets.occupied(TimelineLane.ANSWERS)).isEqualTo(1000);
        int sum = 0;
        for (int column = 0; column < buckets.columns(); column++) {
            sum += buckets.count(TimelineLane.ANSWERS, column);
        }
        assertThat(sum).isEqualTo(50_000);
        assertThat(buckets.maxCount(TimelineLane.ANSWERS)).isBetween(50, 51);
        assertThat(buckets.occupied(TimelineLane.FAULTS)).isEqualTo(1);
        assertThat(buckets.count(TimelineLane.FAULTS, 500)).isEqualTo(1);
    }

    @Test
    void onlyTheWindowsMarkersAreGatheredAndTheLatestColourOfAColumnWins() {
        List<TimelineMarker> all = List.of(
                new TimelineMarker(9_000, 1, "crash", Color.ORANGE, "before the window"),
                new TimelineMarker(10_000, 2, "crash", Color.ORANGE, "at the start"),
                new TimelineMarker(10_004, 3, "restart", Color.SKYBLUE, "same column, later"),
                new TimelineMarker(15_000, 4, "violation", Color.RED, "in the middle"),
                new TimelineMarker(20_000, 5, "leader", Color.GREEN, "at the end"),
                new TimelineMarker(20_001, 6, "leader", Color.GREEN, "after the window"));
        TimelineBuckets buckets = new TimelineBuckets();
        buckets.fill(new TimelineMarkers(all), geometry(10_000, 20_000)); // 10 ms a column

        assertThat(buckets.bucketed()).isEqualTo(4);
        assertThat(buckets.count(TimelineLane.FAULTS, 0)).isEqualTo(2);
        assertThat(buckets.color(TimelineLane.FAULTS, 0)).isEqualTo(Color.SKYBLUE);
        assertThat(buckets.color(TimelineLane.VIOLATIONS, 500)).isEqualTo(Color.RED);
        assertThat(buckets.color(TimelineLane.LEADERS, 999)).as("the last instant, in the last column").isEqualTo(Color.GREEN);
        assertThat(buckets.color(TimelineLane.FAULTS, 1)).isNull();

        buckets.fill(new TimelineMarkers(all.subList(0, 1)), geometry(0, 60_000));
        assertThat(buckets.bucketed()).as("refilled from scratch").isEqualTo(1);
        assertThat(buckets.occupied(TimelineLane.VIOLATIONS)).isZero();
    }

    @Test
    void densityGrowsWithTheLogarithmOfTheCount() {
        assertThat(TimelineBuckets.densityLevel(1, 1)).isEqualTo(8);
        assertThat(TimelineBuckets.densityLevel(1, 1000)).isEqualTo(1);
        assertThat(TimelineBuckets.densityLevel(1000, 1000)).isEqualTo(8);
        assertThat(TimelineBuckets.densityLevel(31, 1000)).isBetween(4, 5);
    }
}
