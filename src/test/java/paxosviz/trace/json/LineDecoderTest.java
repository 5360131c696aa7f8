package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/**
 * One Jackson parser reads a batch's lines one after the other, yet every line is judged as if
 * it were read alone: limits are per line, and a line the batch's parser cannot take as it is
 * is read again on its own, the lines after it by a new parser.
 */
class LineDecoderTest {

    private static LineDecoder.Decoded decode(String lines, boolean lastLineUnterminated) {
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        LineBatches.Batch batch = new LineBatches.Batch(bytes);
        batch.length = bytes.length;
        batch.firstLine = 2;
        batch.lastLineUnterminated = lastLineUnterminated;
        return new LineDecoder("t.jsonl", new Shared(), 5).decode(batch);
    }

    private static String heal(long seq, String extra) {
        return "{\"seq\":" + seq + ",\"t\":0,\"type\":\"heal\"" + extra + "}\n";
    }

    private static TraceEvent[] events(LineDecoder.Decoded decoded) {
        return Arrays.copyOf(decoded.events, decoded.count);
    }

    @Test
    void theTokenLimitIsALinesNotTheBatchs() {
        // Each line has 600,000 values: together more than a line may have, each one fewer.
        String values = ",\"x\":[" + "0,".repeat(599_999) + "0]";
        LineDecoder.Decoded decoded = decode(heal(1, values) + heal(2, values) + heal(3, ""), false);

        assertThat(decoded.error).isNull();
        assertThat(events(decoded)).extracting(TraceEvent::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void linesAfterALineReadOnItsOwnAreReadToo() {
        String lines = heal(1, "") + "\uFEFF" + heal(2, "") + heal(3, "") + "  " + heal(4, "").strip() + "  \r\n" + "\n"
                + heal(5, "");

        LineDecoder.Decoded decoded = decode(lines, false);

        assertThat(decoded.error).isNull();
        assertThat(events(decoded)).extracting(TraceEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events(decoded)).allMatch(e -> e.body() instanceof EventBody.Healed);
    }

    @Test
    void aValueIsNotReadAcrossLines() {
        LineDecoder.Decoded decoded = decode(heal(1, "") + "{\"seq\":2,\"t\":0,\n\"type\":\"heal\"}\n" + heal(3, ""), false);

        assertThat(events(decoded)).extracting(TraceEvent::seq).containsExactly(1L);
        assertThat(decoded.error).hasMessage("t.jsonl: line 3: incomplete JSON: the line ends inside a value");
    }

    @Test
    void aSecondValueOnALineIsNamed() {
        LineDecoder.Decoded decoded = decode(heal(1, "") + heal(2, "").strip() + heal(3, ""), false);

        assertThat(events(decoded)).extracting(TraceEvent::seq).containsExactly(1L);
        assertThat(decoded.error).hasMessage("t.jsonl: line 3: more than one JSON value on the line");
    }

    @Test
    void aBadLineIsNamedWithItsOwnColumn() {
        LineDecoder.Decoded decoded = decode(heal(1, "") + heal(2, "") + "  {\"seq\":3,\"t\":0, oops}\n", false);

        assertThat(events(decoded)).extracting(TraceEvent::seq).containsExactly(1L, 2L);
        assertThat(decoded.error).hasMessage("t.jsonl: line 4, column 19: not valid JSON: Unexpected character "
                + "('o' (code 111)): was expecting double-quote to start field name");
    }

    @Test
    void aCutLastLineIsNamed() {
        LineDecoder.Decoded decoded = decode(heal(1, "") + "{\"seq\":2,\"t\":0,\"type\":\"he", true);

        assertThat(events(decoded)).extracting(TraceEvent::seq).containsExactly(1L);
        assertThat(decoded.error)
                .hasMessage("t.jsonl: line 3: the last line is cut off (no newline at the end and not complete JSON)");
    }
}
