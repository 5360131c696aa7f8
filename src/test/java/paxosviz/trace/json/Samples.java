package paxosviz.trace.json;

import java.util.ArrayList;
import java.util.List;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpId;
import paxosviz.core.OpType;
import paxosviz.core.Result;
import paxosviz.core.Snapshot;
import paxosviz.scenario.Highlight;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

/** One or more instances of every event body, node event and message, for round trips. */
final class Samples {

    static final Ballot BALLOT = new Ballot(3, 1);
    static final Command PUT = Command.put("alice", 1, "x", "1");
    static final Command GET = Command.get("bob", 2, "x");
    static final Command APPEND = Command.append("carol", 3, "x", "\"quoted\" \n é");
    static final Command CAS = Command.cas("dave", 4, "x", null, "2");

    private Samples() {
    }

    static List<Message> messages() {
        OpId op = new OpId("bob", 2);
        return List.of(
                new Message.Prepare(BALLOT, 5),
                new Message.PreVote(BALLOT, 4),
                new Message.PreVoteReply(BALLOT, true, -1, 4, new Ballot(2, 0)),
                new Message.PreVoteReply(BALLOT, false, 2, 9, BALLOT),
                new Message.Promise(BALLOT, 5, 2, List.of(new Message.Vote(5, BALLOT, PUT, false),
                        new Message.Vote(6, Ballot.ZERO, Command.NOOP, true))),
                new Message.Nack(BALLOT, new Ballot(4, 2)),
                new Message.Accept(BALLOT, 7, List.of(PUT, CAS, APPEND)),
                new Message.Accepted(BALLOT, 7, 3),
                new Message.Decide(7, List.of(PUT, CAS, APPEND)),
                new Message.Heartbeat(BALLOT, 9),
                new Message.HeartbeatAck(BALLOT, 9),
                new Message.CatchupRequest(3),
                new Message.CatchupReply(3, List.of(Command.NOOP, GET), 4),
                new Message.SnapshotTransfer(new Snapshot(10, new TracedSnapshot(42))),
                new Message.ClientRequest(GET),
                new Message.ClientReply(op, Result.read(null)),
                new Message.ClientReply(op, Result.read("v")),
                new Message.ClientReply(op, Result.swapped(true)),
                new Message.ClientReply(op, Result.of(OpType.APPEND)),
                new Message.Redirect(op, -1),
                new Message.Ping(3),
                new Message.ViewReply(3, 2, -1),
                new Message.StateTransfer(3, new Snapshot(11, new TracedSnapshot(7))),
                new Message.StateAck(3, 11),
                new Message.Forward(3, 12, CAS),
                new Message.ForwardAck(3, 12),
                new Message.ForwardRefused(3, 12, 4),
                new Message.Beat(5));
    }

    static List<NodeEvent> nodeEvents() {
        return List.of(
                new NodeEvent.Promised(BALLOT),
                new NodeEvent.Accepted(7, BALLOT, PUT),
                new NodeEvent.ElectionStarted(BALLOT),
                new NodeEvent.LeaderElected(BALLOT),
                new NodeEvent.SteppedDown(new Ballot(4, 2), "higher ballot"),
                new NodeEvent.SteppedDown(null, null),
                new NodeEvent.Chosen(7, CAS),
                new NodeEvent.Chosen(8, Command.NOOP),
                new NodeEvent.Applied(7, CAS, Result.swapped(false)),
                new NodeEvent.Applied(8, GET, Result.read("1")),
                new NodeEvent.Applied(9, PUT, Result.of(OpType.PUT)),
                new NodeEvent.Applied(10, Command.NOOP, Result.of(OpType.NOOP)),
                new NodeEvent.Applied(11, APPEND, null),
                new NodeEvent.SnapshotTaken(11),
                new NodeEvent.SnapshotInstalled(11, 2),
                new NodeEvent.ViewChanged(3, 2, -1),
                new NodeEvent.ViewChanged(4, 2, 3));
    }

