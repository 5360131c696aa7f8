package paxosviz.ui.viewmodel;

import java.util.List;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

/** Builds trace events with the next seq at a given cluster time, as the live stream would. */
final class SyntheticEvents {

    private long seq;
    private long messageId = 1000;

    TraceEvent at(double t, EventBody body) {
        return new TraceEvent(++seq, t, body);
    }

    long lastSeq() {
        return seq;
    }

    static Command put(String client, long seq, String key, String value) {
        return Command.put(client, seq, key, value);
    }

    EventBody.Send send(int from, int to, Message message) {
        return new EventBody.Send(Address.node(from), Address.node(to), Wire.of(messageId++, message));
    }

    static EventBody.Deliver deliver(int from, int to, long id, Message message) {
        return new EventBody.Deliver(Address.node(to), Address.node(from), Wire.of(id, message));
    }

    static Message.Accept accept(Ballot ballot, long firstSlot, int count) {
        return new Message.Accept(ballot, firstSlot, java.util.Collections.nCopies(count, put("alice", 1, "x", "1")));
    }

    static Message.Heartbeat heartbeat() {
        return new Message.Heartbeat(new Ballot(1, 0), 0);
    }

    static EventBody.NodeStep leader(int node, Ballot ballot) {
        return new EventBody.NodeStep(node, new NodeEvent.LeaderElected(ballot));
    }

    static EventBody.NodeStep applied(int node, long slot, Command cmd) {
        return new EventBody.NodeStep(node, new NodeEvent.Applied(slot, cmd, Result.of(cmd.type())));
    }

    static EventBody.Invoke invoke(Command op) {
        return new EventBody.Invoke(op.client(), op);
    }

    static EventBody.Return ok(Command op) {
        return new EventBody.Return(op.client(), op, Outcome.OK, Result.of(op.type()));
    }

    static EventBody.Return timeout(Command op) {
        return new EventBody.Return(op.client(), op, Outcome.TIMEOUT, null);
    }

    static List<Integer> seqs(List<TraceEvent> events) {
        return events.stream().map(event -> (int) event.seq()).toList();
    }
}
