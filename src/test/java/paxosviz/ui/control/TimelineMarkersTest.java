package paxosviz.ui.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Finding markers by time and category, without a display. */
class TimelineMarkersTest {

    private static final TimelineMarker CRASH_1 = TimelineMarker.of(1_000, 1, "crash", "crash n1");
    private static final TimelineMarker LEADER_2 = TimelineMarker.of(2_000, 2, "leader", "n0 leads");
    private static final TimelineMarker ANSWER_3 = TimelineMarker.of(2_000, 3, "answer", "alice#1 ok");
    private static final TimelineMarker CRASH_4 = TimelineMarker.of(3_000, 4, "crash", "crash n2");
    private static final TimelineMarker VIOLATION_5 = TimelineMarker.of(3_000, 5, "violation", "two values for slot 7");
    private static final TimelineMarker RESTART_6 = TimelineMarker.of(5_000, 6, "restart", "restart n1");

    /** Given out of order on purpose. */
    private static final TimelineMarkers MARKERS =
            new TimelineMarkers(List.of(RESTART_6, VIOLATION_5, ANSWER_3, CRASH_1, CRASH_4, LEADER_2));

    private static final Set<String> CRASHES = Set.of("crash");

    @Test
    void markersAreKeptInTraceOrder() {
        assertThat(MARKERS.asList()).containsExactly(CRASH_1, LEADER_2, ANSWER_3, CRASH_4, VIOLATION_5, RESTART_6);
        assertThat(MARKERS.between(2_000, 3_000)).containsExactly(LEADER_2, ANSWER_3, CRASH_4, VIOLATION_5);
        assertThat(MARKERS.between(3_500, 4_000)).isEmpty();
        assertThat(MARKERS.categories()).containsExactlyInAnyOrder("crash", "leader", "answer", "violation", "restart");
        assertThat(MARKERS.count("crash")).isEqualTo(2);
        assertThat(MARKERS.count("install")).isZero();
    }

    @Test
    void nextAndPreviousFindTheNearestMarkerOfTheChosenCategories() {
        assertThat(MARKERS.next(0, CRASHES)).isEqualTo(CRASH_1);
        assertThat(MARKERS.next(1_500, CRASHES)).isEqualTo(CRASH_4);
        assertThat(MARKERS.previous(10_000, CRASHES)).isEqualTo(CRASH_4);
        assertThat(MARKERS.previous(2_999, CRASHES)).isEqualTo(CRASH_1);
        assertThat(MARKERS.next(3_500, Set.of("crash", "restart"))).isEqualTo(RESTART_6);
        assertThat(MARKERS.previous(4_000, Set.of("leader", "restart"))).isEqualTo(LEADER_2);
        assertThat(MARKERS.next(0, Set.of("violation", "restart"))).isEqualTo(VIOLATION_5);
    }

    @Test
    void anExactHitIsNeitherNextNorPreviousSoRepeatedJumpsMoveOn() {
        assertThat(MARKERS.next(1_000, CRASHES)).isEqualTo(CRASH_4);
        assertThat(MARKERS.previous(3_000, CRASHES)).isEqualTo(CRASH_1);

        List<TimelineMarker> visited = new ArrayList<>();
        double at = Double.NEGATIVE_INFINITY;
        for (TimelineMarker m = MARKERS.next(at, null); m != null; m = MARKERS.next(at, null)) {
            visited.add(m);
            at = m.t();
        }
        assertThat(visited).as("one stop per instant").containsExactly(CRASH_1, LEADER_2, CRASH_4, RESTART_6);
    }

    @Test
    void noMarkerBeyondTheEndsOrOfAnAbsentCategory() {
        assertThat(MARKERS.next(3_000, CRASHES)).isNull();
        assertThat(MARKERS.previous(1_000, CRASHES)).isNull();
        assertThat(MARKERS.next(5_000, null)).isNull();
        assertThat(MARKERS.previous(1_000, null)).isNull();
        assertThat(MARKERS.next(0, Set.of("install"))).isNull();
        assertThat(MARKERS.next(0, Set.of())).as("no category chosen").isNull();
        assertThat(TimelineMarkers.empty().next(0, null)).isNull();
        assertThat(TimelineMarkers.empty().previous(0, CRASHES)).isNull();
    }

    @Test
    void nullCategoriesMeanAnyAndMarkersAtOneTimeComeInSequenceOrder() {
        assertThat(MARKERS.next(1_500, null)).isEqualTo(LEADER_2);
        assertThat(MARKERS.previous(2_500, null)).as("the later of two at one time").isEqualTo(ANSWER_3);
        assertThat(MARKERS.next(2_000, null)).isEqualTo(CRASH_4);
        assertThat(MARKERS.previous(2_000, null)).isEqualTo(CRASH_1);
    }

