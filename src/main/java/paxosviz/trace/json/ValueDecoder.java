package paxosviz.trace.json;

import java.util.ArrayList;
import java.util.List;

import paxosviz.BadInputException;
import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.OpId;
import paxosviz.core.OpType;
import paxosviz.core.Result;

/**
 * Reads the small values events and messages share, as {@link ValueEncoder} writes them; a
 * value equal to one read recently is that same instance ({@link Shared}).
 */
final class ValueDecoder {

    private ValueDecoder() {
    }

    static Ballot ballot(Field field) throws BadInputException {
        field.requireObject();
        return field.shared().ballot(field.get("round").asInt(), field.get("node").asInt());
    }

    /** A node index (an integer in range) or a client name (a string). */
    static Address address(Field field) throws BadInputException {
        if (field.isString()) {
            return field.shared().client(field.asString());
        }
        if (field.isIntegral()) {
            return Address.node(field.asNode());
        }
        throw field.wrongType("a node index (integer) or a client name (string)");
    }

    static Command command(Field field) throws BadInputException {
        field.requireObject();
        Field typeField = field.get("type");
        OpType type = OpType.fromWireName(typeField.asString());
        if (type == null) {
            throw typeField.fail("unknown command type " + typeField.describe() + " (known: put, get, append, cas, noop)");
        }
        if (type == OpType.NOOP) {
            return Command.NOOP;
        }
        return field.shared().command(
                field.get("client").asString(),
                field.get("seq").asLong(),
                type,
                field.get("key").asString(),
                type == OpType.GET ? null : field.get("value").asStringOrNull(),
                type == OpType.CAS ? field.get("expect").asStringOrNull() : null);
    }

    static List<Command> commands(Field field) throws BadInputException {
        List<Field> items = field.items();
        List<Command> cmds = new ArrayList<>(items.size());
        for (Field item : items) {
            cmds.add(command(item));
        }
        return field.shared().commands(cmds);
    }

    /** A result is read by the type of the command it answers: the JSON alone does not say. */
    static Result result(Field field, OpType type) throws BadInputException {
        field.requireObject();
        if (type == OpType.GET) {
            Field value = field.get("value");
            if (!value.exists()) {
                throw value.fail("missing (a get's result is {\"value\": ...}, null when the key is missing)");
            }
            return field.shared().result(OpType.GET, value.asStringOrNull(), false);
        }
        if (type == OpType.CAS) {
            return field.shared().result(OpType.CAS, null, field.get("ok").asBoolean());
        }
        return field.shared().result(type, null, false);
    }

    static OpId opId(Field field) throws BadInputException {
        field.requireObject();
        return new OpId(field.get("client").asString(), field.get("seq").asLong());
    }
}