    static List<EventBody> bodies() {
        Address n0 = Address.node(0);
        Address n4 = Address.node(4);
        Address alice = Address.client("alice");
        List<EventBody> bodies = new ArrayList<>();
        for (NodeEvent event : nodeEvents()) {
            bodies.add(new EventBody.NodeStep(3, event));
        }
        long id = 100;
        for (Message message : messages()) {
            bodies.add(new EventBody.Send(n0, n4, Wire.of(id++, message)));
        }
        bodies.add(new EventBody.Send(alice, n0, Wire.of(id++, new Message.ClientRequest(PUT))));
        bodies.add(new EventBody.Deliver(n0, alice, Wire.of(id - 1, new Message.ClientRequest(PUT))));
        bodies.add(new EventBody.Deliver(alice, n0, Wire.of(id++, new Message.Redirect(PUT.id(), 2))));
        bodies.add(new EventBody.Drop(n0, alice, Wire.of(id++, new Message.ClientReply(PUT.id(), Result.of(OpType.PUT))), "crashed"));
        bodies.add(new EventBody.Send(n0, n4, new Wire(id++, "gossip", null)));
        // message copies, due times and the controls by hand
        Wire beat = Wire.of(id++, new Message.Heartbeat(BALLOT, 9));
        bodies.add(new EventBody.Send(n0, n4, beat, 12.375));
        bodies.add(new EventBody.Duplicate(n0, n4, beat, 1, 14.5));
        bodies.add(new EventBody.Hold(n0, n4, beat, 1));
        bodies.add(new EventBody.Hold(n0, n4, beat, EventBody.ANY_COPY));
        bodies.add(new EventBody.Release(n0, n4, beat, 1, 20.25));
        bodies.add(new EventBody.Release(n0, n4, beat, EventBody.ANY_COPY, 21));
        bodies.add(new EventBody.Deliver(n4, n0, beat, 0));
        bodies.add(new EventBody.Drop(n0, n4, beat, "manual", 1));
        bodies.add(new EventBody.Clock(0.25, false));
        bodies.add(new EventBody.Clock(1, true));
        bodies.add(new EventBody.ByHand("crash n2"));
        bodies.add(new EventBody.Caption("n3 leads; it has just been cut off", true, Double.NaN,
                new Highlight(List.of(3), List.of(), List.of(new Highlight.Link(0, 3)), 4, 9, List.of("accept"))));
        bodies.add(new EventBody.Caption("and now?", false, 1500, Highlight.NONE));
        bodies.add(new EventBody.Link(0, 4, false));
        bodies.add(new EventBody.Partitioned(List.of(List.of(n0, alice), List.of(Address.node(1), n4))));
        bodies.add(new EventBody.Healed());
        bodies.add(new EventBody.Isolated(2));
        bodies.add(new EventBody.NetworkChanged(1, 5.5, 0.1, 0));
        bodies.add(new EventBody.Crash(1));
        bodies.add(new EventBody.Restart(1, 10, false));
        bodies.add(new EventBody.Restart(1, -1, true));
        bodies.add(new EventBody.Invoke("alice", PUT));
        bodies.add(new EventBody.Return("dave", CAS, Outcome.OK, Result.swapped(true)));
        bodies.add(new EventBody.Return("bob", GET, Outcome.OK, Result.read(null)));
        bodies.add(new EventBody.Return("carol", APPEND, Outcome.TIMEOUT, null));
        bodies.add(new EventBody.End(List.of(new EventBody.NodeEnd(0, true, 11, "00ff"),
                new EventBody.NodeEnd(1, false, -1, "abcd"), new EventBody.NodeEnd(2, false, -1, null))));
        bodies.add(new EventBody.Unknown("vote-cast", 2));
        bodies.add(new EventBody.Unknown("note", null));
        return bodies;
    }

    /** Every body as an event, with increasing seq and time. */
    static List<TraceEvent> events() {
        List<TraceEvent> events = new ArrayList<>();
        long seq = 1;
        for (EventBody body : bodies()) {
            events.add(new TraceEvent(seq, seq * 0.25, body));
            seq++;
        }
        return events;
    }
}