    @Test
    void stepingFromAMarkerVisitsEachOfSeveralAtOneTime() {
        assertThat(MARKERS.next(LEADER_2, null)).isEqualTo(ANSWER_3);
        assertThat(MARKERS.next(ANSWER_3, null)).isEqualTo(CRASH_4);
        assertThat(MARKERS.next(CRASH_4, null)).isEqualTo(VIOLATION_5);
        assertThat(MARKERS.previous(VIOLATION_5, null)).isEqualTo(CRASH_4);
        assertThat(MARKERS.previous(ANSWER_3, null)).isEqualTo(LEADER_2);
        assertThat(MARKERS.next(CRASH_4, CRASHES)).isNull();
        assertThat(MARKERS.previous(CRASH_4, CRASHES)).isEqualTo(CRASH_1);
        TimelineMarker absent = TimelineMarker.of(2_000, 99, "crash", "not in the set");
        assertThat(MARKERS.next(absent, null)).as("a marker not in the set steps from its place").isEqualTo(CRASH_4);
        assertThat(MARKERS.previous(absent, null)).isEqualTo(ANSWER_3);
    }

    @Test
    void searchesAgreeWithAScanOnManyRandomMarkers() {
        Random random = new Random(7);
        String[] categories = {"crash", "restart", "leader", "install", "answer", "violation", "link"};
        List<TimelineMarker> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            all.add(TimelineMarker.of(random.nextInt(2_000), i, categories[random.nextInt(categories.length)], "m" + i));
        }
        Collections.shuffle(all, random);
        TimelineMarkers markers = new TimelineMarkers(all);
        List<TimelineMarker> ordered = new ArrayList<>(all);
        ordered.sort(TimelineMarkers.ORDER);
        for (int probe = 0; probe < 500; probe++) {
            double t = random.nextInt(2_100) - 50 + (probe % 2) * 0.5;
            Set<String> chosen = new HashSet<>(List.of(categories[random.nextInt(categories.length)],
                    categories[random.nextInt(categories.length)]));
            TimelineMarker next = ordered.stream().filter(m -> m.t() > t && chosen.contains(m.category())).findFirst().orElse(null);
            TimelineMarker previous = ordered.stream().filter(m -> m.t() < t && chosen.contains(m.category()))
                    .reduce((a, b) -> b).orElse(null);
            assertThat(markers.next(t, chosen)).isEqualTo(next);
            assertThat(markers.previous(t, chosen)).isEqualTo(previous);
        }
    }

    @Test
    void categoriesFallIntoLanes() {
        assertThat(TimelineLane.of("crash")).isEqualTo(TimelineLane.FAULTS);
        assertThat(TimelineLane.of("Partition")).as("any case").isEqualTo(TimelineLane.FAULTS);
        assertThat(TimelineLane.of("link")).isEqualTo(TimelineLane.FAULTS);
        assertThat(TimelineLane.of("restart")).isEqualTo(TimelineLane.FAULTS);
        assertThat(TimelineLane.of("leader")).isEqualTo(TimelineLane.LEADERS);
        assertThat(TimelineLane.of("install")).isEqualTo(TimelineLane.INSTALLS);
        assertThat(TimelineLane.of("something new")).isEqualTo(TimelineLane.INSTALLS);
        assertThat(TimelineLane.of("answer")).isEqualTo(TimelineLane.ANSWERS);
        assertThat(TimelineLane.of("violation")).isEqualTo(TimelineLane.VIOLATIONS);
    }

    @Test
    void aMarkerWithoutColourOrLabelTakesItsCategorysAndARangeIsPutInOrder() {
        TimelineMarker plain = new TimelineMarker(5, 1, "violation", null, null);
        assertThat(plain.color()).isEqualTo(Color.web("#D55E00"));
        assertThat(plain.label()).isEqualTo("violation");
        assertThat(new TimelineMarker(5, 1, "answer", Color.RED, "x").color()).isEqualTo(Color.RED);
        assertThatThrownBy(() -> TimelineMarker.of(Double.NaN, 1, "crash", "x")).isInstanceOf(IllegalArgumentException.class);

        TimeRange range = new TimeRange(900, 100);
        assertThat(range.from()).isEqualTo(100);
        assertThat(range.until()).isEqualTo(900);
        assertThat(range.length()).isEqualTo(800);
        assertThat(range.contains(900)).isTrue();
        assertThatThrownBy(() -> new TimeRange(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
