package paxosviz.trace.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import paxosviz.BadInputException;

/**
 * Tells a trace from a scenario by what the file holds, not by its name, reading at most
 * {@link #PREFIX_BYTES} of it: a gzip file or one whose first JSON object is a trace header
 * ({@code "type":"header"}, or {@code "format":"paxos-trace"}) or an event (it has {@code seq}
 * and {@code type}: a trace that lost its header, which the trace reader then names) is a
 * trace; any other JSON object is a scenario, for the scenario reader to judge. A directory,
 * an unreadable or empty file, or one that does not start with a JSON object is a
 * {@link BadInputException} naming the file.
 */
public final class FileSniffer {

    /** What a file holds. */
    public enum Kind { TRACE, SCENARIO }

    /** How much of a file is read, at most. */
    public static final int PREFIX_BYTES = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(TraceReader.MAX_DEPTH)
                    .maxNumberLength(TraceReader.MAX_NUMBER_CHARS)
                    .build())
            .build();

    private FileSniffer() {
    }

    public static Kind detect(Path file) throws BadInputException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(source + ": is a directory, not a scenario or a trace");
        }
        byte[] prefix;
        try (InputStream in = Files.newInputStream(file)) {
            prefix = in.readNBytes(PREFIX_BYTES);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(source + ": cannot read: permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + (e.getMessage() != null ? e.getMessage() : e), e);
        }
        return detect(prefix, prefix.length == PREFIX_BYTES, source);
    }

    /** {@code cut}: the file goes on after {@code prefix}. */
    static Kind detect(byte[] prefix, boolean cut, String source) throws BadInputException {
        if (prefix.length >= 2 && (prefix[0] & 0xFF) == 0x1f && (prefix[1] & 0xFF) == 0x8b) {
            return Kind.TRACE;
        }
        if (onlyWhiteSpace(prefix)) {
            throw new BadInputException(source + ": empty: neither a scenario nor a trace");
        }
        boolean seq = false;
        boolean type = false;
        boolean scenarioField = false;
        try (JsonParser parser = FACTORY.createParser(prefix)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new BadInputException(source + ": " + where(parser.currentTokenLocation())
                        + "neither a scenario nor a trace: expected a JSON object, got " + describe(first));
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type":
                        if (value == JsonToken.VALUE_STRING && parser.getText().equals("header")) {
                            return Kind.TRACE;
                        }
                        type = true;
                        break;
                    case "format":
                        if (value == JsonToken.VALUE_STRING && parser.getText().equals("paxos-trace")) {
                            return Kind.TRACE;
                        }
                        break;
                    case "seq":
                        seq = true;
                        break;
                    case "nodes", "steps", "durationMs", "protocol", "network", "expect":
                        scenarioField = true;
                        break;
                    default:
                        break;
                }
                if (seq && type) {
                    return Kind.TRACE;
                }
                parser.skipChildren();
            }
            return Kind.SCENARIO; // the first object ended: no header in it
        } catch (StreamConstraintsException e) {
            throw new BadInputException(source + ": " + where(e.getLocation()) + "too deeply nested or too large: "
                    + LineDecoder.plain(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            // Once it looks like a scenario, the scenario reader says best what is wrong with it.
            boolean ranOut = e instanceof JsonEOFException;
            if (scenarioField || ranOut && cut) {
                return Kind.SCENARIO;
            }
            if (ranOut) {
                throw new BadInputException(source + ": " + where(e.getLocation())
                        + "the JSON ends too early (truncated file?); neither a scenario nor a trace", e);
            }
            throw new BadInputException(source + ": " + where(e.getLocation()) + "not valid JSON: "
                    + LineDecoder.plain(e.getOriginalMessage()) + "; neither a scenario nor a trace", e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean onlyWhiteSpace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString();
        };
    }
}
