package paxosviz.trace.json;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.scenario.json.NarrationWriter;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

/** Writes one event as {@code {"seq":N,"t":T,"type":"..",...}} with its fields in a fixed order. */
final class EventEncoder {

    private EventEncoder() {
    }

    static void event(TraceEvent event, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeNumberField("seq", event.seq());
        out.writeNumberField("t", event.t());
        out.writeStringField("type", event.type());
        body(event.body(), out);
        out.writeEndObject();
    }

    private static void body(EventBody body, JsonGenerator out) throws IOException {
        if (body instanceof EventBody.NodeStep step) {
            out.writeNumberField("node", step.node());
            nodeEvent(step.event(), out);
        } else if (body instanceof EventBody.Send send) {
            endpoint(send.from(), out);
            address("to", send.to(), out);
            wire(send.msg(), out);
            due(send.dueMs(), out);
        } else if (body instanceof EventBody.Deliver deliver) {
            endpoint(deliver.to(), out);
            address("from", deliver.from(), out);
            wire(deliver.msg(), out);
            copy(deliver.copy(), out);
        } else if (body instanceof EventBody.Drop drop) {
            transit(drop.from(), drop.to(), drop.msg(), drop.copy(), out);
            out.writeStringField("reason", drop.reason());
        } else if (body instanceof EventBody.Duplicate duplicate) {
            transit(duplicate.from(), duplicate.to(), duplicate.msg(), duplicate.copy(), out);
            due(duplicate.dueMs(), out);
        } else if (body instanceof EventBody.Hold hold) {
            transit(hold.from(), hold.to(), hold.msg(), hold.copy(), out);
        } else if (body instanceof EventBody.Release release) {
            transit(release.from(), release.to(), release.msg(), release.copy(), out);
            due(release.dueMs(), out);
        } else if (body instanceof EventBody.ByHand byHand) {
            out.writeStringField("action", byHand.action());
        } else if (body instanceof EventBody.Caption caption) {
            caption(caption, out);
        } else if (body instanceof EventBody.Clock clock) {
            out.writeNumberField("speed", clock.speed());
            out.writeBooleanField("paused", clock.paused());
        } else if (body instanceof EventBody.Link link) {
            out.writeNumberField("from", link.from());
            out.writeNumberField("to", link.to());
            out.writeBooleanField("up", link.up());
        } else if (body instanceof EventBody.Partitioned partitioned) {
            groups(partitioned.groups(), out);
        } else if (body instanceof EventBody.Isolated isolated) {
            out.writeNumberField("node", isolated.node());
        } else if (body instanceof EventBody.NetworkChanged network) {
            out.writeArrayFieldStart("delayMs");
            out.writeNumber(network.minDelayMs());
            out.writeNumber(network.maxDelayMs());
            out.writeEndArray();
            out.writeNumberField("drop", network.drop());
            out.writeNumberField("duplicate", network.duplicate());
        } else if (body instanceof EventBody.Crash crash) {
            out.writeNumberField("node", crash.node());
        } else if (body instanceof EventBody.Restart restart) {
            out.writeNumberField("node", restart.node());
            out.writeNumberField("restoredUpTo", restart.restoredUpTo());
            out.writeBooleanField("amnesia", restart.amnesia());
        } else if (body instanceof EventBody.Invoke invoke) {
            out.writeStringField("client", invoke.client());
            out.writeFieldName("op");
            ValueEncoder.command(invoke.op(), out);
        } else if (body instanceof EventBody.Return ret) {
            returned(ret, out);
        } else if (body instanceof EventBody.End end) {
            nodeEnds(end.nodes(), out);
        } else if (body instanceof EventBody.Unknown unknown) {
            if (unknown.node() != null) {
                out.writeNumberField("node", unknown.node());
            }
        } else if (!(body instanceof EventBody.Healed)) {
            throw new IllegalArgumentException("unknown event " + body);
        }
    }

