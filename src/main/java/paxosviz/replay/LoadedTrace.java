package paxosviz.replay;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import paxosviz.core.Address;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;

/**
 * A trace held in memory for replay: its header and its events in order, with their times and
 * seqs in flat arrays for binary search. A send that does not say when its message is due (a
 * trace from another tool) is given the time its message arrived or was lost, which the trace
 * tells further on, so its dot still travels its lane.
 */
public final class LoadedTrace {

    private final TraceHeader header;
    private final TraceEvent[] events;
    private final double[] times;
    private final long[] seqs;

    LoadedTrace(TraceHeader header, List<TraceEvent> events) {
        this.header = header;
        this.events = events.toArray(new TraceEvent[0]);
        this.times = new double[this.events.length];
        this.seqs = new long[this.events.length];
        for (int i = 0; i < this.events.length; i++) {
            times[i] = this.events[i].t();
            seqs[i] = this.events[i].seq();
        }
        fillInDueTimes();
    }

    public TraceHeader header() {
        return header;
    }

    public int size() {
        return events.length;
    }

    /** Event number {@code index}, from 0. */
    public TraceEvent event(int index) {
        return events[index];
    }

    /** The events from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<TraceEvent> events(int from, int to) {
        return Arrays.asList(events).subList(from, to);
    }

    /** The time of the first event, or 0 for an empty trace. */
    public double startMillis() {
        return events.length == 0 ? 0 : times[0];
    }

    /** The time of the last event, or 0 for an empty trace. */
    public double endMillis() {
        return events.length == 0 ? 0 : times[times.length - 1];
    }

    /**
     * How many events happened at or before {@code millis}: the position a replay shows at
     * that time. Times never decrease along a trace, except in a broken one, where this is
     * still a position, only not the only one with that time.
     */
    public int positionAt(double millis) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= millis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The index of the event with this seq, or -1 if the trace has none (seqs may have gaps). */
    public int indexOfSeq(long seq) {
        int index = Arrays.binarySearch(seqs, seq);
        return index >= 0 ? index : -1;
    }

    /** The index of the first event with a seq at or after {@code seq}, or the size if none. */
    public int indexAtOrAfterSeq(long seq) {
        int index = Arrays.binarySearch(seqs, seq);
        return index >= 0 ? index : -index - 1;
    }

    private record Route(long id, Address from, Address to) {
    }

    private void fillInDueTimes() {
        Map<Route, ArrayDeque<Integer>> waiting = new HashMap<>();
        for (int i = 0; i < events.length; i++) {
            EventBody body = events[i].body();
            if (body instanceof EventBody.Send send && Double.isNaN(send.dueMs())) {
                waiting.computeIfAbsent(new Route(send.msg().id(), send.from(), send.to()), r -> new ArrayDeque<>()).add(i);
            } else if (!waiting.isEmpty() && body instanceof EventBody.Deliver deliver) {
                arrived(waiting, new Route(deliver.msg().id(), deliver.from(), deliver.to()), times[i]);
            } else if (!waiting.isEmpty() && body instanceof EventBody.Drop drop) {
                arrived(waiting, new Route(drop.msg().id(), drop.from(), drop.to()), times[i]);
            }
        }
    }

    private void arrived(Map<Route, ArrayDeque<Integer>> waiting, Route route, double at) {
        ArrayDeque<Integer> sends = waiting.get(route);
        if (sends == null) {
            return;
        }
        int index = sends.poll();
        if (sends.isEmpty()) {
            waiting.remove(route);
        }
        TraceEvent sent = events[index];
        EventBody.Send send = (EventBody.Send) sent.body();
        events[index] = new TraceEvent(sent.seq(), sent.t(), new EventBody.Send(send.from(), send.to(), send.msg(), at));
    }
}
