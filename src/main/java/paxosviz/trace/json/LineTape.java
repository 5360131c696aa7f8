package paxosviz.trace.json;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The values of one trace line in a flat array, in document order, as Jackson's streaming
 * parser hands out their tokens; reused line after line, so reading a line builds no tree and no
 * map per object, and, through {@link Shared}, no string for a text seen recently. A container's
 * descendants follow it; {@code ends[i]} is the index after its last one, so the next sibling of
 * value {@code i} is {@code ends[i]}. {@link Field} navigates it. Jackson does the parsing and
 * enforces the limits; this only records what it read.
 */
final class LineTape {

    static final byte OBJECT = 1;
    static final byte ARRAY = 2;
    static final byte STRING = 3;
    /** An integer that fits in a long. */
    static final byte INT = 4;
    /** An integer that does not fit in a long; its digits are kept as text. */
    static final byte BIG_INT = 5;
    static final byte FLOAT = 6;
    static final byte TRUE = 7;
    static final byte FALSE = 8;
    static final byte NULL = 9;

    /** A tape that grew past this for one huge line shrinks back, so an idle reader holds little. */
    private static final int KEPT_CAPACITY = 1 << 16;
    private static final int INITIAL_CAPACITY = 1 << 10;

    private final Shared shared;

    private byte[] kinds = new byte[INITIAL_CAPACITY];
    private int[] ends = new int[INITIAL_CAPACITY];
    /** The member name of a value inside an object (interned by Jackson), else null. */
    private String[] names = new String[INITIAL_CAPACITY];
    /** An INT's value, a FLOAT's bits. */
    private long[] numbers = new long[INITIAL_CAPACITY];
    /** A STRING's text, a BIG_INT's digits. */
    private String[] texts = new String[INITIAL_CAPACITY];
    private int size;
    /** The containers open at the current token (Jackson bounds their depth). */
    private int[] open = new int[16];

    LineTape(Shared shared) {
        this.shared = shared;
    }

    Shared shared() {
        return shared;
    }

