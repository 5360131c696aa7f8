package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.ReadOnlyLongWrapper;
import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.export.SpaceTimeDiagram;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;
import paxosviz.ui.session.Frame;
import paxosviz.ui.session.ScriptedSession;

class SpaceTimeViewModelTest {

    private final Events events = new Events();
    private final ScriptedSession session = new ScriptedSession(3, true);
    private final ClusterViewModel cluster = new ClusterViewModel(session);
    private final EventLogViewModel log = new EventLogViewModel(cluster, new ReadOnlyLongWrapper(-1).getReadOnlyProperty());
    private final SpaceTimeViewModel model = new SpaceTimeViewModel(session, cluster, log);
    private final Ballot ballot = new Ballot(1, 0);

    /** One frame at {@code now} with these events, as the window's frame pump hands them over. */
    private void frame(double now, TraceEvent... fed) {
        session.setNow(now);
        session.feed(fed);
        Frame frame = session.frame();
        cluster.refresh(frame.changed());
        model.refresh(frame);
    }

    private TraceEvent send(double t, long id, int from, int to) {
        return events.at(t, new EventBody.Send(Address.node(from), Address.node(to), wire(id), t + 20));
    }

    private TraceEvent deliver(double t, long id, int from, int to) {
        return events.at(t, new EventBody.Deliver(Address.node(to), Address.node(from), wire(id)));
    }

    private Wire wire(long id) {
        return Wire.of(id, new Message.Heartbeat(ballot, 3));
    }

    @Test
    void theWindowSlidesWithTheClockAndForgetsWhatLeftIt() {
        model.spanMsProperty().set(100);
        frame(30, send(0, 1, 0, 1), deliver(20, 1, 0, 1), send(25, 2, 0, 2));
        assertThat(model.diagram().arrows()).hasSize(1);
        assertThat(model.diagram().inFlight()).hasSize(1);

        frame(200, deliver(45, 2, 0, 2), events.at(150, new EventBody.Crash(1)));

        assertThat(model.from()).isEqualTo(100);
        assertThat(model.diagram().arrows()).isEmpty();
        assertThat(model.diagram().marks()).extracting(SpaceTimeDiagram.Mark::label).containsExactly("crash");
    }

    @Test
    void pickingAMessageOnItsWaySelectsItInTheClusterView() {
        frame(10, send(5, 1, 0, 1));
        SpaceTimeDiagram.Arrow flying = model.diagram().inFlight().iterator().next().arrow();

        model.pick(flying);

        assertThat(cluster.selectedMessageProperty().get()).isEqualTo(cluster.messages().get(0).ref());
        assertThat(model.isHighlighted(flying)).isTrue();
        frame(25, deliver(25, 1, 0, 1));
        assertThat(model.isHighlighted(model.diagram().arrows().getFirst())).as("it stays selected once it arrived").isTrue();
    }

    @Test
    void pickingAMessageThatArrivedHighlightsItHereOnly() {
        frame(10, send(5, 2, 0, 1), send(5, 1, 0, 1));
        cluster.selectedMessageProperty().set(MessageRef.of(1));
        frame(30, deliver(25, 2, 0, 1));
        SpaceTimeDiagram.Arrow arrived = model.diagram().arrows().getFirst();

        model.pick(arrived);

        assertThat(cluster.selectedMessageProperty().get()).as("nothing of it is left to select there").isNull();
        assertThat(model.isHighlighted(arrived)).isTrue();
        assertThat(model.isHighlighted(model.diagram().inFlight().iterator().next().arrow())).isFalse();
    }

    @Test
    void theSelectedNodesLineIsHighlightedAndClickingALineSelectsItsNode() {
        assertThat(model.highlightedHost()).isNull();
        cluster.selectedNodeProperty().set(2);
        assertThat(model.highlightedHost()).isEqualTo("n2");

        model.pickHost("n1");
        assertThat(cluster.selectedNodeProperty().get()).isEqualTo(1);
        model.pickHost("alice");
        assertThat(cluster.selectedNodeProperty().get()).as("a client is not a node").isEqualTo(1);
    }

    @Test
    void theEventPickedInTheLogIsHighlighted() {
        TraceEvent sent = send(5, 3, 1, 2);
        TraceEvent leader = events.at(6, new EventBody.NodeStep(2, new NodeEvent.LeaderElected(ballot)));
        frame(30, sent, deliver(25, 3, 1, 2), leader);

        log.select(sent);
        assertThat(model.isHighlighted(model.diagram().arrows().getFirst())).isTrue();
        assertThat(model.pickedEvent()).as("a message's event shows as its arrow").isNull();

        log.select(leader);
        assertThat(model.pickedEvent()).isSameAs(leader);
        assertThat(model.isHighlighted(model.diagram().arrows().getFirst())).isFalse();
    }

    @Test
    void everyChangeMovesTheVersionTheChartRedrawsOn() {
        long before = model.versionProperty().get();
        frame(10, send(5, 1, 0, 1));
        long afterFrame = model.versionProperty().get();
        cluster.selectedNodeProperty().set(0);

        assertThat(afterFrame).isGreaterThan(before);
        assertThat(model.versionProperty().get()).isGreaterThan(afterFrame);
    }
}
