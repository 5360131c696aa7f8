package paxosviz.check;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Lowe's memo for the linearizability search, strengthened for operations whose outcome is
 * unknown. A search state is (value, placed known-outcome operations, placed unknown-outcome
 * operations). A state is as good as explored when one with the same value and known part and
 * a subset of its unknown part was: an unknown-outcome operation may also never be placed, so
 * the state with fewer of them placed can do everything this one can. Exact repeats are the
 * special case of equal sets.
 */
final class ExploredStates {

    /** Per key, the unknown parts seen with it: one long[] (the common case) or a long[][]. */
    private final HashMap<LinearizedSet.Key, Object> unknownPartsByKey = new HashMap<>();

    /** Records the state and returns true, or returns false when a state at least as good was explored. */
    boolean add(LinearizedSet.Key key, long[] unknownPlaced) {
        Object seen = unknownPartsByKey.get(key);
        if (seen == null) {
            unknownPartsByKey.put(key, unknownPlaced);
            return true;
        }
        long[][] parts = seen instanceof long[] ? new long[][] {(long[]) seen} : (long[][]) seen;
        for (long[] fewer : parts) {
            if (isSubset(fewer, unknownPlaced)) {
                return false;
            }
        }
        long[][] more = Arrays.copyOf(parts, parts.length + 1);
        more[parts.length] = unknownPlaced;
        unknownPartsByKey.put(key, more);
        return true;
    }

    private static boolean isSubset(long[] small, long[] large) {
        if (small.length > large.length) {
            return false; // bit sets carry no trailing zero words, so small has a bit large lacks
        }
        for (int i = 0; i < small.length; i++) {
            if ((small[i] & ~large[i]) != 0) {
                return false;
            }
        }
        return true;
    }
}
