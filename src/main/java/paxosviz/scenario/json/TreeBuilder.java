package paxosviz.scenario.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import paxosviz.BadInputException;

/**
 * Reads one value from a streaming parser into a {@link JsonValue} tree with positions.
 * Recursion is safe because the parser's nesting limit fails before the stack could.
 */
final class TreeBuilder {

    private final String source;

    TreeBuilder(String source) {
        this.source = source;
    }

    /** Reads the value whose first token is the parser's current token. */
    JsonValue read(JsonParser parser) throws IOException, BadInputException {
        JsonValue.Location at = location(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(parser, at);
            case START_ARRAY:
                List<JsonValue> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new JsonValue.Arr(items, at);
            case VALUE_STRING:
                return new JsonValue.Str(parser.getText(), at);
            case VALUE_NUMBER_INT:
                boolean fitsLong = parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
                return new JsonValue.Num(parser.getText(), parser.getDoubleValue(),
                        fitsLong ? parser.getLongValue() : null, at);
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.Num(parser.getText(), parser.getDoubleValue(), null, at);
            case VALUE_TRUE:
                return new JsonValue.Bool(true, at);
            case VALUE_FALSE:
                return new JsonValue.Bool(false, at);
            case VALUE_NULL:
                return new JsonValue.Null(at);
            default:
                throw new BadInputException(source + ": " + at.prefix() + "unexpected JSON token " + token);
        }
    }

    private JsonValue readObject(JsonParser parser, JsonValue.Location at) throws IOException, BadInputException {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonValue.Location nameAt = location(parser.currentTokenLocation());
            parser.nextToken();
            // A repeated field would silently override the first; a person meant one of them.
            if (fields.put(name, read(parser)) != null) {
                throw new BadInputException(source + ": " + nameAt.prefix() + "field \"" + name + "\" appears twice");
            }
        }
        return new JsonValue.Obj(fields, at);
    }

    static JsonValue.Location location(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return JsonValue.Location.UNKNOWN;
        }
        return new JsonValue.Location(location.getLineNr(), location.getColumnNr());
    }
}
