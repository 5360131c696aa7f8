package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The trace reader's own JSON parser accepts exactly the lines Jackson accepts, and reads the
 * same values from them: random JSON, then the same mutated byte by byte.
 * {@code -Dfuzz.cases=N} runs more, {@code -Dfuzz.seed=S} replays one seed.
 */
class JsonTapeTest {

    private static final ObjectMapper JACKSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(TraceReader.MAX_DEPTH)
                    .maxNumberLength(TraceReader.MAX_NUMBER_CHARS)
                    .maxTokenCount(TraceReader.MAX_TOKENS_PER_LINE)
                    .build())
            .build());

    private static final String[] PIECES = {
        "\"", "\\", "\\u", "\\ud83d\\ude00", "\\uD800", "é", "😀", "\u0001", "\t", " ", "{", "}", "[", "]", ":", ",",
        "0", "-0", "1e400", "-1E-400", "00", "1.", ".5", "-", "+1", "1e", "9223372036854775808", "-9223372036854775809",
        "true", "tru", "nul", "NaN", "\u007f", "\r", "\n", "\\/", "\\x", "/*", "'a'",
    };

    @Test
    void acceptsWhatJacksonAcceptsAndReadsTheSameValues() {
        long cases = Long.getLong("fuzz.cases", 3_000);
        Long only = Long.getLong("fuzz.seed");
        long first = only != null ? only : 1;
        long last = only != null ? only : cases;
        JsonTape tape = new JsonTape(new Shared());
        for (long seed = first; seed <= last; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] line = randomValue(random, 0).getBytes(StandardCharsets.UTF_8);
            check(tape, line, seed, 0);
            for (int m = 1; m <= 4; m++) {
                line = mutate(line, random);
                check(tape, line, seed, m);
            }
        }
    }

    private static void check(JsonTape tape, byte[] line, long seed, int mutation) {
        JsonNode expected;
        String jacksonProblem = null;
        try (JsonParser parser = JACKSON.createParser(line)) {
            expected = JACKSON.readTree(parser);
            if (parser.nextToken() != null) {
                jacksonProblem = "more than one value";
            }
        } catch (IOException e) {
            expected = null;
            jacksonProblem = e.getMessage();
        }
        boolean some;
        try {
            some = tape.read(line, 0, line.length);
        } catch (JsonTape.SyntaxError e) {
            if (jacksonProblem == null && !strictUtf8(e) && !nulAsEnd(e)) {
                fail("seed %d, mutation %d: Jackson reads %s, the tape refuses it: %s (replay: -Dfuzz.seed=%d)",
                        seed, mutation, show(line), e.getMessage(), seed);
            }
            return;
        }
        if (jacksonProblem != null) {
            fail("seed %d, mutation %d: Jackson refuses %s (%s), the tape reads it (replay: -Dfuzz.seed=%d)",
                    seed, mutation, show(line), jacksonProblem, seed);
        }
        if (expected == null || expected.isMissingNode()) {
            assertThat(some).as("seed %d: nothing on %s", seed, show(line)).isFalse();
        } else {
            assertThat(some).isTrue();
            assertThat(tape.tree(0)).as("seed %d, mutation %d: %s", seed, mutation, show(line)).isEqualTo(expected);
        }
    }

    /** The tape takes UTF-8 strictly; Jackson lets some ill-formed sequences (overlong forms, say) through. */
    private static boolean strictUtf8(JsonTape.SyntaxError e) {
        return e.getMessage().startsWith("invalid UTF-8");
    }

    /** Jackson takes a NUL byte between values for the end of the input; the tape refuses it. */
    private static boolean nulAsEnd(JsonTape.SyntaxError e) {
        return e.getMessage().startsWith("unexpected character (code 0)");
    }

    private static String show(byte[] line) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    static String randomValue(SplittableRandom random, int depth) {
        int choice = random.nextInt(depth > 6 ? 6 : 9);
        switch (choice) {
            case 0:
                return randomString(random);
            case 1:
                return Long.toString(random.nextLong(-1000, 1000));
            case 2:
                return Long.toString(random.nextLong());
            case 3:
                return randomNumber(random);
            case 4:
                return new String[] {"true", "false", "null"}[random.nextInt(3)];
            case 5:
                return random.nextBoolean() ? "[]" : "{}";
            case 6: {
                StringBuilder array = new StringBuilder("[");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    array.append(i > 0 ? "," + space(random) : "").append(randomValue(random, depth + 1));
                }
                return array.append(space(random)).append(']').toString();
            }
            default: {
                StringBuilder object = new StringBuilder("{").append(space(random));
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    String key = random.nextInt(4) == 0 ? randomString(random)
                            : "\"" + new String[] {"seq", "t", "type", "node", "msg", "a"}[random.nextInt(6)] + "\"";
                    object.append(i > 0 ? "," : "").append(space(random)).append(key).append(space(random)).append(':')
                            .append(space(random)).append(randomValue(random, depth + 1));
                }
                return object.append(space(random)).append('}').toString();
            }
        }
    }

    private static String space(SplittableRandom random) {
        return random.nextInt(4) == 0 ? new String[] {" ", "\t", "\r", "  "}[random.nextInt(4)] : "";
    }

    private static String randomNumber(SplittableRandom random) {
        StringBuilder number = new StringBuilder();
        if (random.nextBoolean()) {
            number.append('-');
        }
        number.append(random.nextInt(10) == 0 ? "0" : Long.toString(1 + random.nextLong(Long.MAX_VALUE >> random.nextInt(63))));
        if (random.nextBoolean()) {
            number.append('.');
            int digits = 1 + random.nextInt(20);
            for (int i = 0; i < digits; i++) {
                number.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(3) == 0) {
            number.append(random.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[random.nextInt(3)])
                    .append(random.nextInt(random.nextBoolean() ? 30 : 400));
        }
        return number.toString();
    }

    private static String randomString(SplittableRandom random) {
        StringBuilder text = new StringBuilder("\"");
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(8)) {
                case 0 -> text.append(new String[] {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"}[random.nextInt(8)]);
                case 1 -> text.append(String.format("\\u%04x", random.nextInt(0x10000)));
                case 2 -> text.append(new String[] {"é", "ß", "中", "😀", "\u07ff", "\uffff"}[random.nextInt(6)]);
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.append('"').toString();
    }

    static byte[] mutate(byte[] line, SplittableRandom random) {
        if (line.length == 0) {
            return PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8);
        }
        int at = random.nextInt(line.length);
        switch (random.nextInt(6)) {
            case 0: { // flip a byte to anything
                byte[] copy = line.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 1: { // cut
                return java.util.Arrays.copyOf(line, at);
            }
            case 2: { // delete one byte
                byte[] copy = new byte[line.length - 1];
                System.arraycopy(line, 0, copy, 0, at);
                System.arraycopy(line, at + 1, copy, at, line.length - at - 1);
                return copy;
            }
            default: { // insert a piece of JSON or a troublemaker
                byte[] piece = PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8);
                byte[] copy = new byte[line.length + piece.length];
                System.arraycopy(line, 0, copy, 0, at);
                System.arraycopy(piece, 0, copy, at, piece.length);
                System.arraycopy(line, at, copy, at + piece.length, line.length - at);
                return copy;
            }
        }
    }
}
