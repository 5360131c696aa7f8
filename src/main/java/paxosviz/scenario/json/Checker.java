package paxosviz.scenario.json;

import java.util.List;

import paxosviz.BadInputException;

/**
 * Type checks on located values. Every error names the source, the value's line and column,
 * and the field path, e.g. {@code bad.json: line 14, column 17: steps[2].node: node 7 is out of range 0..4}.
 */
final class Checker {

    private final String source;

    Checker(String source) {
        this.source = source;
    }

    BadInputException fail(JsonValue at, String path, String problem) {
        String field = path.isEmpty() ? "" : path + ": ";
        return new BadInputException(source + ": " + at.at().prefix() + field + problem);
    }

    Fields object(JsonValue value, String path) throws BadInputException {
        if (value instanceof JsonValue.Obj obj) {
            return new Fields(this, obj, path);
        }
        throw wrongType(value, path, "an object");
    }

    List<JsonValue> array(JsonValue value, String path) throws BadInputException {
        if (value instanceof JsonValue.Arr arr) {
            return arr.items();
        }
        throw wrongType(value, path, "an array");
    }

    String string(JsonValue value, String path) throws BadInputException {
        if (value instanceof JsonValue.Str str) {
            return str.value();
        }
        throw wrongType(value, path, "a string");
    }

    boolean bool(JsonValue value, String path) throws BadInputException {
        if (value instanceof JsonValue.Bool bool) {
            return bool.value();
        }
        throw wrongType(value, path, "true or false");
    }

    double number(JsonValue value, String path) throws BadInputException {
        if (value instanceof JsonValue.Num num) {
            if (!Double.isFinite(num.value())) {
                throw fail(value, path, "the number " + num.text() + " is too large");
            }
            return num.value();
        }
        throw wrongType(value, path, "a number");
    }

    long integer(JsonValue value, String path) throws BadInputException {
        if (value instanceof JsonValue.Num num && num.exact() != null) {
            return num.exact();
        }
        throw wrongType(value, path, "an integer");
    }

    /** An integer in {@code min..max}; the message shows the range. */
    int integerIn(JsonValue value, String path, int min, int max) throws BadInputException {
        long n = integer(value, path);
        if (n < min || n > max) {
            throw fail(value, path, "must be between " + min + " and " + max + ", got " + n);
        }
        return (int) n;
    }

    /** A node index of a cluster of {@code nodes} nodes. */
    int nodeIndex(JsonValue value, String path, int nodes) throws BadInputException {
        long n = integer(value, path);
        if (n < 0 || n >= nodes) {
            throw fail(value, path, "node " + n + " is out of range 0.." + (nodes - 1));
        }
        return (int) n;
    }

    /** A number {@code >= min} (or {@code > min} when {@code strict}). */
    double numberAtLeast(JsonValue value, String path, double min, boolean strict) throws BadInputException {
        double n = number(value, path);
        if (strict ? n <= min : n < min) {
            throw fail(value, path, "must be " + (strict ? "> " : ">= ") + format(min) + ", got " + value.describe());
        }
        return n;
    }

    /** A probability. */
    double fraction(JsonValue value, String path) throws BadInputException {
        double n = number(value, path);
        if (n < 0 || n > 1) {
            throw fail(value, path, "must be between 0 and 1, got " + value.describe());
        }
        return n;
    }

    /** A {@code [min, max]} pair of numbers with {@code lowest <= min <= max}. */
    double[] range(JsonValue value, String path, double lowest, boolean strict) throws BadInputException {
        List<JsonValue> items = array(value, path);
        if (items.size() != 2) {
            throw fail(value, path, "expected [min, max], got an array of " + items.size() + " values");
        }
        double min = numberAtLeast(items.get(0), path + "[0]", lowest, strict);
        double max = number(items.get(1), path + "[1]");
        if (max < min) {
            throw fail(value, path, "min " + items.get(0).describe() + " is greater than max " + items.get(1).describe());
        }
        return new double[] {min, max};
    }

    private BadInputException wrongType(JsonValue value, String path, String expected) {
        return fail(value, path, "expected " + expected + ", got " + value.describe());
    }

    private static String format(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }
}
