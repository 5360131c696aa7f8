package paxosviz.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceSink;

/**
 * What a space-time diagram shows, collected from a trace: one line per process (nodes first,
 * then clients), time flowing down; an arrow per delivered message; a cross where a message was
 * lost; marks where leaders, crashes, restarts and snapshot installs happened.
 */
public final class SpaceTimeDiagram implements TraceSink {

    /** A message from one host to another, sent at {@code sent}, arriving at {@code arrived} (NaN: lost). */
    public record Arrow(String from, String to, String kind, double sent, double arrived) {
    }

    /** Something that happened at a host. */
    public record Mark(String host, double t, String label, boolean fault) {
    }

    private record Sent(String from, String kind, double t) {
    }

    private final TimeWindow window;
    private final Set<String> hosts = new LinkedHashSet<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final Map<Long, Sent> sent = new HashMap<>();
    private final String notice;
    private double first = Double.NaN;
    private double last = Double.NaN;

    public SpaceTimeDiagram(int nodes, TimeWindow window) {
        this(nodes, window, "");
    }

    /** {@code notice}: a line the picture must carry above everything, such as why the run is unsafe (empty: none). */
    public SpaceTimeDiagram(int nodes, TimeWindow window, String notice) {
        this.window = window;
        this.notice = notice;
        for (int node = 0; node < nodes; node++) {
            hosts.add("n" + node);
        }
    }

    @Override
    public void accept(TraceEvent event) {
        if (!window.contains(event.t())) {
            return;
        }
        first = Double.isNaN(first) ? event.t() : first;
        last = event.t();
        EventBody body = event.body();
        if (body instanceof EventBody.Send send) {
            sent.put(send.msg().id(), new Sent(Hosts.name(send.from()), send.msg().kind(), event.t()));
            hosts.add(Hosts.name(send.from()));
        } else if (body instanceof EventBody.Deliver deliver) {
            Sent from = sent.get(deliver.msg().id());
            if (from != null) {
                hosts.add(Hosts.name(deliver.to()));
                arrows.add(new Arrow(from.from(), Hosts.name(deliver.to()), from.kind(), from.t(), event.t()));
            }
        } else if (body instanceof EventBody.Drop drop) {
            Sent from = sent.get(drop.msg().id());
            if (from != null) {
                arrows.add(new Arrow(from.from(), Hosts.name(drop.to()), from.kind(), from.t(), Double.NaN));
            }
        } else if (body instanceof EventBody.NodeStep step) {
            mark(step, event.t());
        } else if (body instanceof EventBody.Crash crash) {
            marks.add(new Mark("n" + crash.node(), event.t(), "crash", true));
        } else if (body instanceof EventBody.Restart restart) {
            marks.add(new Mark("n" + restart.node(), event.t(), "restart", false));
        }
    }

    private void mark(EventBody.NodeStep step, double t) {
        NodeEvent event = step.event();
        String host = "n" + step.node();
        if (event instanceof NodeEvent.LeaderElected leader) {
            marks.add(new Mark(host, t, "leader " + leader.ballot(), false));
        } else if (event instanceof NodeEvent.SteppedDown) {
            marks.add(new Mark(host, t, "steps down", false));
        } else if (event instanceof NodeEvent.SnapshotInstalled installed) {
            marks.add(new Mark(host, t, "installs snapshot ≤" + installed.upTo(), false));
        }
    }

    public List<String> hosts() {
        return List.copyOf(hosts);
    }

    public List<Arrow> arrows() {
        return arrows;
    }

    public List<Mark> marks() {
        return marks;
    }

    public String notice() {
        return notice;
    }

    /** The first and last times shown, in milliseconds (NaN if the window held nothing). */
    public double first() {
        return first;
    }

    public double last() {
        return last;
    }
}