    private static void nodeEvent(NodeEvent event, JsonGenerator out) throws IOException {
        if (event instanceof NodeEvent.Promised e) {
            ballot(e.ballot(), out);
        } else if (event instanceof NodeEvent.Accepted e) {
            out.writeNumberField("slot", e.slot());
            ballot(e.ballot(), out);
            command("cmd", e.cmd(), out);
        } else if (event instanceof NodeEvent.ElectionStarted e) {
            ballot(e.ballot(), out);
        } else if (event instanceof NodeEvent.LeaderElected e) {
            ballot(e.ballot(), out);
        } else if (event instanceof NodeEvent.SteppedDown e) {
            if (e.ballot() != null) {
                ballot(e.ballot(), out);
            }
            if (e.reason() != null) {
                out.writeStringField("reason", e.reason());
            }
        } else if (event instanceof NodeEvent.Chosen e) {
            out.writeNumberField("slot", e.slot());
            command("cmd", e.cmd(), out);
        } else if (event instanceof NodeEvent.Applied e) {
            out.writeNumberField("slot", e.slot());
            command("cmd", e.cmd(), out);
            if (e.result() != null) {
                out.writeFieldName("result");
                ValueEncoder.result(e.result(), out);
            }
        } else if (event instanceof NodeEvent.SnapshotTaken e) {
            out.writeNumberField("upTo", e.upTo());
        } else if (event instanceof NodeEvent.SnapshotInstalled e) {
            out.writeNumberField("upTo", e.upTo());
            out.writeNumberField("from", e.from());
        } else if (event instanceof NodeEvent.ViewChanged e) {
            out.writeNumberField("view", e.view());
            out.writeNumberField("primary", e.primary());
            out.writeNumberField("backup", e.backup());
        } else {
            throw new IllegalArgumentException("unknown node event " + event);
        }
    }

    /** The sender of a send or the receiver of a deliver: {@code "node"} or {@code "client"}. */
    private static void endpoint(Address address, JsonGenerator out) throws IOException {
        if (address instanceof Address.Node node) {
            out.writeNumberField("node", node.index());
        } else {
            out.writeStringField("client", ((Address.Client) address).name());
        }
    }

    private static void returned(EventBody.Return ret, JsonGenerator out) throws IOException {
        out.writeStringField("client", ret.client());
        command("op", ret.op(), out);
        out.writeStringField("outcome", ret.outcome().wireName());
        if (ret.outcome() == Outcome.OK && ret.result() != null) {
            out.writeFieldName("result");
            ValueEncoder.result(ret.result(), out);
        }
    }

    private static void groups(List<List<Address>> groups, JsonGenerator out) throws IOException {
        out.writeArrayFieldStart("groups");
        for (List<Address> group : groups) {
            out.writeStartArray();
            for (Address member : group) {
                ValueEncoder.address(member, out);
            }
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    private static void nodeEnds(List<EventBody.NodeEnd> nodes, JsonGenerator out) throws IOException {
        out.writeArrayFieldStart("nodes");
        for (EventBody.NodeEnd node : nodes) {
            out.writeStartObject();
            out.writeNumberField("node", node.node());
            out.writeBooleanField("up", node.up());
            out.writeNumberField("applied", node.applied());
            out.writeStringField("digest", node.digest());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void ballot(Ballot ballot, JsonGenerator out) throws IOException {
        out.writeFieldName("ballot");
        ValueEncoder.ballot(ballot, out);
    }

    private static void command(String name, Command cmd, JsonGenerator out) throws IOException {
        out.writeFieldName(name);
        ValueEncoder.command(cmd, out);
    }

    private static void address(String name, Address address, JsonGenerator out) throws IOException {
        out.writeFieldName(name);
        ValueEncoder.address(address, out);
    }

    /** A message on its way: {@code from}, {@code to}, {@code msg} and, when named, its {@code copy}. */
    private static void transit(Address from, Address to, Wire wire, int copy, JsonGenerator out) throws IOException {
        address("from", from, out);
        address("to", to, out);
        wire(wire, out);
        copy(copy, out);
    }

    private static void copy(int copy, JsonGenerator out) throws IOException {
        if (copy != EventBody.ANY_COPY) {
            out.writeNumberField("copy", copy);
        }
    }

    private static void due(double dueMs, JsonGenerator out) throws IOException {
        if (!Double.isNaN(dueMs)) {
            out.writeNumberField("due", dueMs);
        }
    }

    private static void wire(Wire wire, JsonGenerator out) throws IOException {
        out.writeFieldName("msg");
        MessageEncoder.wire(wire, out);
    }

    private static void caption(EventBody.Caption caption, JsonGenerator out) throws IOException {
        out.writeStringField("text", caption.text());
        out.writeBooleanField("pause", caption.pause());
        if (!Double.isNaN(caption.forMs())) {
            out.writeNumberField("forMs", caption.forMs());
        }
        if (!caption.highlight().isEmpty()) {
            out.writeFieldName("highlight");
            NarrationWriter.writeHighlight(caption.highlight(), out);
        }
    }
}
