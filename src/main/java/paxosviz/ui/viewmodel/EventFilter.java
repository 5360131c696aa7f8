package paxosviz.ui.viewmodel;

import java.util.List;
import java.util.Set;

import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

/**
 * What the event log shows: events about {@code node} (-1: any), carrying a message of one of
 * {@code kinds} (empty: any event, with or without a message), of one of {@code types} (empty: any).
 */
public record EventFilter(int node, Set<MessageKind> kinds, Set<String> types) {

    public static final EventFilter ANY = new EventFilter(-1, Set.of(), Set.of());

    /** The trace's event types, in the order the type filter offers them. */
    public static final List<String> TYPES = List.of("send", "deliver", "drop", "promise", "accept", "chosen", "apply",
            "leader", "elect", "stepdown", "snapshot", "install", "crash", "restart", "link", "partition", "heal",
            "isolate", "network", "invoke", "return", "end");

    public EventFilter {
        kinds = Set.copyOf(kinds);
        types = Set.copyOf(types);
    }

    public boolean isAny() {
        return equals(ANY);
    }

    public EventFilter withNode(int newNode) {
        return new EventFilter(newNode, kinds, types);
    }

    public EventFilter withKinds(Set<MessageKind> newKinds) {
        return new EventFilter(node, newKinds, types);
    }

    public EventFilter withTypes(Set<String> newTypes) {
        return new EventFilter(node, kinds, newTypes);
    }

    public boolean matches(TraceEvent event) {
        EventBody body = event.body();
        if (!types.isEmpty() && !types.contains(body.type())) {
            return false;
        }
        if (!kinds.isEmpty()) {
            Wire wire = wire(body);
            if (wire == null || !kinds.contains(MessageKind.of(wire.kind()))) {
                return false;
            }
        }
        return node < 0 || EventNodes.involves(body, node);
    }

    /** The family of the message an event carries, or null for an event without one. */
    public static MessageKind kindOf(TraceEvent event) {
        Wire wire = wire(event.body());
        return wire == null ? null : MessageKind.of(wire.kind());
    }

    /** The message an event carries, or null. */
    static Wire wire(EventBody body) {
        if (body instanceof EventBody.Send send) {
            return send.msg();
        }
        if (body instanceof EventBody.Deliver deliver) {
            return deliver.msg();
        }
        if (body instanceof EventBody.Drop drop) {
            return drop.msg();
        }
        return null;
    }
}
