package paxosviz.trace.json;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import paxosviz.BadInputException;

/**
 * One JSON value on one trace line, with its path, so that any type error names the file, the
 * line and the field: {@code trace.jsonl: line 57: field "slot": expected an integer, got "x"}.
 * A missing member is a Field with no value; it fails only when read. The line itself is a
 * {@link LineTape}; a Field is a position on it.
 */
final class Field {

    /** Where the line is, how many nodes the trace has (to check node indices), and the line's values. */
    record Line(String source, long number, int nodes, LineTape tape) {

        /** A line whose values are not read: for a message about the line as a whole. */
        Line(String source, long number, int nodes) {
            this(source, number, nodes, null);
        }

        BadInputException fail(String problem) {
            return new BadInputException(source + ": line " + number + ": " + problem);
        }
    }

    private static final int SHOWN_CHARS = 40;

    private static final int MISSING = -1;

    private final Line line;
    /** The value's index on the line's tape, or {@link #MISSING}. */
    private final int at;
    private final Field parent;
    /** The member name, or null for an array item; built into a path only for an error. */
    private final String name;
    /** The array index of an item. */
    private final int index;

    private Field(Line line, int at, Field parent, String name, int index) {
        this.line = line;
        this.at = at;
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The line's value, the first on its tape. */
    static Field root(Line line) {
        return new Field(line, 0, null, "", -1);
    }

    /** The tables that share repeated values among the events of one read. */
    Shared shared() {
        return line.tape().shared();
    }

    private byte kind() {
        return at == MISSING ? 0 : line.tape().kind(at);
    }

    /** {@code msg.votes[0].ballot}. */
    private String path() {
        if (parent == null) {
            return name;
        }
        String above = parent.path();
        if (name == null) {
            return above + "[" + index + "]";
        }
        return above.isEmpty() ? name : above + "." + name;
    }

    Line line() {
        return line;
    }

    /** The JSON as a Jackson tree, null when missing; built on each call, for the rare reader that needs one. */
    JsonNode node() {
        return at == MISSING ? null : line.tape().tree(at);
    }

    /** A member of this object (present or not); this must be an object. */
    Field get(String name) throws BadInputException {
        requireObject();
        return new Field(line, line.tape().member(at, name), this, name, -1);
    }

    /** Present and not JSON null. */
    boolean present() {
        return at != MISSING && line.tape().kind(at) != LineTape.NULL;
    }

    /** Present, possibly JSON null. */
    boolean exists() {
        return at != MISSING;
    }

    BadInputException fail(String problem) {
        return line.fail("field \"" + path() + "\": " + problem);
    }

    Field requireObject() throws BadInputException {
        if (kind() != LineTape.OBJECT) {
            throw wrongType("an object");
        }
        return this;
    }

    List<Field> items() throws BadInputException {
        if (kind() != LineTape.ARRAY) {
            throw wrongType("an array");
        }
        List<Field> items = new ArrayList<>(line.tape().count(at));
        int index = 0;
        for (int i = line.tape().firstChild(at), end = line.tape().end(at); i < end; i = line.tape().next(i)) {
            items.add(new Field(line, i, this, null, index++));
        }
        return items;
    }

    long asLong() throws BadInputException {
        byte kind = kind();
        if (kind == LineTape.BIG_INT) {
            throw fail("the integer " + line.tape().scalarText(at) + " is too large");
        }
        if (kind != LineTape.INT) {
            throw wrongType("an integer");
        }
        return line.tape().longValue(at);
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
        return kind() == LineTape.INT && line.tape().longValue(at) >= 0 && line.tape().longValue(at) < line.nodes();
    }

    double asDouble() throws BadInputException {
        byte kind = kind();
        if (kind != LineTape.INT && kind != LineTape.BIG_INT && kind != LineTape.FLOAT) {
            throw wrongType("a number");
        }
        double value = line.tape().doubleValue(at);
        if (!Double.isFinite(value)) {
            throw fail("the number " + value + " is too large");
        }
        return value;
    }

    boolean asBoolean() throws BadInputException {
        byte kind = kind();
        if (kind != LineTape.TRUE && kind != LineTape.FALSE) {
            throw wrongType("true or false");
        }
        return kind == LineTape.TRUE;
    }

    boolean isIntegral() {
        byte kind = kind();
        return kind == LineTape.INT || kind == LineTape.BIG_INT;
    }

    boolean isString() {
        return kind() == LineTape.STRING;
    }

    String asString() throws BadInputException {
        if (!isString()) {
            throw wrongType("a string");
        }
        return line.tape().text(at);
    }

    /** A string, or null when JSON null or missing. */
    String asStringOrNull() throws BadInputException {
        return present() ? asString() : null;
    }

    /** "missing", or what was expected and what is there. */
    BadInputException wrongType(String expected) {
        return fail(at == MISSING ? "missing" : "expected " + expected + ", got " + describe());
    }

    /** How a message shows the value: {@code "x"}, {@code 7.5}, {@code null}, {@code an object}. */
    String describe() {
        switch (kind()) {
            case 0:
                return "nothing";
            case LineTape.STRING:
                String text = line.tape().text(at);
                String shown = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
                return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + '"';
            case LineTape.OBJECT:
                return "an object";
            case LineTape.ARRAY:
                return "an array";
            default:
                return line.tape().scalarText(at);
        }
    }
}
