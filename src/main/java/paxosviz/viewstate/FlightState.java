package paxosviz.viewstate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import paxosviz.core.Address;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Wire;

/**
 * The messages on their way, folded from {@code send}, {@code duplicate}, {@code hold},
 * {@code release}, {@code deliver} and {@code drop} events. A deliver or drop that does not name
 * its copy takes the copy due first, as a network with duplicates would deliver it.
 */
public final class FlightState {

    /** What became of a copy that is no longer on its way: {@code fate} says it, e.g. "arrived at n2". */
    public record Gone(long id, int copy, String fate, double atMs) {
    }

    /** How many gone copies are remembered, so the message panel can say what became of the selected one. */
    static final int GONE_KEPT = 256;

    // by message id, in the order they were sent
    private final LinkedHashMap<Long, List<Flying>> byId;
    private final LinkedHashMap<Long, Gone> gone;

    FlightState() {
        byId = new LinkedHashMap<>();
        gone = new LinkedHashMap<>();
    }

    private FlightState(FlightState from) {
        byId = new LinkedHashMap<>(from.byId.size() * 2);
        from.byId.forEach((id, copies) -> byId.put(id, new ArrayList<>(copies)));
        gone = new LinkedHashMap<>(from.gone);
    }

    /** What became of the latest copy of message {@code id} to leave the network, or null if none did lately. */
    public Gone gone(long id) {
        return gone.get(id);
    }

    FlightState copy() {
        return new FlightState(this);
    }

    /** Every copy on its way, oldest first. */
    public List<Flying> all() {
        List<Flying> all = new ArrayList<>(byId.size());
        byId.values().forEach(all::addAll);
        return all;
    }

    public int size() {
        int size = 0;
        for (List<Flying> copies : byId.values()) {
            size += copies.size();
        }
        return size;
    }

    /** The copy of message {@code id} numbered {@code copy}, or the first one for {@link EventBody#ANY_COPY}; null if none. */
    public Flying find(long id, int copy) {
        List<Flying> copies = byId.get(id);
        if (copies == null) {
            return null;
        }
        for (Flying flying : copies) {
            if (copy == EventBody.ANY_COPY || flying.copy() == copy) {
                return flying;
            }
        }
        return null;
    }

    /** How many copies of message {@code id} are on their way. */
    public int copies(long id) {
        List<Flying> copies = byId.get(id);
        return copies == null ? 0 : copies.size();
    }

    void accept(double t, EventBody body) {
        if (body instanceof EventBody.Send send) {
            add(new Flying(send.msg().id(), 0, send.from(), send.to(), send.msg(), t, send.dueMs(), false));
        } else if (body instanceof EventBody.Duplicate duplicate) {
            add(new Flying(duplicate.msg().id(), duplicate.copy(), duplicate.from(), duplicate.to(), duplicate.msg(), t,
                    duplicate.dueMs(), false));
        } else if (body instanceof EventBody.Hold hold) {
            change(hold.msg(), hold.from(), hold.to(), hold.copy(), flying -> flying.with(flying.dueMs(), true));
        } else if (body instanceof EventBody.Release release) {
            change(release.msg(), release.from(), release.to(), release.copy(), flying -> flying.with(release.dueMs(), false));
        } else if (body instanceof EventBody.Deliver deliver) {
            remove(deliver.msg(), deliver.from(), deliver.to(), deliver.copy(), "arrived at " + deliver.to(), t);
        } else if (body instanceof EventBody.Drop drop) {
            String why = drop.reason().equals("manual") ? "was dropped by hand"
                    : "was lost (" + drop.reason() + ") on its way to " + drop.to();
            remove(drop.msg(), drop.from(), drop.to(), drop.copy(), why, t);
        }
    }

    private void add(Flying flying) {
        byId.computeIfAbsent(flying.id(), id -> new ArrayList<>(1)).add(flying);
    }

    private void change(Wire wire, Address from, Address to, int copy, java.util.function.UnaryOperator<Flying> how) {
        List<Flying> copies = byId.get(wire.id());
        if (copies == null) {
            return;
        }
        for (int i = 0; i < copies.size(); i++) {
            Flying flying = copies.get(i);
            if (same(flying, from, to) && (copy == EventBody.ANY_COPY || flying.copy() == copy)) {
                copies.set(i, how.apply(flying));
            }
        }
    }

    private void remove(Wire wire, Address from, Address to, int copy, String fate, double t) {
        List<Flying> copies = byId.get(wire.id());
        if (copies == null) {
            return;
        }
        int chosen = -1;
        for (int i = 0; i < copies.size(); i++) {
            Flying flying = copies.get(i);
            if (!same(flying, from, to)) {
                continue;
            }
            if (copy != EventBody.ANY_COPY) {
                if (flying.copy() == copy) {
                    chosen = i;
                    break;
                }
            } else if (chosen < 0 || dueBefore(flying, copies.get(chosen))) {
                chosen = i;
            }
        }
        if (chosen >= 0) {
            Flying left = copies.remove(chosen);
            gone.remove(wire.id());
            gone.put(wire.id(), new Gone(wire.id(), left.copy(), fate, t));
            if (gone.size() > GONE_KEPT) {
                gone.remove(gone.keySet().iterator().next());
            }
            if (copies.isEmpty()) {
                byId.remove(wire.id());
            }
        }
    }

    private static boolean same(Flying flying, Address from, Address to) {
        return flying.from().equals(from) && flying.to().equals(to);
    }

    private static boolean dueBefore(Flying a, Flying b) {
        return !Double.isNaN(a.dueMs()) && (Double.isNaN(b.dueMs()) || a.dueMs() < b.dueMs());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlightState that && byId.equals(that.byId) && gone.equals(that.gone);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }
}
