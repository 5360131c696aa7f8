package paxosviz.trace.json;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import paxosviz.BadInputException;

/**
 * One JSON value on one trace line, with its path, so that any type error names the file, the
 * line and the field: {@code trace.jsonl: line 57: field "slot": expected an integer, got "x"}.
 * A missing member is a Field whose node is null; it fails only when read.
 */
final class Field {

    /** Where the line is, and how many nodes the trace has (to check node indices). */
    record Line(String source, long number, int nodes) {
        BadInputException fail(String problem) {
            return new BadInputException(source + ": line " + number + ": " + problem);
        }
    }

    private static final int SHOWN_CHARS = 40;

    private final Line line;
    private final JsonNode node;
    private final Field parent;
    /** The member name, or the array index as text in brackets; built into a path only for an error. */
    private final String step;

    private Field(Line line, JsonNode node, Field parent, String step) {
        this.line = line;
        this.node = node;
        this.parent = parent;
        this.step = step;
    }

    static Field root(Line line, JsonNode node) {
        return new Field(line, node, null, "");
    }

    /** {@code msg.votes[0].ballot}. */
    private String path() {
        if (parent == null) {
            return step;
        }
        String above = parent.path();
        return above.isEmpty() || step.startsWith("[") ? above + step : above + "." + step;
    }

    Line line() {
        return line;
    }

    /** The JSON itself, null when missing. */
    JsonNode node() {
        return node;
    }

    /** A member of this object (present or not); this must be an object. */
    Field get(String name) throws BadInputException {
        requireObject();
        return new Field(line, node.get(name), this, name);
    }

    /** Present and not JSON null. */
    boolean present() {
        return node != null && !node.isNull();
    }

    /** Present, possibly JSON null. */
    boolean exists() {
        return node != null;
    }

    BadInputException fail(String problem) {
        return line.fail("field \"" + path() + "\": " + problem);
    }

    Field requireObject() throws BadInputException {
        if (node == null || !node.isObject()) {
            throw wrongType("an object");
        }
        return this;
    }

    List<Field> items() throws BadInputException {
        if (node == null || !node.isArray()) {
            throw wrongType("an array");
        }
        List<Field> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(new Field(line, node.get(i), this, "[" + i + "]"));
        }
        return items;
    }

    long asLong() throws BadInputException {
        if (node == null || !node.isIntegralNumber()) {
            throw wrongType("an integer");
        }
        if (!node.canConvertToLong()) {
            throw fail("the integer " + node.asText() + " is too large");
        }
        return node.longValue();
    }

    int asInt() throws BadInputException {
        long value = asLong();
        if (value != (int) value) {
            throw fail("the integer " + value + " is too large");
        }
        return (int) value;
    }

    /** A node index of this trace's cluster. */
    int asNode() throws BadInputException {
        int value = asInt();
        if (value < 0 || value >= line.nodes()) {
            throw fail("node " + value + " is out of range 0.." + (line.nodes() - 1));
        }
        return value;
    }

    /** Whether this is an integer that {@link #asNode()} accepts. */
    boolean isNode() {
        return node != null && node.canConvertToInt() && node.isIntegralNumber()
                && node.intValue() >= 0 && node.intValue() < line.nodes();
    }

    double asDouble() throws BadInputException {
        if (node == null || !node.isNumber()) {
            throw wrongType("a number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw fail("the number " + node.asText() + " is too large");
        }
        return value;
    }

    boolean asBoolean() throws BadInputException {
        if (node == null || !node.isBoolean()) {
            throw wrongType("true or false");
        }
        return node.booleanValue();
    }

    boolean isIntegral() {
        return node != null && node.isIntegralNumber();
    }

    boolean isString() {
        return node != null && node.isTextual();
    }

    String asString() throws BadInputException {
        if (!isString()) {
            throw wrongType("a string");
        }
        return node.textValue();
    }

    /** A string, or null when JSON null or missing. */
    String asStringOrNull() throws BadInputException {
        return present() ? asString() : null;
    }

    /** "missing", or what was expected and what is there. */
    BadInputException wrongType(String expected) {
        return fail(node == null ? "missing" : "expected " + expected + ", got " + describe());
    }

    /** How a message shows the value: {@code "x"}, {@code 7.5}, {@code null}, {@code an object}. */
    String describe() {
        if (node == null) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String shown = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
            return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + '"';
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.toString();
    }
}
