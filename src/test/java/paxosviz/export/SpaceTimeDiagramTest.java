package paxosviz.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

class SpaceTimeDiagramTest {

    private final SpaceTimeDiagram diagram = new SpaceTimeDiagram(3, TimeWindow.ALL);
    private final Wire heartbeat = Wire.of(7, new Message.Heartbeat(new Ballot(1, 0), 3));
    private long seq;

    private void at(double t, EventBody body) {
        diagram.accept(new TraceEvent(++seq, t, body));
    }

    @Test
    void everyCopyOfAMessageGetsItsArrowAndTheMessageIsForgottenWithTheLast() {
        at(10, new EventBody.Send(Address.node(0), Address.node(1), heartbeat, 20));
        at(12, new EventBody.Duplicate(Address.node(0), Address.node(1), heartbeat, 1, 25));
        assertThat(diagram.inFlight()).singleElement().satisfies(message -> assertThat(message.due()).isEqualTo(25));

        at(20, new EventBody.Deliver(Address.node(1), Address.node(0), heartbeat, 0));
        assertThat(diagram.inFlight()).hasSize(1);
        at(25, new EventBody.Drop(Address.node(0), Address.node(1), heartbeat, "random", 1));

        assertThat(diagram.inFlight()).isEmpty();
        assertThat(diagram.arrows()).extracting(SpaceTimeDiagram.Arrow::copy).containsExactly(0, 1);
        assertThat(diagram.arrows()).extracting(SpaceTimeDiagram.Arrow::lost).containsExactly(false, true);
    }

    @Test
    void slidingForgetsWhatEndedBeforeTheWindowButKeepsAHeldMessage() {
        at(10, new EventBody.Send(Address.node(0), Address.node(1), heartbeat, 20));
        at(20, new EventBody.Deliver(Address.node(1), Address.node(0), heartbeat));
        at(30, new EventBody.NodeStep(2, new NodeEvent.LeaderElected(new Ballot(1, 2))));
        Wire held = Wire.of(8, new Message.Heartbeat(new Ballot(1, 0), 3));
        at(40, new EventBody.Send(Address.node(0), Address.node(2), held, 45));
        at(41, new EventBody.Hold(Address.node(0), Address.node(2), held, EventBody.ANY_COPY));
        at(90, new EventBody.Crash(1));

        diagram.forgetBefore(50);

        assertThat(diagram.arrows()).isEmpty();
        assertThat(diagram.marks()).extracting(SpaceTimeDiagram.Mark::label).containsExactly("crash");
        assertThat(diagram.inFlight()).extracting(message -> message.arrow().id()).containsExactly(8L);
    }

    @Test
    void keepingTheNewestForgetsTheOldestArrows() {
        for (long id = 1; id <= 5; id++) {
            Wire wire = Wire.of(id, new Message.Heartbeat(new Ballot(1, 0), 3));
            at(id, new EventBody.Send(Address.node(0), Address.node(1), wire, id + 1));
            at(id + 1, new EventBody.Deliver(Address.node(1), Address.node(0), wire));
        }

        diagram.keepNewest(2);

        assertThat(diagram.arrows()).extracting(SpaceTimeDiagram.Arrow::id).containsExactly(4L, 5L);
    }
}
