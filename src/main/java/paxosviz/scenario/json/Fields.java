package paxosviz.scenario.json;

import java.util.List;

import paxosviz.BadInputException;

/** The members of one JSON object at a known path; missing and wrong members are reported there. */
final class Fields {

    private final Checker check;
    private final JsonValue.Obj obj;
    private final String path;

    Fields(Checker check, JsonValue.Obj obj, String path) {
        this.check = check;
        this.obj = obj;
        this.path = path;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The member, or null when it is missing or JSON null (an optional field left out). */
    JsonValue optional(String name) {
        JsonValue value = obj.fields().get(name);
        return value instanceof JsonValue.Null ? null : value;
    }

    /** The member, which may be JSON null but must be present. */
    JsonValue required(String name) throws BadInputException {
        JsonValue value = obj.fields().get(name);
        if (value == null) {
            throw check.fail(obj, path, "missing field \"" + name + "\"");
        }
        return value;
    }

    /** A required member that is not JSON null. */
    JsonValue present(String name) throws BadInputException {
        JsonValue value = required(name);
        if (value instanceof JsonValue.Null) {
            throw check.fail(value, path(name), "must not be null");
        }
        return value;
    }

    String string(String name) throws BadInputException {
        return check.string(present(name), path(name));
    }

    /** A non-empty string, for names such as a client's. */
    String name(String name) throws BadInputException {
        String value = string(name);
        if (value.isEmpty()) {
            throw check.fail(required(name), path(name), "must not be empty");
        }
        return value;
    }

    String optionalString(String name) throws BadInputException {
        JsonValue value = optional(name);
        return value == null ? null : check.string(value, path(name));
    }

    /** A required member that is a string or JSON null. */
    String stringOrNull(String name) throws BadInputException {
        JsonValue value = required(name);
        return value instanceof JsonValue.Null ? null : check.string(value, path(name));
    }

    boolean bool(String name, boolean absent) throws BadInputException {
        JsonValue value = optional(name);
        return value == null ? absent : check.bool(value, path(name));
    }

    Boolean optionalBool(String name) throws BadInputException {
        JsonValue value = optional(name);
        return value == null ? null : check.bool(value, path(name));
    }

    int nodeIndex(String name, int nodes) throws BadInputException {
        return check.nodeIndex(present(name), path(name), nodes);
    }

    Fields object(String name) throws BadInputException {
        return check.object(present(name), path(name));
    }

    /** The member's object, or null when it is missing. */
    Fields optionalObject(String name) throws BadInputException {
        JsonValue value = optional(name);
        return value == null ? null : check.object(value, path(name));
    }

    List<JsonValue> array(String name) throws BadInputException {
        return check.array(present(name), path(name));
    }
}