    /**
     * Records the parser's next value, token by token, up to its end: false if there is none.
     * Syntax errors and limits are the parser's, thrown as it finds them.
     */
    boolean read(JsonParser parser) throws IOException {
        if (kinds.length > KEPT_CAPACITY) {
            shrink();
        }
        size = 0;
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false;
        }
        int depth = 0;
        String name = null;
        while (true) {
            switch (token.id()) {
                case JsonTokenId.ID_FIELD_NAME:
                    name = parser.currentName();
                    token = next(parser);
                    continue;
                case JsonTokenId.ID_START_OBJECT:
                case JsonTokenId.ID_START_ARRAY:
                    if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = add(token == JsonToken.START_OBJECT ? OBJECT : ARRAY, name);
                    break;
                case JsonTokenId.ID_END_OBJECT:
                case JsonTokenId.ID_END_ARRAY:
                    ends[open[--depth]] = size;
                    break;
                case JsonTokenId.ID_STRING: {
                    int at = add(STRING, name); // before the array is named: adding may grow it
                    texts[at] = shared.text(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                    break;
                }
                case JsonTokenId.ID_NUMBER_INT: {
                    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        int at = add(BIG_INT, name);
                        texts[at] = parser.getText();
                    } else {
                        int at = add(INT, name);
                        numbers[at] = parser.getLongValue();
                    }
                    break;
                }
                case JsonTokenId.ID_NUMBER_FLOAT: {
                    int at = add(FLOAT, name);
                    numbers[at] = Double.doubleToRawLongBits(parser.getDoubleValue());
                    break;
                }
                case JsonTokenId.ID_TRUE:
                    add(TRUE, name);
                    break;
                case JsonTokenId.ID_FALSE:
                    add(FALSE, name);
                    break;
                case JsonTokenId.ID_NULL:
                    add(NULL, name);
                    break;
                default:
                    throw new IllegalStateException("unexpected token from a JSON parser: " + token);
            }
            if (depth == 0) {
                return true;
            }
            name = null;
            token = next(parser);
        }
    }

    /** The next token inside a value; Jackson reports the end of the input there itself, this is only a guard. */
    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new JsonEOFException(parser, null, "Unexpected end-of-input inside a value");
        }
        return token;
    }

    /** A value of this kind; its end is the next index, until a container's end is known. */
    private int add(byte kind, String name) {
        if (size == kinds.length) {
            grow();
        }
        int at = size++;
        kinds[at] = kind;
        names[at] = name;
        texts[at] = null;
        ends[at] = size;
        return at;
    }

    private void grow() {
        int capacity = kinds.length * 2;
        kinds = Arrays.copyOf(kinds, capacity);
        ends = Arrays.copyOf(ends, capacity);
        names = Arrays.copyOf(names, capacity);
        numbers = Arrays.copyOf(numbers, capacity);
        texts = Arrays.copyOf(texts, capacity);
    }

    private void shrink() {
        kinds = new byte[INITIAL_CAPACITY];
        ends = new int[INITIAL_CAPACITY];
        names = new String[INITIAL_CAPACITY];
        numbers = new long[INITIAL_CAPACITY];
        texts = new String[INITIAL_CAPACITY];
    }

    byte kind(int i) {
        return kinds[i];
    }

    /** The value of the last member of object {@code i} with this name (as Jackson's tree keeps the last), or -1. */
    int member(int i, String name) {
        int found = -1;
        for (int j = i + 1, end = ends[i]; j < end; j = ends[j]) {
            String key = names[j];
            // Names are interned, so the decoders' literals match by identity; the rest is a cheap
            // rejection (length and cached hash) before comparing characters.
            if (key == name || key.length() == name.length() && key.hashCode() == name.hashCode() && key.equals(name)) {
                found = j;
            }
        }
        return found;
    }

    int firstChild(int i) {
        return i + 1;
    }

    int next(int i) {
        return ends[i];
    }

    int end(int i) {
        return ends[i];
    }

    int count(int i) {
        int count = 0;
        for (int j = i + 1, end = ends[i]; j < end; j = ends[j]) {
            count++;
        }
        return count;
    }

    long longValue(int i) {
        return numbers[i];
    }

    double doubleValue(int i) {
        return switch (kinds[i]) {
            case INT -> numbers[i];
            case BIG_INT -> new BigInteger(texts[i]).doubleValue();
            default -> Double.longBitsToDouble(numbers[i]);
        };
    }

    String text(int i) {
        return texts[i];
    }

    /** Numbers and literals as Jackson's tree prints them. */
    String scalarText(int i) {
        return switch (kinds[i]) {
            case INT -> Long.toString(numbers[i]);
            case BIG_INT -> texts[i];
            case FLOAT -> Double.toString(Double.longBitsToDouble(numbers[i]));
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
            default -> texts[i];
        };
    }

    /** A Jackson tree of value {@code i}, for the few readers that want one (the header's scenario). */
    JsonNode tree(int i) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (kinds[i]) {
            case OBJECT: {
                ObjectNode object = nodes.objectNode();
                for (int j = i + 1; j < ends[i]; j = ends[j]) {
                    object.set(names[j], tree(j));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = nodes.arrayNode();
                for (int j = i + 1; j < ends[i]; j = ends[j]) {
                    array.add(tree(j));
                }
                return array;
            }
            case STRING:
                return nodes.textNode(texts[i]);
            case INT:
                long value = numbers[i];
                return value == (int) value ? nodes.numberNode((int) value) : nodes.numberNode(value);
            case BIG_INT:
                return nodes.numberNode(new BigInteger(texts[i]));
            case FLOAT:
                return nodes.numberNode(Double.longBitsToDouble(numbers[i]));
            case TRUE:
                return nodes.booleanNode(true);
            case FALSE:
                return nodes.booleanNode(false);
            default:
                return nodes.nullNode();
        }
    }
}
