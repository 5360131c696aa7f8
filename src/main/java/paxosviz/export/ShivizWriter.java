package paxosviz.export;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceSink;

/**
 * A trace as a ShiViz log: the parsing regex first, then, for each event that happened at a
 * process (a node or a client), the host and its vector clock on one line and what happened on
 * the next. Sending stamps a message with the sender's clock; delivering merges it in. Clocks
 * count only the events in the window, so each host's clock goes up by one per logged event,
 * as ShiViz requires.
 */
public final class ShivizWriter implements TraceSink {

    /** ShiViz's parser: the host and its clock on one line, the event on the next. */
    public static final String REGEX = "(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)";

    private final PrintWriter out;
    private final TimeWindow window;
    private final Map<String, TreeMap<String, Long>> clocks = new HashMap<>();
    private final Map<Long, TreeMap<String, Long>> sentWith = new HashMap<>();
    private long written;

    public ShivizWriter(PrintWriter out, TimeWindow window) {
        this.out = out;
        this.window = window;
        out.println(REGEX);
        out.println();
    }

    @Override
    public void accept(TraceEvent event) {
        if (!window.contains(event.t())) {
            return;
        }
        EventBody body = event.body();
        String host = Hosts.of(body);
        if (host == null) {
            return;
        }
        TreeMap<String, Long> clock = clocks.computeIfAbsent(host, h -> new TreeMap<>());
        if (body instanceof EventBody.Deliver deliver) {
            TreeMap<String, Long> stamp = sentWith.get(deliver.msg().id());
            if (stamp != null) {
                stamp.forEach((other, count) -> clock.merge(other, count, Math::max));
            }
        }
        clock.merge(host, 1L, Long::sum);
        if (body instanceof EventBody.Send send) {
            sentWith.put(send.msg().id(), new TreeMap<>(clock));
        }
        out.println(host + " " + json(clock));
        out.println(EventText.of(body).replace('\n', ' '));
        written++;
    }

    private static String json(TreeMap<String, Long> clock) {
        StringBuilder text = new StringBuilder("{");
        clock.forEach((host, count) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append('"').append(host.replace("\"", "\\\"")).append("\": ").append(count);
        });
        return text.append('}').toString();
    }

    /** How many events were logged. */
    public long written() {
        return written;
    }
}
