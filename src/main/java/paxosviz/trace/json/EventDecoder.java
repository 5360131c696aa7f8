package paxosviz.trace.json;

import java.util.ArrayList;
import java.util.List;

import paxosviz.BadInputException;
import paxosviz.core.Address;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.scenario.Highlight;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;

/**
 * Reads the body of one event by its type, as {@link EventEncoder} writes it. The fields of
 * known types are checked; unknown types become {@link EventBody.Unknown}; extra fields are
 * ignored, as other tools may add their own.
 */
final class EventDecoder {

    private EventDecoder() {
    }

    static EventBody body(String type, Field e) throws BadInputException {
        switch (type) {
            case "promise":
                return step(e, new NodeEvent.Promised(ValueDecoder.ballot(e.get("ballot"))));
            case "accept":
                return step(e, new NodeEvent.Accepted(e.get("slot").asLong(), ValueDecoder.ballot(e.get("ballot")),
                        ValueDecoder.command(e.get("cmd"))));
            case "elect":
                return step(e, new NodeEvent.ElectionStarted(ValueDecoder.ballot(e.get("ballot"))));
            case "leader":
                return step(e, new NodeEvent.LeaderElected(ValueDecoder.ballot(e.get("ballot"))));
            case "stepdown":
                Field superseding = e.get("ballot");
                return step(e, new NodeEvent.SteppedDown(superseding.present() ? ValueDecoder.ballot(superseding) : null,
                        e.get("reason").asStringOrNull()));
            case "chosen":
                return step(e, new NodeEvent.Chosen(e.get("slot").asLong(), ValueDecoder.command(e.get("cmd"))));
            case "apply":
                return step(e, applied(e));
            case "snapshot":
                return step(e, new NodeEvent.SnapshotTaken(e.get("upTo").asLong()));
            case "install":
                return step(e, new NodeEvent.SnapshotInstalled(e.get("upTo").asLong(), e.get("from").asNode()));
            case "view":
                return step(e, new NodeEvent.ViewChanged(e.get("view").asLong(), e.get("primary").asInt(),
                        e.get("backup").asInt()));
            case "send":
                return new EventBody.Send(endpoint(e), ValueDecoder.address(e.get("to")), MessageDecoder.wire(e.get("msg")),
                        due(e));
            case "deliver":
                return new EventBody.Deliver(endpoint(e), ValueDecoder.address(e.get("from")), MessageDecoder.wire(e.get("msg")),
                        copy(e));
            case "drop":
                return new EventBody.Drop(ValueDecoder.address(e.get("from")), ValueDecoder.address(e.get("to")),
                        MessageDecoder.wire(e.get("msg")), e.get("reason").asString(), copy(e));
            case "duplicate":
                return new EventBody.Duplicate(ValueDecoder.address(e.get("from")), ValueDecoder.address(e.get("to")),
                        MessageDecoder.wire(e.get("msg")), copy(e), due(e));
            case "hold":
                return new EventBody.Hold(ValueDecoder.address(e.get("from")), ValueDecoder.address(e.get("to")),
                        MessageDecoder.wire(e.get("msg")), copy(e));
            case "release":
                return new EventBody.Release(ValueDecoder.address(e.get("from")), ValueDecoder.address(e.get("to")),
                        MessageDecoder.wire(e.get("msg")), copy(e), due(e));
            case "by-hand":
                return new EventBody.ByHand(e.get("action").asString());
            case "caption":
                return caption(e);
            case "clock":
                return new EventBody.Clock(e.get("speed").asDouble(), e.get("paused").asBoolean());
            case "link":
                return new EventBody.Link(e.get("from").asNode(), e.get("to").asNode(), e.get("up").asBoolean());
            case "partition":
                return new EventBody.Partitioned(groups(e.get("groups")));
            case "heal":
                return new EventBody.Healed();
            case "isolate":
                return new EventBody.Isolated(e.get("node").asNode());
            case "network":
                return network(e);
            case "crash":
                return new EventBody.Crash(e.get("node").asNode());
            case "restart":
                return restart(e);
            case "invoke":
                return new EventBody.Invoke(e.get("client").asString(), ValueDecoder.command(e.get("op")));
            case "return":
                return returned(e);
            case "end":
                return end(e.get("nodes"));
            default:
                Field node = e.get("node");
                return new EventBody.Unknown(type, node.isNode() ? node.asNode() : null);
        }
    }

    /** Only the text is required; a highlight names nodes by number (roles were resolved when it was recorded). */
    private static EventBody caption(Field e) throws BadInputException {
        Field pause = e.get("pause");
        Field forMs = e.get("forMs");
        Field highlight = e.get("highlight");
        return new EventBody.Caption(e.get("text").asString(), pause.present() && pause.asBoolean(),
                forMs.present() ? forMs.asDouble() : Double.NaN,
                highlight.present() ? highlight(highlight.requireObject()) : Highlight.NONE);
    }

