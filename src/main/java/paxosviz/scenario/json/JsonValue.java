package paxosviz.scenario.json;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A parsed JSON value that remembers where it starts in the text, so that a semantic error
 * found after parsing (a node out of range, say) can still name the line.
 */
sealed interface JsonValue {

    Location at();

    /** How an error message shows the value: {@code "5"}, {@code 7.5}, {@code true}, {@code an array}. */
    String describe();

    /** A 1-based line and column; {@link #UNKNOWN} when the value came from a tree without positions. */
    record Location(int line, int column) {
        static final Location UNKNOWN = new Location(0, 0);

        /** {@code "line 14, column 17: "}, or nothing when unknown. */
        String prefix() {
            return line > 0 ? "line " + line + ", column " + column + ": " : "";
        }
    }

    /** Fields in their written order. */
    record Obj(Map<String, JsonValue> fields, Location at) implements JsonValue {
        public String describe() {
            return "an object";
        }
    }

    record Arr(List<JsonValue> items, Location at) implements JsonValue {
        public String describe() {
            return "an array";
        }
    }

    record Str(String value, Location at) implements JsonValue {
        private static final int SHOWN_CHARS = 40;

        public String describe() {
            String shown = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "..." : value;
            return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + '"';
        }
    }

    /**
     * A number as written ({@code text}), its value, and its exact value when it was written
     * as an integer that fits a long (null otherwise: {@code 5.0} is not an integer here).
     */
    record Num(String text, double value, Long exact, Location at) implements JsonValue {
        public String describe() {
            return text;
        }
    }

    record Bool(boolean value, Location at) implements JsonValue {
        public String describe() {
            return Boolean.toString(value);
        }
    }

    record Null(Location at) implements JsonValue {
        public String describe() {
            return "null";
        }
    }
}
