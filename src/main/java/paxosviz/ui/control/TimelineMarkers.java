package paxosviz.ui.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.paint.Color;

/**
 * An immutable set of {@link TimelineMarker}s in trace order — by time, then by sequence
 * number — with an index per category, so that finding the next or previous marker of some
 * categories is a binary search per category, and the markers of a time window are one
 * contiguous index range.
 *
 * <p>Next and previous are strict: a marker exactly at the time asked about is neither after
 * nor before it, so jumping to the next marker and asking again moves on. Several markers at
 * one time are one stop for the time-based methods; the marker-based ones
 * ({@link #next(TimelineMarker, Set)}) step through them one by one in sequence order. A null
 * set of categories means every category; an empty set means none (the answer is then null).
 */
public final class TimelineMarkers {

    /** Trace order: time, then sequence number. */
    public static final Comparator<TimelineMarker> ORDER =
            Comparator.comparingDouble(TimelineMarker::t).thenComparingLong(TimelineMarker::seq);

    private static final TimelineMarkers EMPTY = new TimelineMarkers(List.of());

    private final TimelineMarker[] markers;
    private final double[] times;
    private final byte[] lanes;
    private final Color[] colors;
    /** For each category, the indices of its markers, ascending. */
    private final Map<String, int[]> byCategory;

    public TimelineMarkers(Collection<TimelineMarker> source) {
        markers = source.toArray(new TimelineMarker[0]);
        Arrays.sort(markers, ORDER);
        int n = markers.length;
        times = new double[n];
        lanes = new byte[n];
        colors = new Color[n];
        Map<String, TimelineLane> laneOfCategory = new HashMap<>();
        Map<String, IntList> indices = new HashMap<>();
        for (int i = 0; i < n; i++) {
            TimelineMarker marker = markers[i];
            times[i] = marker.t();
            lanes[i] = (byte) laneOfCategory.computeIfAbsent(marker.category(), TimelineLane::of).ordinal();
            colors[i] = marker.color();
            indices.computeIfAbsent(marker.category(), c -> new IntList()).add(i);
        }
        Map<String, int[]> map = new HashMap<>();
        indices.forEach((category, list) -> map.put(category, list.toArray()));
        byCategory = Map.copyOf(map);
    }

    public static TimelineMarkers empty() {
        return EMPTY;
    }

    public int size() {
        return markers.length;
    }

    public boolean isEmpty() {
        return markers.length == 0;
    }

    /** The {@code index}-th marker in trace order. */
    public TimelineMarker get(int index) {
        return markers[index];
    }

    public List<TimelineMarker> asList() {
        return List.of(markers);
    }

    /** The categories present, in no particular order. */
    public Set<String> categories() {
        return byCategory.keySet();
    }

    /** How many markers of a category there are. */
    public int count(String category) {
        int[] of = byCategory.get(category);
        return of == null ? 0 : of.length;
    }

    double time(int index) {
        return times[index];
    }

    int laneOrdinal(int index) {
        return lanes[index];
    }

    Color color(int index) {
        return colors[index];
    }

    // ---------------------------------------------------------------- searching

    /** The index of the first marker at or after {@code t} ({@link #size()} if none). */
    public int firstAtOrAfter(double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first marker strictly after {@code t} ({@link #size()} if none). */
    public int firstAfter(double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first marker that comes after {@code marker} in trace order, present or not. */
    private int firstAfter(TimelineMarker marker) {
        int lo = firstAtOrAfter(marker.t());
        int hi = firstAfter(marker.t());
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (markers[mid].seq() <= marker.seq()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first marker at or after {@code marker} in trace order. */
    private int firstAtOrAfter(TimelineMarker marker) {
        int lo = firstAtOrAfter(marker.t());
        int hi = firstAfter(marker.t());
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (markers[mid].seq() < marker.seq()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The nearest marker strictly after {@code fromMillis} in one of {@code categories}, or null. */
    public TimelineMarker next(double fromMillis, Set<String> categories) {
        return at(firstFrom(firstAfter(fromMillis), categories));
    }

    /** The nearest marker strictly before {@code fromMillis} in one of {@code categories}, or null. */
    public TimelineMarker previous(double fromMillis, Set<String> categories) {
        return at(lastBefore(firstAtOrAfter(fromMillis), categories));
    }

    /** The marker right after {@code marker} in trace order among {@code categories}, or null. */
    public TimelineMarker next(TimelineMarker marker, Set<String> categories) {
        return at(firstFrom(firstAfter(marker), categories));
    }

    /** The marker right before {@code marker} in trace order among {@code categories}, or null. */
    public TimelineMarker previous(TimelineMarker marker, Set<String> categories) {
        return at(lastBefore(firstAtOrAfter(marker), categories));
    }

    private TimelineMarker at(int index) {
        return index < 0 ? null : markers[index];
    }

    /** The smallest index at or after {@code start} whose marker is in one of the categories, or -1. */
    private int firstFrom(int start, Set<String> categories) {
        if (categories == null) {
            return start < markers.length ? start : -1;
        }
        int best = -1;
        for (String category : categories) {
            int[] of = byCategory.get(category);
            if (of == null) {
                continue;
            }
            int k = Arrays.binarySearch(of, start);
            k = k >= 0 ? k : -k - 1;
            if (k < of.length && (best < 0 || of[k] < best)) {
                best = of[k];
            }
        }
        return best;
    }

    /** The largest index before {@code end} whose marker is in one of the categories, or -1. */
    private int lastBefore(int end, Set<String> categories) {
        if (categories == null) {
            return end - 1;
        }
        int best = -1;
        for (String category : categories) {
            int[] of = byCategory.get(category);
            if (of == null) {
                continue;
            }
            int k = Arrays.binarySearch(of, end);
            k = (k >= 0 ? k : -k - 1) - 1;
            if (k >= 0 && of[k] > best) {
                best = of[k];
            }
        }
        return best;
    }

    /** Every marker from {@code from} to {@code until}, both included, in trace order. */
    public List<TimelineMarker> between(double from, double until) {
        int lo = firstAtOrAfter(from);
        int hi = firstAfter(until);
        return lo >= hi ? List.of() : new ArrayList<>(Arrays.asList(markers).subList(lo, hi));
    }

    /** A growable int array, so that indexing 50,000 markers does not box 50,000 Integers. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
