package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static paxosviz.ui.viewmodel.SyntheticEvents.accept;
import static paxosviz.ui.viewmodel.SyntheticEvents.applied;
import static paxosviz.ui.viewmodel.SyntheticEvents.put;

import java.util.List;

import org.junit.jupiter.api.Test;
import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpId;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

class EventTextTest {

    private final SyntheticEvents events = new SyntheticEvents();

    private String summary(EventBody body) {
        return EventText.summary(events.at(0, body));
    }

    @Test
    void messagesNameSenderReceiverKindAndGist() {
        assertThat(summary(events.send(3, 1, accept(new Ballot(4, 3), 12, 8)))).isEqualTo("n3 → n1 accept ballot 4.3 slots 12–19");
        assertThat(summary(events.send(3, 1, accept(new Ballot(4, 3), 12, 1)))).isEqualTo("n3 → n1 accept ballot 4.3 slot 12");
        assertThat(summary(events.send(0, 2, new Message.Prepare(new Ballot(2, 0), 5)))).isEqualTo("n0 → n2 prepare ballot 2.0 from slot 5");
        assertThat(summary(new EventBody.Drop(Address.node(1), Address.node(4), Wire.of(9, new Message.Accepted(new Ballot(1, 0), 3, 2)), "link-down")))
                .isEqualTo("n1 → n4 accepted ballot 1.0 slots 3–4 (link-down)");
        assertThat(summary(new EventBody.Send(Address.client("alice"), Address.node(2),
                Wire.of(5, new Message.ClientRequest(put("alice", 3, "x", "1")))))).isEqualTo("alice → n2 request alice#3 put x=1");
        assertThat(summary(new EventBody.Deliver(Address.client("bob"), Address.node(0),
                Wire.of(6, new Message.Redirect(new OpId("bob", 2), 4))))).isEqualTo("n0 → bob redirect bob#2: try n4");
    }

    @Test
    void nodeStepsNameTheNodeFirst() {
        Command op = put("alice", 3, "x", "1");
        assertThat(summary(applied(2, 17, op))).isEqualTo("n2 applied slot 17: alice#3 put x=1 → done");
        assertThat(summary(new EventBody.NodeStep(0, new NodeEvent.Chosen(4, Command.NOOP)))).isEqualTo("n0 learned slot 4: noop");
        assertThat(summary(new EventBody.NodeStep(1, new NodeEvent.SteppedDown(new Ballot(7, 2), "higher ballot"))))
                .isEqualTo("n1 stepped down (higher ballot), ballot 7.2");
        assertThat(summary(new EventBody.NodeStep(4, new NodeEvent.SnapshotInstalled(999, 0))))
                .isEqualTo("n4 installed n0's snapshot through slot 999");
    }

    @Test
    void faultsAndClients() {
        Command get = Command.get("carol", 1, "y");
        assertThat(summary(new EventBody.Partitioned(List.of(List.of(Address.node(0), Address.node(1), Address.client("alice")),
                List.of(Address.node(2)))))).isEqualTo("{n0 n1 alice} | {n2}");
        assertThat(summary(new EventBody.Link(2, 0, false))).isEqualTo("n2 → n0 link down");
        assertThat(summary(new EventBody.Restart(3, 999, true))).isEqualTo("n3 restarted from its snapshot through slot 999, its durable state erased");
        assertThat(summary(new EventBody.Return("carol", get, Outcome.OK, Result.read("7")))).isEqualTo("carol#1 get y → value=7");
        assertThat(summary(new EventBody.Return("carol", get, Outcome.TIMEOUT, null))).isEqualTo("carol#1 get y → timed out");
    }

    @Test
    void timeIsInMillisecondsToATenth() {
        assertThat(EventText.millis(new TraceEvent(1234, 5012.26, new EventBody.Crash(2)))).isEqualTo("5012.3");
    }

    @Test
    void detailsShowEveryCommandOfAMessage() {
        TraceEvent event = events.at(42.5, events.send(0, 1, accept(new Ballot(1, 0), 7, 2)));
        assertThat(EventText.details(event)).contains("#1 at 42.500 ms · send", "message #1000 accept", "7: alice#1 put x=1",
                "8: alice#1 put x=1");
    }
}