    private static Highlight highlight(Field h) throws BadInputException {
        List<Integer> nodes = new ArrayList<>();
        for (Field node : optionalItems(h.get("nodes"))) {
            nodes.add(node.asNode());
        }
        List<Highlight.Link> links = new ArrayList<>();
        for (Field link : optionalItems(h.get("links"))) {
            List<Field> ends = link.items();
            if (ends.size() != 2) {
                throw link.fail("a link is two node indices, got " + ends.size() + " values");
            }
            links.add(new Highlight.Link(ends.get(0).asNode(), ends.get(1).asNode()));
        }
        List<Field> slots = optionalItems(h.get("slots"));
        if (!slots.isEmpty() && slots.size() != 2) {
            throw h.get("slots").fail("expected [first, last], got " + slots.size() + " values");
        }
        List<String> kinds = new ArrayList<>();
        for (Field kind : optionalItems(h.get("kinds"))) {
            kinds.add(kind.asString());
        }
        return new Highlight(nodes, List.of(), links,
                slots.isEmpty() ? Highlight.NO_SLOT : slots.get(0).asLong(),
                slots.isEmpty() ? Highlight.NO_SLOT : slots.get(1).asLong(), kinds);
    }

    private static List<Field> optionalItems(Field field) throws BadInputException {
        return field.present() ? field.items() : List.of();
    }

    /** The optional due time of a message copy; NaN when not given. */
    private static double due(Field e) throws BadInputException {
        Field due = e.get("due");
        return due.present() ? due.asDouble() : Double.NaN;
    }

    /** The optional copy number of a message; {@link EventBody#ANY_COPY} when not given. */
    private static int copy(Field e) throws BadInputException {
        Field copy = e.get("copy");
        if (!copy.present()) {
            return EventBody.ANY_COPY;
        }
        int number = copy.asInt();
        if (number < 0) {
            throw copy.fail("must be 0 or more, got " + number);
        }
        return number;
    }

    private static EventBody step(Field e, NodeEvent event) throws BadInputException {
        return new EventBody.NodeStep(e.get("node").asNode(), e.shared().nodeEvent(event));
    }

    /** The result is optional; when given, it is read by the command's type. */
    private static NodeEvent applied(Field e) throws BadInputException {
        Command cmd = ValueDecoder.command(e.get("cmd"));
        Field result = e.get("result");
        return new NodeEvent.Applied(e.get("slot").asLong(), cmd,
                result.present() ? ValueDecoder.result(result, cmd.type()) : null);
    }

    /** The sender of a send or the receiver of a deliver: {@code "node"}, or {@code "client"} for a client. */
    private static Address endpoint(Field e) throws BadInputException {
        Field node = e.get("node");
        if (node.exists()) {
            return Address.node(node.asNode());
        }
        Field client = e.get("client");
        if (client.exists()) {
            return e.shared().client(client.asString());
        }
        throw node.fail("missing (neither \"node\" nor \"client\" is given)");
    }

    private static List<List<Address>> groups(Field field) throws BadInputException {
        List<List<Address>> groups = new ArrayList<>();
        for (Field group : field.items()) {
            List<Address> members = new ArrayList<>();
            for (Field member : group.items()) {
                members.add(ValueDecoder.address(member));
            }
            groups.add(members);
        }
        return groups;
    }

    private static EventBody network(Field e) throws BadInputException {
        List<Field> delay = e.get("delayMs").items();
        if (delay.size() != 2) {
            throw e.get("delayMs").fail("expected [min, max], got an array of " + delay.size() + " values");
        }
        return new EventBody.NetworkChanged(delay.get(0).asDouble(), delay.get(1).asDouble(),
                e.get("drop").asDouble(), e.get("duplicate").asDouble());
    }

    /** The contract requires only {@code node}; the rest defaults to a plain restart. */
    private static EventBody restart(Field e) throws BadInputException {
        Field restored = e.get("restoredUpTo");
        Field amnesia = e.get("amnesia");
        return new EventBody.Restart(e.get("node").asNode(),
                restored.present() ? restored.asLong() : -1,
                amnesia.present() && amnesia.asBoolean());
    }

    private static EventBody returned(Field e) throws BadInputException {
        String client = e.get("client").asString();
        Command op = ValueDecoder.command(e.get("op"));
        Field outcomeField = e.get("outcome");
        String outcomeName = outcomeField.asString();
        Outcome outcome;
        if (outcomeName.equals(Outcome.OK.wireName())) {
            outcome = Outcome.OK;
        } else if (outcomeName.equals(Outcome.TIMEOUT.wireName())) {
            outcome = Outcome.TIMEOUT;
        } else {
            throw outcomeField.fail("expected \"ok\" or \"timeout\", got " + outcomeField.describe());
        }
        Field result = e.get("result");
        Result value = outcome == Outcome.OK && result.present() ? ValueDecoder.result(result, op.type()) : null;
        return new EventBody.Return(client, op, outcome, value);
    }

    /** A node that is up has a digest of its state; one that is down may have none (null or left out). */
    private static EventBody end(Field field) throws BadInputException {
        List<EventBody.NodeEnd> nodes = new ArrayList<>();
        for (Field node : field.items()) {
            node.requireObject();
            boolean up = node.get("up").asBoolean();
            Field digest = node.get("digest");
            nodes.add(new EventBody.NodeEnd(node.get("node").asNode(), up, node.get("applied").asLong(),
                    up ? digest.asString() : digest.asStringOrNull()));
        }
        return new EventBody.End(nodes);
    }
}
