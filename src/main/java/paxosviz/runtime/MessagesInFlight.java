package paxosviz.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import paxosviz.core.Address;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Wire;

/**
 * The copies of messages on their way, by message id, for the per-message controls (hold,
 * release, deliver now, drop, duplicate). A message has one copy unless the network or the
 * user duplicated it; copies are numbered from 0 in the order they were made. Not thread-safe:
 * a multi-threaded runtime calls it under its own lock.
 */
public final class MessagesInFlight {

    /** One copy of a message in flight. Its runtime's agenda holds a ticket for it, voided by bumping {@link #version}. */
    public static final class Copy {
        public final Address from;
        public final Address to;
        public final Wire wire;
        public final int number;
        public final long sentAt;
        public long dueAt;
        public boolean held;
        /** Whether its due time came while held: it waits off the agenda until released. */
        public boolean parked;
        public int version;
        private final Copies siblings;

        private Copy(Address from, Address to, Wire wire, int number, long sentAt, long dueAt, Copies siblings) {
            this.from = from;
            this.to = to;
            this.wire = wire;
            this.number = number;
            this.sentAt = sentAt;
            this.dueAt = dueAt;
            this.siblings = siblings;
        }

        /** How events name this copy: by number once the message has more than one, else not at all. */
        public int label() {
            return siblings.made > 1 ? number : EventBody.ANY_COPY;
        }

        public InFlight view() {
            return new InFlight(wire.id(), number, from, to, wire, sentAt, dueAt, held);
        }
    }

    private static final class Copies {
        final List<Copy> live = new ArrayList<>(1);
        int made;
    }

    private final Map<Long, Copies> byId = new HashMap<>();

    /** The first copy of a message just sent. */
    public Copy add(Address from, Address to, Wire wire, long sentAt, long dueAt) {
        Copies copies = byId.computeIfAbsent(wire.id(), id -> new Copies());
        return make(copies, from, to, wire, sentAt, dueAt);
    }

    /** Another copy of a message that has one in flight, due at {@code dueAt}. */
    public Copy duplicate(Copy of, long now, long dueAt) {
        return make(of.siblings, of.from, of.to, of.wire, now, dueAt);
    }

    private Copy make(Copies copies, Address from, Address to, Wire wire, long sentAt, long dueAt) {
        Copy copy = new Copy(from, to, wire, copies.made++, sentAt, dueAt, copies);
        copies.live.add(copy);
        if (copies.live.size() == 1) {
            byId.put(wire.id(), copies);
        }
        return copy;
    }

    /** The copy arrived or was lost. */
    public void remove(Copy copy) {
        Copies copies = byId.get(copy.wire.id());
        if (copies != null && copies.live.remove(copy) && copies.live.isEmpty()) {
            byId.remove(copy.wire.id());
        }
    }

    /** Copy {@code number} of message {@code id}, or every copy of it for {@link EventBody#ANY_COPY}; empty if none is on its way. */
    public List<Copy> select(long id, int number) {
        Copies copies = byId.get(id);
        if (copies == null) {
            return List.of();
        }
        List<Copy> chosen = new ArrayList<>(copies.live.size());
        for (Copy copy : copies.live) {
            if (number == EventBody.ANY_COPY || copy.number == number) {
                chosen.add(copy);
            }
        }
        return chosen;
    }

    /** Every copy on its way, oldest first. */
    public List<InFlight> views() {
        List<InFlight> views = new ArrayList<>();
        for (Copies copies : byId.values()) {
            for (Copy copy : copies.live) {
                views.add(copy.view());
            }
        }
        views.sort((a, b) -> a.sentAt() != b.sentAt() ? Long.compare(a.sentAt(), b.sentAt()) : Long.compare(a.id(), b.id()));
        return views;
    }
}
