package paxosviz.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects violations, keeping the first {@value #KEPT_PER_KIND} of each kind: one broken
 * run can break thousands of slots the same way, and a report should stay readable.
 */
final class ViolationList {

    static final int KEPT_PER_KIND = 100;

    private final List<Violation> kept = new ArrayList<>();
    private final Map<String, Long> countByKind = new LinkedHashMap<>();

    void add(Violation violation) {
        long count = countByKind.merge(violation.kind(), 1L, Long::sum);
        if (count <= KEPT_PER_KIND) {
            kept.add(violation);
        }
    }

    /** Adds another list's violations, and its counts of those it did not keep. */
    void addAll(ViolationList other) {
        for (Violation violation : other.kept) {
            add(violation);
        }
        other.countByKind.forEach((kind, count) -> {
            long notKept = count - Math.min(count, KEPT_PER_KIND);
            if (notKept > 0) {
                countByKind.merge(kind, notKept, Long::sum);
            }
        });
    }

    /** How many violations were added, kept or not. */
    long total() {
        long total = 0;
        for (long count : countByKind.values()) {
            total += count;
        }
        return total;
    }

    long count(String kind) {
        return countByKind.getOrDefault(kind, 0L);
    }

    boolean isEmpty() {
        return countByKind.isEmpty();
    }

    ViolationList copy() {
        ViolationList copy = new ViolationList();
        copy.kept.addAll(kept);
        copy.countByKind.putAll(countByKind);
        return copy;
    }

    /** The kept violations in trace order. */
    List<Violation> inTraceOrder() {
        List<Violation> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingLong(Violation::seq));
        return sorted;
    }

    /** One note per kind that had more violations than were kept. */
    List<String> omissions() {
        List<String> notes = new ArrayList<>();
        countByKind.forEach((kind, count) -> {
            if (count > KEPT_PER_KIND) {
                notes.add(kind + ": " + (count - KEPT_PER_KIND) + " more violations not listed");
            }
        });
        return notes;
    }
}
