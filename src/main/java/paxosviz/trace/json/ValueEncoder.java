package paxosviz.trace.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.OpId;
import paxosviz.core.OpType;
import paxosviz.core.Result;

/** Writes the small values events and messages share: ballots, addresses, commands, results. */
final class ValueEncoder {

    private ValueEncoder() {
    }

    /** {@code {"round":r,"node":n}}. */
    static void ballot(Ballot ballot, JsonGenerator out) throws IOException {
        if (ballot == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        out.writeNumberField("round", ballot.round());
        out.writeNumberField("node", ballot.node());
        out.writeEndObject();
    }

    /** A node is its index, a client its name. */
    static void address(Address address, JsonGenerator out) throws IOException {
        if (address instanceof Address.Node node) {
            out.writeNumber(node.index());
        } else {
            out.writeString(((Address.Client) address).name());
        }
    }

    /**
     * Only the fields the command's type uses. A cas writes {@code expect} and {@code value}
     * even when null, because null there means "missing".
     */
    static void command(Command cmd, JsonGenerator out) throws IOException {
        out.writeStartObject();
        if (cmd.isNoop()) {
            out.writeStringField("type", OpType.NOOP.wireName());
            out.writeEndObject();
            return;
        }
        out.writeStringField("client", cmd.client());
        out.writeNumberField("seq", cmd.seq());
        out.writeStringField("type", cmd.type().wireName());
        out.writeStringField("key", cmd.key());
        if (cmd.type() == OpType.CAS) {
            out.writeStringField("expect", cmd.expect());
        }
        if (cmd.type() != OpType.GET) {
            out.writeStringField("value", cmd.value());
        }
        out.writeEndObject();
    }

    /** {@code {}} for put, append and noop; {@code {"value":v}} for get; {@code {"ok":b}} for cas. */
    static void result(Result result, JsonGenerator out) throws IOException {
        out.writeStartObject();
        if (result.type() == OpType.GET) {
            out.writeStringField("value", result.value());
        } else if (result.type() == OpType.CAS) {
            out.writeBooleanField("ok", result.ok());
        }
        out.writeEndObject();
    }

    /** {@code {"client":c,"seq":n}}. */
    static void opId(OpId op, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("client", op.client());
        out.writeNumberField("seq", op.seq());
        out.writeEndObject();
    }
}
