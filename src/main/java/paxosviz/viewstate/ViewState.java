package paxosviz.viewstate;

import java.util.Objects;

import paxosviz.scenario.Highlight;
import paxosviz.scenario.Protocol;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/**
 * Everything the views show about a cluster at one point of its event stream, folded from the
 * events alone: the nodes, the links, the messages in flight, every node's log and key-value
 * contents, the clients and their answers, the charts, and the clock. This one fold serves the
 * live window (events as they happen) and replay (events from a trace, from any checkpoint).
 * Not thread-safe; a copy is cheap (the log's chunks are shared until written).
 */
public final class ViewState {

    private final Protocol protocol;
    private final NodesState nodes;
    private final LinksState links;
    private final FlightState flight;
    private final LogState log;
    private final StoresState stores;
    private final ClientsState clients;
    private final ChartsState charts;
    private long events;
    private long lastSeq;
    private double lastMillis;
    private double speed = Double.NaN;
    private boolean paused;
    private boolean ended;
    private ShownCaption caption;

    /** The state before any event, of a cluster of {@code nodes} running {@code protocol} (null: not known). */
    public ViewState(int nodes, Protocol protocol) {
        this.protocol = protocol == null ? Protocol.MULTIPAXOS : protocol;
        this.nodes = new NodesState(nodes, this.protocol);
        this.links = new LinksState(nodes);
        this.flight = new FlightState();
        this.log = new LogState(nodes);
        this.stores = new StoresState(nodes);
        this.clients = new ClientsState();
        this.charts = new ChartsState();
    }

    private ViewState(ViewState from) {
        protocol = from.protocol;
        nodes = from.nodes.copy();
        links = from.links.copy();
        flight = from.flight.copy();
        log = from.log.copy();
        stores = from.stores.copy();
        clients = from.clients.copy();
        charts = from.charts.copy();
        events = from.events;
        lastSeq = from.lastSeq;
        lastMillis = from.lastMillis;
        speed = from.speed;
        paused = from.paused;
        ended = from.ended;
        caption = from.caption;
    }

    /** An independent copy: folding more events into either leaves the other as it is. */
    public ViewState copy() {
        return new ViewState(this);
    }

    /** Folds one more event in. Events must come in their stream's order. */
    public void apply(TraceEvent event) {
        EventBody body = event.body();
        events++;
        lastSeq = event.seq();
        lastMillis = Math.max(lastMillis, event.t());
        nodes.accept(body);
        links.accept(body);
        flight.accept(event.t(), body);
        log.accept(body);
        stores.accept(body);
        clients.accept(event.t(), body);
        charts.accept(event.t(), body);
        if (body instanceof EventBody.Clock clock) {
            speed = clock.speed();
            paused = clock.paused();
        } else if (body instanceof EventBody.End) {
            ended = true;
        } else if (body instanceof EventBody.Caption shown) {
            caption = ShownCaption.of(event.t(), shown);
        }
    }

    // ---------------------------------------------------------------- what the views read

    public Protocol protocol() {
        return protocol;
    }

    public int size() {
        return nodes.size();
    }

    public NodesState nodes() {
        return nodes;
    }

    public LinksState links() {
        return links;
    }

    public FlightState flight() {
        return flight;
    }

    public LogState log() {
        return log;
    }

    public StoresState stores() {
        return stores;
    }

    public ClientsState clients() {
        return clients;
    }

    public ChartsState charts() {
        return charts;
    }

    /** How many events were folded in. */
    public long events() {
        return events;
    }

    /** The seq of the last event folded in (0 before the first). */
    public long lastSeq() {
        return lastSeq;
    }

    /** The time of the last event folded in, in milliseconds. */
    public double lastMillis() {
        return lastMillis;
    }

    /** The clock's speed as the last {@code clock} event said, or NaN if none did. */
    public double speed() {
        return speed;
    }

    /** Whether the last {@code clock} event said the clock was paused. */
    public boolean paused() {
        return paused;
    }

    /** Whether the run recorded its end state (a scenario that ran to its end). */
    public boolean ended() {
        return ended;
    }

    /** The last caption a narrated run showed, or null; see {@link ShownCaption#showsAt}. */
    public ShownCaption caption() {
        return caption;
    }

    /** What the caption showing at {@code nowMs} points at; nothing when none shows. */
    public Highlight highlightAt(double nowMs) {
        return caption != null && caption.showsAt(nowMs) ? caption.highlight() : Highlight.NONE;
    }

    // ---------------------------------------------------------------- comparing

    @Override
    public boolean equals(Object other) {
        return other instanceof ViewState that && protocol == that.protocol && events == that.events
                && lastSeq == that.lastSeq && lastMillis == that.lastMillis
                && Double.compare(speed, that.speed) == 0 && paused == that.paused && ended == that.ended
                && Objects.equals(caption, that.caption)
                && nodes.equals(that.nodes) && links.equals(that.links) && flight.equals(that.flight)
                && log.equals(that.log) && stores.equals(that.stores) && clients.equals(that.clients)
                && charts.equals(that.charts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(events, lastSeq);
    }
}
