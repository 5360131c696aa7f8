package paxosviz.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import paxosviz.core.Address;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.TraceSink;

/**
 * A time window of a trace, as a trace of its own: every event inside the window, and before it
 * every event except the message traffic that was over by the window's start (of that traffic
 * it keeps the messages still on their way, and the last delivery of each kind on each link, which
 * tells who heard whom). So the window still opens at the same state (nodes, links, logs,
 * clients, the messages on their way) and still checks as the whole trace did, at a fraction of
 * the size: most of a trace is messages.
 * Events after the window are left out; seqs keep their numbers (a trace's seqs may have gaps).
 */
public final class TraceWindowExport {

    private TraceWindowExport() {
    }

    /** The header of the window: the trace's own, saying which window it shows. */
    public static TraceHeader header(TraceHeader whole, TimeWindow window) {
        return whole.withWindow(new TraceHeader.Window(Math.max(0, window.from()), window.until()));
    }

    /** Writes the events of {@code events} that the window keeps into {@code out}, in order. */
    public static void write(List<TraceEvent> events, TimeWindow window, TraceSink out) {
        boolean[] keep = kept(events, window);
        for (int i = 0; i < events.size(); i++) {
            if (keep[i]) {
                out.accept(events.get(i));
            }
        }
    }

    private record Route(long id, Address from, Address to) {
    }

    private record LinkKind(Address from, Address to, String kind) {
    }

    /** The copies of one message on its way (their send or duplicate events), and its holds and releases. */
    private static final class Traffic {
        final ArrayDeque<Integer> copies = new ArrayDeque<>();
        final List<Integer> changes = new ArrayList<>();
    }

    /** Which events to keep: message events before the window only for messages still on their way at its start. */
    static boolean[] kept(List<TraceEvent> events, TimeWindow window) {
        boolean[] keep = new boolean[events.size()];
        Map<Route, Traffic> flying = new HashMap<>();
        Map<LinkKind, Integer> lastDelivery = new HashMap<>();
        int i = 0;
        for (; i < events.size() && events.get(i).t() < window.from(); i++) {
            EventBody body = events.get(i).body();
            Route route = route(body);
            if (route == null) {
                keep[i] = true;
            } else if (body instanceof EventBody.Send || body instanceof EventBody.Duplicate) {
                flying.computeIfAbsent(route, r -> new Traffic()).copies.add(i);
            } else if (body instanceof EventBody.Hold || body instanceof EventBody.Release) {
                Traffic traffic = flying.get(route);
                if (traffic != null) {
                    traffic.changes.add(i);
                }
            } else {
                if (body instanceof EventBody.Deliver deliver) {
                    lastDelivery.put(new LinkKind(deliver.from(), deliver.to(), deliver.msg().kind()), i);
                }
                Traffic traffic = flying.get(route);
                if (traffic != null) {
                    traffic.copies.poll();
                    if (traffic.copies.isEmpty()) {
                        flying.remove(route);
                    }
                }
            }
        }
        lastDelivery.values().forEach(index -> keep[index] = true);
        for (Traffic traffic : flying.values()) {
            traffic.copies.forEach(index -> keep[index] = true);
            traffic.changes.forEach(index -> keep[index] = true);
        }
        for (; i < events.size() && events.get(i).t() <= window.until(); i++) {
            keep[i] = true;
        }
        return keep;
    }

    private static Route route(EventBody body) {
        if (body instanceof EventBody.Send send) {
            return new Route(send.msg().id(), send.from(), send.to());
        } else if (body instanceof EventBody.Deliver deliver) {
            return new Route(deliver.msg().id(), deliver.from(), deliver.to());
        } else if (body instanceof EventBody.Drop drop) {
            return new Route(drop.msg().id(), drop.from(), drop.to());
        } else if (body instanceof EventBody.Duplicate duplicate) {
            return new Route(duplicate.msg().id(), duplicate.from(), duplicate.to());
        } else if (body instanceof EventBody.Hold hold) {
            return new Route(hold.msg().id(), hold.from(), hold.to());
        } else if (body instanceof EventBody.Release release) {
            return new Route(release.msg().id(), release.from(), release.to());
        }
        return null;
    }
}
