package paxosviz.check;

import java.util.Arrays;
import java.util.HashMap;
import java.util.function.Supplier;

/**
 * Numbers the string values a key can hold so that equal contents always get the same id.
 * States then compare in O(1), and an append costs O(1) instead of copying an ever longer
 * string: a long value is kept as a tree of concatenations. A value is found by a polynomial
 * hash of its content and then compared character by character, so ids are exact, never
 * merely probable. Id {@link #MISSING} stands for an absent key (null).
 */
final class ValueTable {

    static final int MISSING = 0;

    private static final long BASE = 0x9E3779B97F4A7C15L;

    /** Leaf ids hold text; concatenation ids hold left and right (text is null). */
    private String[] text = new String[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private long[] length = new long[64];
    private long[] hash = new long[64];
    /** BASE to the power of the length: what appending this value multiplies a hash by. */
    private long[] power = new long[64];
    /** Chains ids whose contents share a hash. */
    private int[] nextWithHash = new int[64];
    private int size = 1;

    private final HashMap<String, Integer> leafIds = new HashMap<>();
    private final HashMap<Long, Integer> concatIds = new HashMap<>();
    private final HashMap<Long, Integer> firstWithHash = new HashMap<>();

    /** The id of {@code value}; null is {@link #MISSING}. */
    int of(String value) {
        if (value == null) {
            return MISSING;
        }
        Integer known = leafIds.get(value);
        if (known != null) {
            return known;
        }
        long h = 0;
        long p = 1;
        for (int i = 0; i < value.length(); i++) {
            h = h * BASE + value.charAt(i);
            p *= BASE;
        }
        int id = lookup(h, value.length(), () -> value);
        if (id < 0) {
            id = add(value, 0, 0, value.length(), h, p);
            firstWithHash.merge(h, id, (first, added) -> chain(added, first));
        }
        leafIds.put(value, id);
        return id;
    }

    /** The id of the value {@code current} with {@code piece} appended; appending to a missing key starts from empty. */
    int append(int current, int piece) {
        if (current == MISSING || length[current] == 0) {
            return piece == MISSING ? of("") : piece;
        }
        if (piece == MISSING || length[piece] == 0) {
            return current;
        }
        long memoKey = ((long) current << 32) | piece;
        Integer known = concatIds.get(memoKey);
        if (known != null) {
            return known;
        }
        long h = hash[current] * power[piece] + hash[piece];
        long len = length[current] + length[piece];
        int id = lookup(h, len, () -> text(current) + text(piece));
        if (id < 0) {
            id = add(null, current, piece, len, h, power[current] * power[piece]);
            firstWithHash.merge(h, id, (first, added) -> chain(added, first));
        }
        concatIds.put(memoKey, id);
        return id;
    }

    /** The text of a value, or null for {@link #MISSING}; builds the string, so use it for messages and rare checks. */
    String text(int id) {
        if (id == MISSING) {
            return null;
        }
        StringBuilder out = new StringBuilder((int) Math.min(length[id], Integer.MAX_VALUE));
        int[] stack = new int[16];
        int depth = 0;
        stack[depth++] = id;
        while (depth > 0) {
            int top = stack[--depth];
            if (text[top] != null) {
                out.append(text[top]);
                continue;
            }
            if (depth + 2 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[depth++] = right[top];
            stack[depth++] = left[top];
        }
        return out.toString();
    }

    /**
     * An existing id with this hash and length whose text is {@code content}, or -1. The content
     * is spelled out only when a candidate turns up, which for a new value is almost never.
     */
    private int lookup(long h, long len, Supplier<String> content) {
        Integer first = firstWithHash.get(h);
        String spelled = null;
        for (int id = first == null ? -1 : first; id >= 0; id = nextWithHash[id]) {
            if (length[id] != len) {
                continue;
            }
            if (spelled == null) {
                spelled = content.get();
            }
            if (spelled.equals(text(id))) {
                return id;
            }
        }
        return -1;
    }

    private int chain(int added, int first) {
        nextWithHash[added] = first;
        return added;
    }

    private int add(String leaf, int l, int r, long len, long h, long p) {
        if (size == text.length) {
            int capacity = size * 2;
            text = Arrays.copyOf(text, capacity);
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
            length = Arrays.copyOf(length, capacity);
            hash = Arrays.copyOf(hash, capacity);
            power = Arrays.copyOf(power, capacity);
            nextWithHash = Arrays.copyOf(nextWithHash, capacity);
        }
        int id = size++;
        text[id] = leaf;
        left[id] = l;
        right[id] = r;
        length[id] = len;
        hash[id] = h;
        power[id] = p;
        nextWithHash[id] = -1;
        return id;
    }
}
