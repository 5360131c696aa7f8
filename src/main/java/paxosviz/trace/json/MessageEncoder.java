package paxosviz.trace.json;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.trace.model.Wire;

/** Writes a message as {@code {"id":..,"kind":..,...}} with the fields of its record. */
final class MessageEncoder {

    private MessageEncoder() {
    }

    static void wire(Wire wire, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("id", wire.id());
        out.writeStringField("kind", wire.kind());
        if (wire.message() != null) {
            fields(wire.message(), out);
        }
        out.writeEndObject();
    }

    private static void fields(Message message, JsonGenerator out) throws IOException {
        if (message instanceof Message.Prepare m) {
            ballot("ballot", m.ballot(), out);
            out.writeNumberField("fromSlot", m.fromSlot());
        } else if (message instanceof Message.PreVote m) {
            ballot("ballot", m.ballot(), out);
            out.writeNumberField("applied", m.applied());
        } else if (message instanceof Message.PreVoteReply m) {
            ballot("ballot", m.ballot(), out);
            out.writeBooleanField("granted", m.granted());
            out.writeNumberField("leader", m.leader());
            out.writeNumberField("applied", m.applied());
            ballot("promised", m.promised(), out);
        } else if (message instanceof Message.Promise m) {
            ballot("ballot", m.ballot(), out);
            out.writeNumberField("fromSlot", m.fromSlot());
            out.writeNumberField("compactedUpTo", m.compactedUpTo());
            out.writeArrayFieldStart("votes");
            for (Message.Vote vote : m.votes()) {
                out.writeStartObject();
                out.writeNumberField("slot", vote.slot());
                ballot("ballot", vote.ballot(), out);
                out.writeFieldName("cmd");
                ValueEncoder.command(vote.cmd(), out);
                out.writeBooleanField("chosen", vote.chosen());
                out.writeEndObject();
            }
            out.writeEndArray();
        } else if (message instanceof Message.Nack m) {
            ballot("rejected", m.rejected(), out);
            ballot("promised", m.promised(), out);
        } else if (message instanceof Message.Accept m) {
            ballot("ballot", m.ballot(), out);
            out.writeNumberField("firstSlot", m.firstSlot());
            commands(m.cmds(), out);
        } else if (message instanceof Message.Accepted m) {
            ballot("ballot", m.ballot(), out);
            out.writeNumberField("firstSlot", m.firstSlot());
            out.writeNumberField("count", m.count());
        } else if (message instanceof Message.Decide m) {
            out.writeNumberField("firstSlot", m.firstSlot());
            commands(m.cmds(), out);
        } else if (message instanceof Message.Heartbeat m) {
            ballot("ballot", m.ballot(), out);
            out.writeNumberField("chosenUpTo", m.chosenUpTo());
        } else if (message instanceof Message.HeartbeatAck m) {
            ballot("ballot", m.ballot(), out);
            out.writeNumberField("chosenUpTo", m.chosenUpTo());
        } else if (message instanceof Message.CatchupRequest m) {
            out.writeNumberField("fromSlot", m.fromSlot());
        } else if (message instanceof Message.CatchupReply m) {
            out.writeNumberField("firstSlot", m.firstSlot());
            commands(m.cmds(), out);
            out.writeNumberField("chosenUpTo", m.chosenUpTo());
        } else if (message instanceof Message.SnapshotTransfer m) {
            // The state itself would make the trace as large as the store; its size is enough to draw it.
            out.writeNumberField("upTo", m.snapshot().upTo());
            out.writeNumberField("size", m.snapshot().data().size());
        } else if (message instanceof Message.ClientRequest m) {
            out.writeFieldName("cmd");
            ValueEncoder.command(m.cmd(), out);
        } else if (message instanceof Message.ClientReply m) {
            out.writeFieldName("op");
            ValueEncoder.opId(m.op(), out);
            out.writeStringField("type", m.result().type().wireName());
            out.writeFieldName("result");
            ValueEncoder.result(m.result(), out);
        } else if (message instanceof Message.Redirect m) {
            out.writeFieldName("op");
            ValueEncoder.opId(m.op(), out);
            out.writeNumberField("leader", m.leader());
        } else {
            primaryBackupFields(message, out);
        }
    }

    private static void primaryBackupFields(Message message, JsonGenerator out) throws IOException {
        if (message instanceof Message.Ping m) {
            out.writeNumberField("viewnum", m.viewnum());
        } else if (message instanceof Message.ViewReply m) {
            out.writeNumberField("viewnum", m.viewnum());
            out.writeNumberField("primary", m.primary());
            out.writeNumberField("backup", m.backup());
        } else if (message instanceof Message.StateTransfer m) {
            out.writeNumberField("viewnum", m.viewnum());
            out.writeNumberField("upTo", m.snapshot().upTo());
            out.writeNumberField("size", m.snapshot().data().size());
        } else if (message instanceof Message.StateAck m) {
            out.writeNumberField("viewnum", m.viewnum());
            out.writeNumberField("upTo", m.upTo());
        } else if (message instanceof Message.Forward m) {
            out.writeNumberField("viewnum", m.viewnum());
            out.writeNumberField("slot", m.slot());
            out.writeFieldName("cmd");
            ValueEncoder.command(m.cmd(), out);
        } else if (message instanceof Message.ForwardAck m) {
            out.writeNumberField("viewnum", m.viewnum());
            out.writeNumberField("slot", m.slot());
        } else if (message instanceof Message.ForwardRefused m) {
            out.writeNumberField("viewnum", m.viewnum());
            out.writeNumberField("slot", m.slot());
            out.writeNumberField("knownViewnum", m.knownViewnum());
        } else if (message instanceof Message.Beat m) {
            out.writeNumberField("viewnum", m.viewnum());
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
    }

    private static void ballot(String name, Ballot ballot, JsonGenerator out) throws IOException {
        out.writeFieldName(name);
        ValueEncoder.ballot(ballot, out);
    }

    private static void commands(List<Command> cmds, JsonGenerator out) throws IOException {
        out.writeArrayFieldStart("cmds");
        for (Command cmd : cmds) {
            ValueEncoder.command(cmd, out);
        }
        out.writeEndArray();
    }
}
