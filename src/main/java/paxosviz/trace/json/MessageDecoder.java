package paxosviz.trace.json;

import java.util.ArrayList;
import java.util.List;

import paxosviz.BadInputException;
import paxosviz.core.Message;
import paxosviz.core.OpType;
import paxosviz.core.Snapshot;
import paxosviz.trace.model.Wire;

/**
 * Reads a message as {@link MessageEncoder} writes it. Generous: a message whose kind is unknown
 * or whose fields cannot be read (a foreign trace) still yields a {@link Wire} with its id and
 * kind and no message, so the trace can be drawn.
 */
final class MessageDecoder {

    private MessageDecoder() {
    }

    /** {@code id} and {@code kind} are required; the rest only if it can be read. */
    static Wire wire(Field field) throws BadInputException {
        field.requireObject();
        long id = field.get("id").asLong();
        String kind = field.get("kind").asString();
        Message message;
        try {
            message = message(kind, field);
        } catch (BadInputException foreign) {
            message = null;
        }
        return field.shared().wire(new Wire(id, kind, message));
    }

    /** The message of this kind, or null for a kind this program does not send. */
    private static Message message(String kind, Field m) throws BadInputException {
        switch (kind) {
            case "prepare":
                return new Message.Prepare(ValueDecoder.ballot(m.get("ballot")), m.get("fromSlot").asLong());
            case "prevote":
                return new Message.PreVote(ValueDecoder.ballot(m.get("ballot")), m.get("applied").asLong());
            case "prevote-reply":
                return new Message.PreVoteReply(ValueDecoder.ballot(m.get("ballot")), m.get("granted").asBoolean(),
                        m.get("leader").asInt(), m.get("applied").asLong(), ValueDecoder.ballot(m.get("promised")));
            case "promise":
                return new Message.Promise(ValueDecoder.ballot(m.get("ballot")), m.get("fromSlot").asLong(),
                        m.get("compactedUpTo").asLong(), votes(m.get("votes")));
            case "nack":
                return new Message.Nack(ValueDecoder.ballot(m.get("rejected")), ValueDecoder.ballot(m.get("promised")));
            case "accept":
                return new Message.Accept(ValueDecoder.ballot(m.get("ballot")), m.get("firstSlot").asLong(),
                        ValueDecoder.commands(m.get("cmds")));
            case "accepted":
                return new Message.Accepted(ValueDecoder.ballot(m.get("ballot")), m.get("firstSlot").asLong(),
                        m.get("count").asInt());
            case "decide":
                return new Message.Decide(m.get("firstSlot").asLong(), ValueDecoder.commands(m.get("cmds")));
            case "heartbeat":
                return new Message.Heartbeat(ValueDecoder.ballot(m.get("ballot")), m.get("chosenUpTo").asLong());
            case "heartbeat-ack":
                return new Message.HeartbeatAck(ValueDecoder.ballot(m.get("ballot")), m.get("chosenUpTo").asLong());
            case "catchup":
                return new Message.CatchupRequest(m.get("fromSlot").asLong());
            case "catchup-reply":
                return new Message.CatchupReply(m.get("firstSlot").asLong(), ValueDecoder.commands(m.get("cmds")),
                        m.get("chosenUpTo").asLong());
            case "snapshot":
                return new Message.SnapshotTransfer(
                        new Snapshot(m.get("upTo").asLong(), new TracedSnapshot(m.get("size").asInt())));
            case "request":
                return new Message.ClientRequest(ValueDecoder.command(m.get("cmd")));
            case "reply":
                return reply(m);
            case "redirect":
                return new Message.Redirect(ValueDecoder.opId(m.get("op")), m.get("leader").asInt());
            default:
                return primaryBackupMessage(kind, m);
        }
    }

    private static Message primaryBackupMessage(String kind, Field m) throws BadInputException {
        switch (kind) {
            case "ping":
                return new Message.Ping(m.get("viewnum").asInt());
            case "view":
                return new Message.ViewReply(m.get("viewnum").asInt(), m.get("primary").asInt(), m.get("backup").asInt());
            case "state":
                return new Message.StateTransfer(m.get("viewnum").asInt(),
                        new Snapshot(m.get("upTo").asLong(), new TracedSnapshot(m.get("size").asInt())));
            case "state-ack":
                return new Message.StateAck(m.get("viewnum").asInt(), m.get("upTo").asLong());
            case "forward":
                return new Message.Forward(m.get("viewnum").asInt(), m.get("slot").asLong(), ValueDecoder.command(m.get("cmd")));
            case "forward-ack":
                return new Message.ForwardAck(m.get("viewnum").asInt(), m.get("slot").asLong());
            case "forward-refused":
                return new Message.ForwardRefused(m.get("viewnum").asInt(), m.get("slot").asLong(), m.get("knownViewnum").asInt());
            case "beat":
                return new Message.Beat(m.get("viewnum").asInt());
            default:
                return null;
        }
    }

    private static List<Message.Vote> votes(Field field) throws BadInputException {
        List<Field> items = field.items();
        List<Message.Vote> votes = new ArrayList<>(items.size());
        for (Field vote : items) {
            vote.requireObject();
            votes.add(new Message.Vote(vote.get("slot").asLong(), ValueDecoder.ballot(vote.get("ballot")),
                    ValueDecoder.command(vote.get("cmd")), vote.get("chosen").asBoolean()));
        }
        return votes;
    }

    private static Message reply(Field m) throws BadInputException {
        Field typeField = m.get("type");
        OpType type = OpType.fromWireName(typeField.asString());
        if (type == null) {
            throw typeField.fail("unknown command type " + typeField.describe());
        }
        return new Message.ClientReply(ValueDecoder.opId(m.get("op")), ValueDecoder.result(m.get("result"), type));
    }
}
