package paxosviz.trace.json;

import java.math.BigInteger;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON value (a trace line) parsed into a flat array of values in document order, reused
 * line after line: reading a line allocates no tree, no map per object, no parser and, through
 * {@link Shared}, no string for a text seen recently. A container's descendants follow it;
 * {@code ends[i]} is the index after its last one, so the next sibling of value {@code i} is
 * {@code ends[i]}. The parser is this class's own, written for the one thing it reads (a line
 * of at most {@link TraceReader#MAX_LINE_BYTES}): it keeps Jackson's limits on nesting, tokens
 * and number length, and a test holds it to accept exactly what Jackson accepts.
 */
final class JsonTape {

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

    private final Shared shared;
    private static final int INITIAL_CAPACITY = 1 << 10;

    private byte[] kinds = new byte[INITIAL_CAPACITY];
    private int[] ends = new int[INITIAL_CAPACITY];
    /** The member name of a value inside an object (interned), else null. */
    private String[] names = new String[INITIAL_CAPACITY];
    /** An INT's value, a FLOAT's bits. */
    private long[] numbers = new long[INITIAL_CAPACITY];
    /** A STRING's text, a BIG_INT's digits. */
    private String[] texts = new String[INITIAL_CAPACITY];
    private int size;

    JsonTape(Shared shared) {
        this.shared = shared;
    }

    Shared shared() {
        return shared;
    }

    /** Why a line is not JSON this reader takes: where, and whether it only stopped too early. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        enum Kind {
            /** The line ends inside a value: a line cut off. */
            INCOMPLETE,
            /** Not JSON. */
            INVALID,
            /** Valid so far, but past a limit: nesting, tokens, number length. */
            TOO_LARGE,
            /** A second value after the first one. */
            TRAILING_VALUE
        }

        final Kind kind;
        /** From 1, in bytes. */
        final int column;

        SyntaxError(Kind kind, int column, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.column = column;
        }
    }

    /**
     * Reads the JSON value in {@code bytes[offset, offset + length)}, which must be all there
     * is but for white space: false if there is nothing but white space. The grammar is RFC
     * 8259's, strictly (no comments, no single quotes, no NaN, no leading zeros, no trailing
     * commas), in UTF-8; a byte order mark at the start is skipped.
     */
    boolean read(byte[] bytes, int offset, int length) throws SyntaxError {
        if (kinds.length > KEPT_CAPACITY || chars.length > KEPT_CAPACITY) {
            shrink();
        }
        in = bytes;
        lineStart = offset;
        pos = offset;
        limit = offset + length;
        size = 0;
        tokens = 0;
        if (length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB && bytes[offset + 2] == (byte) 0xBF) {
            pos += 3;
        }
        skipSpace();
        if (pos == limit) {
            return false;
        }
        // One loop with a stack of open containers rather than recursion: no depth is ever a
        // risk, and the parser stays one piece for the JIT.
        int depth = 0;
        String name = null;
        while (true) {
            // A value, at pos, named `name` if it is an object's member.
            if (pos == limit) {
                throw incomplete();
            }
            byte b = in[pos];
            if (b == '{' || b == '[') {
                if (depth == TraceReader.MAX_DEPTH) {
                    throw new SyntaxError(SyntaxError.Kind.TOO_LARGE, column(), "Document nesting depth (" + (depth + 1)
                            + ") exceeds the maximum allowed (" + TraceReader.MAX_DEPTH + ")");
                }
                token();
                int at = add(b == '{' ? OBJECT : ARRAY, name);
                if (depth == stack.length) {
                    stack = Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = at;
                pos++;
                skipSpace();
                byte close = b == '{' ? (byte) '}' : (byte) ']';
                if (pos == limit || in[pos] != close) {
                    name = b == '{' ? memberName() : null;
                    continue; // its first value
                }
                pos++;
                token();
                ends[at] = size;
                depth--;
            } else {
                scalar(b, name);
            }
            // After a value: close what ends here, then on to the next value.
            while (true) {
                if (depth == 0) {
                    skipSpace();
                    if (pos < limit) {
                        byte next = in[pos];
                        if (next == '{' || next == '[' || next == '"' || next == '-' || next >= '0' && next <= '9'
                                || next == 't' || next == 'f' || next == 'n') {
                            throw new SyntaxError(SyntaxError.Kind.TRAILING_VALUE, column(), "more than one JSON value on the line");
                        }
                        throw unexpected("the end of the line after the value");
                    }
                    return true;
                }
                skipSpace();
                if (pos == limit) {
                    throw incomplete();
                }
                int container = stack[depth - 1];
                boolean object = kinds[container] == OBJECT;
                byte c = in[pos];
                if (c == ',') {
                    pos++;
                    skipSpace();
                    name = object ? memberName() : null;
                    break;
                }
                if (c != (object ? '}' : ']')) {
                    throw unexpected(object ? "a comma or '}' after an object member" : "a comma or ']' after an array element");
                }
                pos++;
                token();
                ends[container] = size;
                depth--;
            }
        }
    }

    private byte[] in;
    private int lineStart;
    private int pos;
    private int limit;
    private int tokens;
    private char[] chars = new char[256];
    /** The containers open at the current position. */
    private int[] stack = new int[16];

    /** A member's name and its colon. */
    private String memberName() throws SyntaxError {
        if (pos == limit) {
            throw incomplete();
        }
        if (in[pos] != '"') {
            throw unexpected("a double quote to start a field name");
        }
        token();
        String key = string(true);
        skipSpace();
        if (pos == limit) {
            throw incomplete();
        }
        if (in[pos] != ':') {
            throw unexpected("a colon after the field name");
        }
        pos++;
        skipSpace();
        return key;
    }

    /** A string, a number, true, false or null, starting with {@code b}. */
    private void scalar(byte b, String name) throws SyntaxError {
        switch (b) {
            case '"':
                token();
                int at = add(STRING, name);
                texts[at] = string(false);
                ends[at] = at + 1;
                return;
            case 't':
                literal(name, TRUE, "true");
                return;
            case 'f':
                literal(name, FALSE, "false");
                return;
            case 'n':
                literal(name, NULL, "null");
                return;
            default:
                if (b == '-' || b >= '0' && b <= '9') {
                    number(name);
                    return;
                }
                if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') {
                    throw unrecognized(); // NaN, Infinity, True, undefined...
                }
                throw unexpected("a value (a string, a number, an object, an array, true, false or null)");
        }
    }

    private void token() throws SyntaxError {
        if (++tokens > TraceReader.MAX_TOKENS_PER_LINE) {
            throw new SyntaxError(SyntaxError.Kind.TOO_LARGE, column(),
                    "Token count (" + tokens + ") exceeds the maximum allowed (" + TraceReader.MAX_TOKENS_PER_LINE + ")");
        }
    }

    private void literal(String name, byte kind, String word) throws SyntaxError {
        int n = word.length();
        for (int i = 0; i < n; i++) {
            if (pos + i == limit) {
                if (i > 0) {
                    throw incomplete(); // "tr" at the end of a cut line
                }
                break;
            }
            if (in[pos + i] != word.charAt(i)) {
                throw unrecognized();
            }
        }
        if (pos + n < limit && wordByte(in[pos + n])) {
            throw unrecognized();
        }
        token();
        int at = add(kind, name);
        ends[at] = at + 1;
        pos += n;
    }

    private static boolean wordByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '$' || b < 0;
    }

    private SyntaxError unrecognized() {
        int end = pos;
        while (end < limit && end - pos < 40 && wordByte(in[end])) {
            end++;
        }
        String word = end > pos ? new String(in, pos, end - pos, java.nio.charset.StandardCharsets.UTF_8) : "" + (char) in[pos];
        return new SyntaxError(SyntaxError.Kind.INVALID, column(),
                "unrecognized token '" + word + "': expected a value (a string, a number, an object, an array, true, false or null)");
    }

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private void number(String name) throws SyntaxError {
        int start = pos;
        boolean negative = in[pos] == '-';
        if (negative) {
            pos++;
        }
        // Digits go into the mantissa while it stays exact in a double (15 of them), for the fast path.
        long mantissa = 0;
        int digits = 0;
        if (pos == limit) {
            throw incomplete();
        }
        if (in[pos] == '0') {
            pos++;
            if (pos < limit && in[pos] >= '0' && in[pos] <= '9') {
                throw new SyntaxError(SyntaxError.Kind.INVALID, column(), "leading zeros are not allowed in a number");
            }
        } else if (in[pos] >= '1' && in[pos] <= '9') {
            while (pos < limit && in[pos] >= '0' && in[pos] <= '9') {
                mantissa = mantissa * 10 + (in[pos++] - '0');
                digits++;
            }
        } else {
            throw unexpected("a digit after the minus sign");
        }
        int intEnd = pos;
        boolean fraction = false;
        int fractionDigits = 0;
        if (pos < limit && in[pos] == '.') {
            fraction = true;
            pos++;
            if (pos == limit) {
                throw incomplete();
            }
            if (in[pos] < '0' || in[pos] > '9') {
                throw unexpected("a digit after the decimal point");
            }
            while (pos < limit && in[pos] >= '0' && in[pos] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (in[pos] - '0');
                }
                digits++;
                fractionDigits++;
                pos++;
            }
        }
        int exponent = 0;
        boolean exponentTooLong = false;
        if (pos < limit && (in[pos] == 'e' || in[pos] == 'E')) {
            fraction = true;
            pos++;
            boolean negativeExponent = false;
            if (pos < limit && (in[pos] == '+' || in[pos] == '-')) {
                negativeExponent = in[pos] == '-';
                pos++;
            }
            if (pos == limit) {
                throw incomplete();
            }
            if (in[pos] < '0' || in[pos] > '9') {
                throw unexpected("a digit in the exponent");
            }
            int exponentDigits = 0;
            while (pos < limit && in[pos] >= '0' && in[pos] <= '9') {
                exponent = exponent * 10 + (in[pos++] - '0');
                if (++exponentDigits > 6) {
                    exponentTooLong = true;
                    exponent = 0;
                }
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        int length = pos - start;
        if (length > TraceReader.MAX_NUMBER_CHARS) {
            throw new SyntaxError(SyntaxError.Kind.TOO_LARGE, start - lineStart + 1,
                    "Number value length (" + length + ") exceeds the maximum allowed (" + TraceReader.MAX_NUMBER_CHARS + ")");
        }
        token();
        if (!fraction) {
            int intDigits = intEnd - start - (negative ? 1 : 0);
            if (intDigits < 19 || intDigits == 19 && fitsLong(start, intEnd)) {
                int at = add(INT, name);
                numbers[at] = intDigits < 19 ? (negative ? -mantissa : mantissa) : Long.parseLong(ascii(start, intEnd));
                ends[at] = at + 1;
            } else {
                int at = add(BIG_INT, name);
                texts[at] = ascii(start, intEnd);
                ends[at] = at + 1;
            }
            return;
        }
        double value;
        int scale = exponent - fractionDigits;
        if (digits <= 15 && !exponentTooLong && scale >= -22 && scale <= 22) {
            // Both exact, so one IEEE operation rounds correctly (Clinger's fast path).
            value = scale < 0 ? mantissa / POWERS_OF_TEN[-scale] : mantissa * POWERS_OF_TEN[scale];
            if (negative) {
                value = -value;
            }
        } else {
            value = Double.parseDouble(ascii(start, pos));
        }
        int at = add(FLOAT, name);
        numbers[at] = Double.doubleToRawLongBits(value);
        ends[at] = at + 1;
    }

    private boolean fitsLong(int start, int end) {
        String max = in[start] == '-' ? "-9223372036854775808" : "9223372036854775807";
        return ascii(start, end).compareTo(max) <= 0;
    }

    private String ascii(int start, int end) {
        return new String(in, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A string from its opening quote; a name is interned (as Jackson does), so that it is the decoders' own literal. */
    private String string(boolean name) throws SyntaxError {
        int start = ++pos;
        int hash = 0;
        while (pos < limit) {
            byte b = in[pos];
            if (b == '"') {
                pos++;
                return name ? shared.name(in, start, pos - 1 - start, hash) : shared.text(in, start, pos - 1 - start, hash);
            }
            if (b == '\\' || b < 0x20) { // an escape, a control character, or a byte of a longer UTF-8 sequence
                return escaped(start, name);
            }
            hash = 31 * hash + b;
            pos++;
        }
        throw incomplete();
    }

    /** The slow way, for a string with escapes or characters beyond ASCII. */
    private String escaped(int start, boolean name) throws SyntaxError {
        int n = 0;
        pos = start;
        while (true) {
            if (pos == limit) {
                throw incomplete();
            }
            if (n + 2 > chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
            int b = in[pos];
            if (b == '"') {
                pos++;
                if (name) {
                    checkSurrogates(n);
                }
                String text = shared.text(chars, 0, n);
                return name && text.length() <= 64 ? text.intern() : text;
            }
            if (b == '\\') {
                pos++;
                chars[n++] = escape();
            } else if (b >= 0x20) {
                chars[n++] = (char) b;
                pos++;
            } else if (b >= 0) {
                throw new SyntaxError(SyntaxError.Kind.INVALID, column(),
                        "control character (code " + b + ") in a string; it must be written as an escape such as \\n or \\u0009");
            } else {
                n = utf8(b & 0xFF, n);
            }
        }
    }

    /** A name (Jackson keeps names as UTF-8) may not hold half a surrogate pair. */
    private void checkSurrogates(int n) throws SyntaxError {
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new SyntaxError(SyntaxError.Kind.INVALID, column(), "half a surrogate pair (\\u"
                        + Integer.toHexString(c) + ") in a field name");
            }
        }
    }

    private char escape() throws SyntaxError {
        if (pos == limit) {
            throw incomplete();
        }
        byte b = in[pos++];
        switch (b) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    if (pos == limit) {
                        throw incomplete();
                    }
                    int digit = Character.digit(in[pos], 16);
                    if (digit < 0 || in[pos] < 0) {
                        throw unexpected("a hexadecimal digit in a \\u escape");
                    }
                    code = code * 16 + digit;
                    pos++;
                }
                return (char) code;
            default:
                pos--;
                throw unexpected("an escape: one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    /**
     * Decodes one UTF-8 sequence starting with {@code first} into {@code chars[n]}; returns the
     * new length. Strict (RFC 3629): no overlong forms, no encoded surrogates, nothing beyond
     * U+10FFFF.
     */
    private int utf8(int first, int n) throws SyntaxError {
        int more;
        int code;
        int least;
        if (first >= 0xC2 && first <= 0xDF) {
            more = 1;
            code = first & 0x1F;
            least = 0x80;
        } else if (first >= 0xE0 && first <= 0xEF) {
            more = 2;
            code = first & 0x0F;
            least = 0x800;
        } else if (first >= 0xF0 && first <= 0xF4) {
            more = 3;
            code = first & 0x07;
            least = 0x10000;
        } else {
            throw new SyntaxError(SyntaxError.Kind.INVALID, column(), "invalid UTF-8: byte 0x" + Integer.toHexString(first)
                    + " cannot start a character");
        }
        int start = column();
        pos++;
        for (int i = 0; i < more; i++) {
            if (pos == limit) {
                throw incomplete();
            }
            int next = in[pos] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                throw new SyntaxError(SyntaxError.Kind.INVALID, column(), "invalid UTF-8: byte 0x" + Integer.toHexString(next)
                        + " cannot continue a character");
            }
            code = code << 6 | next & 0x3F;
            pos++;
        }
        if (code < least || code > Character.MAX_CODE_POINT || code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE) {
            throw new SyntaxError(SyntaxError.Kind.INVALID, start, "invalid UTF-8: not a character (U+"
                    + Integer.toHexString(code).toUpperCase(java.util.Locale.ROOT) + " "
                    + (code < least ? "in an overlong form" : code > Character.MAX_CODE_POINT ? "is beyond U+10FFFF" : "is a surrogate")
                    + ")");
        }
        if (code >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            chars[n++] = Character.highSurrogate(code);
            chars[n++] = Character.lowSurrogate(code);
        } else {
            chars[n++] = (char) code;
        }
        return n;
    }

    private void skipSpace() {
        while (pos < limit) {
            byte b = in[pos];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return;
            }
            pos++;
        }
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private SyntaxError incomplete() {
        return new SyntaxError(SyntaxError.Kind.INCOMPLETE, column(), "the line ends inside a value");
    }

    private SyntaxError unexpected(String expected) {
        int b = in[pos] & 0xFF;
        String shown = b >= 0x20 && b < 0x7F ? "'" + (char) b + "' (code " + b + ")" : "(code " + b + ")";
        return new SyntaxError(SyntaxError.Kind.INVALID, column(), "unexpected character " + shown + ": expected " + expected);
    }

    private int add(byte kind, String name) {
        if (size == kinds.length) {
            grow();
        }
        kinds[size] = kind;
        names[size] = name;
        texts[size] = null;
        return size++;
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
        if (chars.length > KEPT_CAPACITY) {
            chars = new char[256];
        }
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
