package paxosviz.export;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * then clients); an arrow per delivered message; a cross where a message was lost; marks where
 * leaders, crashes, restarts and snapshot installs happened; and the messages still on their
 * way. The export collects a whole window at once; the window's view slides, forgetting what
 * fell out of sight so its memory stays bounded however long the run.
 */
public final class SpaceTimeDiagram implements TraceSink {

    /**
     * Copy {@code copy} of message {@code id} from one host to another, sent at {@code sent};
     * it arrived at {@code ended}, or was lost then ({@code lost}), or is still on its way
     * ({@code ended} NaN).
     */
    public record Arrow(long id, int copy, String from, String to, String kind, double sent, double ended, boolean lost) {

        /** When it arrived; NaN if it was lost or is still on its way. */
        public double arrived() {
            return lost ? Double.NaN : ended;
        }

        public boolean flying() {
            return Double.isNaN(ended);
        }
    }

    /** Something that happened at a host. */
    public record Mark(String host, double t, String label, boolean fault) {
    }

    /** A message on its way: its copies still out, and when the latest one is due (NaN: not said; infinite: held). */
    public static final class Pending {
        private final Arrow arrow;
        private double due;
        private int copies = 1;

        Pending(Arrow arrow, double due) {
            this.arrow = arrow;
            this.due = due;
        }

        /** The message as an arrow that has not ended yet. */
        public Arrow arrow() {
            return arrow;
        }

        public double due() {
            return due;
        }
    }

    private final TimeWindow window;
    private final Set<String> hosts = new LinkedHashSet<>();
    // in the order they ended, which is the order of the events: the oldest are forgotten first
    private final Deque<Arrow> arrows = new ArrayDeque<>();
    private final Deque<Mark> marks = new ArrayDeque<>();
    // in the order they were sent
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
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
            String from = Hosts.name(send.from());
            hosts.add(from);
            Arrow arrow = new Arrow(send.msg().id(), EventBody.ANY_COPY, from, Hosts.name(send.to()), send.msg().kind(),
                    event.t(), Double.NaN, false);
            pending.put(send.msg().id(), new Pending(arrow, send.dueMs()));
        } else if (body instanceof EventBody.Deliver deliver) {
            end(deliver.msg().id(), deliver.copy(), event.t(), false);
        } else if (body instanceof EventBody.Drop drop) {
            end(drop.msg().id(), drop.copy(), event.t(), true);
        } else if (body instanceof EventBody.Duplicate duplicate) {
            Pending message = pending.get(duplicate.msg().id());
            if (message != null) {
                message.copies++;
                message.due = duplicate.dueMs();
            }
        } else if (body instanceof EventBody.Hold hold) {
            Pending message = pending.get(hold.msg().id());
            if (message != null) {
                message.due = Double.POSITIVE_INFINITY; // due whenever it is released
            }
        } else if (body instanceof EventBody.Release release) {
            Pending message = pending.get(release.msg().id());
            if (message != null) {
                message.due = release.dueMs();
            }
        } else if (body instanceof EventBody.NodeStep step) {
            mark(step, event.t());
        } else if (body instanceof EventBody.Crash crash) {
            marks.add(new Mark("n" + crash.node(), event.t(), "crash", true));
        } else if (body instanceof EventBody.Restart restart) {
            marks.add(new Mark("n" + restart.node(), event.t(), "restart", false));
        }
    }

    /** A copy arrived or was lost: an arrow from its send; the message is forgotten with its last copy. */
    private void end(long id, int copy, double t, boolean lost) {
        Pending message = pending.get(id);
        if (message == null) {
            return;
        }
        Arrow sent = message.arrow;
        hosts.add(sent.to());
        arrows.add(new Arrow(id, copy, sent.from(), sent.to(), sent.kind(), sent.sent(), t, lost));
        if (--message.copies <= 0) {
            pending.remove(id);
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

    /**
     * Forgets the arrows that ended and the marks made before {@code t}, and the messages sent
     * and due before it that never got a fate (a held one stays as long as it is held).
     */
    public void forgetBefore(double t) {
        while (!arrows.isEmpty() && arrows.peekFirst().ended() < t) {
            arrows.removeFirst();
        }
        while (!marks.isEmpty() && marks.peekFirst().t() < t) {
            marks.removeFirst();
        }
        Iterator<Pending> oldest = pending.values().iterator();
        while (oldest.hasNext()) {
            Pending message = oldest.next();
            if (message.arrow.sent() >= t) {
                break;
            }
            if (message.due < t) {
                oldest.remove();
            }
        }
    }

    /** Forgets the oldest arrows but the last {@code count}: a dense stretch costs no more than that to keep and draw. */
    public void keepNewest(int count) {
        while (arrows.size() > count) {
            arrows.removeFirst();
        }
    }

    public List<String> hosts() {
        return List.copyOf(hosts);
    }

    /** The messages that arrived or were lost, in the order they did. */
    public Deque<Arrow> arrows() {
        return arrows;
    }

    public Deque<Mark> marks() {
        return marks;
    }

    public String notice() {
        return notice;
    }

    /** The messages on their way, the oldest first. */
    public Collection<Pending> inFlight() {
        return pending.values();
    }

    /** The first and last times shown, in milliseconds (NaN if the window held nothing). */
    public double first() {
        return first;
    }

    public double last() {
        return last;
    }
}
