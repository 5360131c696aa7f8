package paxosviz.scenario.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;

import paxosviz.BadInputException;
import paxosviz.scenario.Scenario;

/**
 * Reads a scenario file (the contract's scenario format). Every error is a
 * {@link BadInputException} naming the file, the line and column, and the field path, e.g.
 * {@code bad.json: line 14, column 17: steps[2].node: node 7 is out of range 0..4}.
 * Hostile input is bounded: file size, nesting depth, string and number length, token count.
 */
public final class ScenarioReader {

    public static final int MAX_FILE_BYTES = 10 << 20;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_STRING_CHARS = 1 << 20;
    public static final int MAX_NUMBER_CHARS = 100;
    /** Bounds the located tree (about 100 bytes a value): a 10 MiB file of {@code [0,0,...]} would need 500 MB. */
    public static final int MAX_TOKENS = 500_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxNameLength(MAX_STRING_CHARS)
                    .maxDocumentLength(MAX_FILE_BYTES)
                    .maxTokenCount(MAX_TOKENS)
                    .build())
            .build();

    private ScenarioReader() {
    }

    public static Scenario read(Path file) throws BadInputException {
        String source = file.toString();
        byte[] bytes = readBounded(file, source);
        try {
            return parse(FACTORY.createParser(bytes), source, bytes.length);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads scenario text; {@code source} names it in error messages. */
    public static Scenario read(String text, String source) throws BadInputException {
        if (text.length() > MAX_FILE_BYTES) {
            throw tooLarge(source);
        }
        try {
            return parse(FACTORY.createParser(text), source, text.length());
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a scenario embedded in another JSON document, such as a trace header. The tree
     * carries no positions, so errors name only the field path.
     */
    public static Scenario read(JsonNode tree, String source) throws BadInputException {
        return parse(tree.traverse(), source, Long.MAX_VALUE);
    }

    /** {@code length}: of the input in bytes or chars, to tell a cut-off file from a syntax error. */
    private static Scenario parse(JsonParser parser, String source, long length) throws BadInputException {
        JsonValue root;
        try (parser) {
            if (parser.nextToken() == null) {
                throw new BadInputException(source + ": empty: expected a JSON object holding the scenario");
            }
            root = new TreeBuilder(source).read(parser);
            if (parser.nextToken() != null) {
                throw new BadInputException(source + ": " + TreeBuilder.location(parser.currentTokenLocation()).prefix()
                        + "unexpected text after the end of the scenario object");
            }
        } catch (StreamConstraintsException e) {
            // Jackson gives no location with this error; the last token read is the culprit or next to it.
            throw new BadInputException(source + ": " + TreeBuilder.location(parser.currentTokenLocation()).prefix()
                    + "too large or too deeply nested: " + JsonMessages.plain(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            if (e instanceof JsonEOFException || at != null && Math.max(at.getByteOffset(), at.getCharOffset()) >= length) {
                throw new BadInputException(source + ": " + TreeBuilder.location(at).prefix()
                        + "the JSON ends too early (truncated file?)", e);
            }
            throw new BadInputException(source + ": " + TreeBuilder.location(at).prefix()
                    + "not valid JSON: " + JsonMessages.plain(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage(), e);
        }
        return new ScenarioDecoder(source).decode(root);
    }

    /** Reads at most one byte past the limit, so a huge file or an endless stream fails fast. */
    private static byte[] readBounded(Path file, String source) throws BadInputException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(source + ": is a directory, not a scenario file");
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw tooLarge(source);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw tooLarge(source);
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(source + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static BadInputException tooLarge(String source) {
        return new BadInputException(source + ": too large for a scenario: more than " + (MAX_FILE_BYTES >> 20) + " MiB");
    }
}
