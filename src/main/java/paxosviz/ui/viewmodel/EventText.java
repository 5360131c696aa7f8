package paxosviz.ui.viewmodel;

import java.util.Locale;
import java.util.stream.Collectors;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;

/** An event in words: one line for the log, a few lines for the details of the selected one. */
public final class EventText {

    private EventText() {
    }

    /** When it happened, in ms of cluster time: "5012.3". */
    public static String millis(TraceEvent event) {
        return String.format(Locale.ROOT, "%.1f", event.t());
    }

    /** The selected event: where and when, what happened, and for a message all it carries. */
    public static String details(TraceEvent event) {
        StringBuilder text = new StringBuilder()
                .append("#").append(event.seq()).append(" at ")
                .append(String.format(Locale.ROOT, "%.3f", event.t())).append(" ms · ").append(event.type())
                .append('\n').append(summary(event));
        Wire wire = EventFilter.wire(event.body());
        if (wire != null) {
            text.append("\n\nmessage #").append(wire.id()).append(' ').append(wire.kind());
            if (wire.message() != null) {
                text.append('\n').append(MessageText.body(wire.message()));
            }
        }
        return text.toString();
    }

    /** What happened, naming who did it first: "n2 applied slot 17: alice#3 put x=1 → done". */
    public static String summary(TraceEvent event) {
        EventBody body = event.body();
        if (body instanceof EventBody.Send send) {
            return message(send.from(), send.to(), send.msg());
        }
        if (body instanceof EventBody.Deliver deliver) {
            return message(deliver.from(), deliver.to(), deliver.msg());
        }
        if (body instanceof EventBody.Drop drop) {
            return message(drop.from(), drop.to(), drop.msg()) + " (" + drop.reason() + ")";
        }
        if (body instanceof EventBody.NodeStep step) {
            return "n" + step.node() + " " + nodeStep(step.event());
        }
        if (body instanceof EventBody.Link link) {
            return "n" + link.from() + " → n" + link.to() + " link " + (link.up() ? "up" : "down");
        }
        if (body instanceof EventBody.Partitioned partitioned) {
            return partitioned.groups().stream()
                    .map(group -> group.stream().map(Address::toString).collect(Collectors.joining(" ", "{", "}")))
                    .collect(Collectors.joining(" | "));
        }
        if (body instanceof EventBody.Healed) {
            return "every link up";
        }
        if (body instanceof EventBody.Isolated isolated) {
            return "n" + isolated.node() + " cut off from everyone";
        }
        if (body instanceof EventBody.NetworkChanged network) {
            return String.format(Locale.ROOT, "delay %.0f–%.0f ms, drop %.0f%%, duplicate %.0f%%",
                    network.minDelayMs(), network.maxDelayMs(), network.drop() * 100, network.duplicate() * 100);
        }
        if (body instanceof EventBody.Crash crash) {
            return "n" + crash.node() + " crashed";
        }
        if (body instanceof EventBody.Restart restart) {
            return "n" + restart.node() + " restarted"
                    + (restart.restoredUpTo() >= 0 ? " from its snapshot through slot " + restart.restoredUpTo() : "")
                    + (restart.amnesia() ? ", its durable state erased" : "");
        }
        if (body instanceof EventBody.Invoke invoke) {
            return String.valueOf(invoke.op());
        }
        if (body instanceof EventBody.Return answer) {
            return answer.op() + " → " + (answer.outcome() == Outcome.OK ? answer.result() : "timed out");
        }
        if (body instanceof EventBody.End end) {
            return "final state of " + end.nodes().size() + " nodes";
        }
        if (body instanceof EventBody.Caption caption) {
            return "“" + caption.text() + "”" + (caption.pause() ? " (paused)" : "");
        }
        if (body instanceof EventBody.Unknown unknown) {
            return unknown.node() == null ? "" : "n" + unknown.node();
        }
        return "";
    }

    private static String nodeStep(NodeEvent event) {
        if (event instanceof NodeEvent.Promised promised) {
            return "promised ballot " + promised.ballot();
        }
        if (event instanceof NodeEvent.Accepted accepted) {
            return "accepted slot " + accepted.slot() + " at ballot " + accepted.ballot() + ": " + accepted.cmd();
        }
        if (event instanceof NodeEvent.ElectionStarted started) {
            return "started an election with ballot " + started.ballot();
        }
        if (event instanceof NodeEvent.LeaderElected elected) {
            return "leads with ballot " + elected.ballot();
        }
        if (event instanceof NodeEvent.SteppedDown down) {
            boolean known = down.ballot() != null && !down.ballot().equals(Ballot.ZERO);
            return "stepped down (" + down.reason() + ")" + (known ? ", ballot " + down.ballot() : "");
        }
        if (event instanceof NodeEvent.Chosen chosen) {
            return "learned slot " + chosen.slot() + ": " + chosen.cmd();
        }
        if (event instanceof NodeEvent.Applied applied) {
            return "applied slot " + applied.slot() + ": " + applied.cmd() + " → " + applied.result();
        }
        if (event instanceof NodeEvent.SnapshotTaken taken) {
            return "compacted its log through slot " + taken.upTo();
        }
        if (event instanceof NodeEvent.SnapshotInstalled installed) {
            return "installed n" + installed.from() + "'s snapshot through slot " + installed.upTo();
        }
        return event.type();
    }

    private static String message(Address from, Address to, Wire wire) {
        String head = from + " → " + to + " " + wire.kind();
        String gist = wire.message() == null ? "" : gist(wire.message());
        return gist.isEmpty() ? head : head + " " + gist;
    }

    /** A message's content in a few words; MessageText has the long form. */
    private static String gist(Message message) {
        if (message instanceof Message.Prepare m) {
            return "ballot " + m.ballot() + " from slot " + m.fromSlot();
        }
        if (message instanceof Message.Promise m) {
            return "ballot " + m.ballot() + ", " + m.votes().size() + (m.votes().size() == 1 ? " vote" : " votes");
        }
        if (message instanceof Message.Nack m) {
            return "ballot " + m.rejected() + " refused, promised " + m.promised();
        }
        if (message instanceof Message.Accept m) {
            return "ballot " + m.ballot() + " " + slots(m.firstSlot(), m.cmds().size());
        }
        if (message instanceof Message.Accepted m) {
            return "ballot " + m.ballot() + " " + slots(m.firstSlot(), m.count());
        }
        if (message instanceof Message.Decide m) {
            return slots(m.firstSlot(), m.cmds().size());
        }
        if (message instanceof Message.Heartbeat m) {
            return "ballot " + m.ballot() + ", chosen through " + m.chosenUpTo();
        }
        if (message instanceof Message.HeartbeatAck m) {
            return "ballot " + m.ballot() + ", chosen through " + m.chosenUpTo();
        }
        if (message instanceof Message.CatchupRequest m) {
            return "from slot " + m.fromSlot();
        }
        if (message instanceof Message.CatchupReply m) {
            return slots(m.firstSlot(), m.cmds().size()) + ", sender chosen through " + m.chosenUpTo();
        }
        if (message instanceof Message.SnapshotTransfer m) {
            return "through slot " + m.snapshot().upTo();
        }
        if (message instanceof Message.ClientRequest m) {
            return String.valueOf(m.cmd());
        }
        if (message instanceof Message.ClientReply m) {
            return m.op() + " " + m.result();
        }
        if (message instanceof Message.Redirect m) {
            return m.op() + (m.leader() >= 0 ? ": try n" + m.leader() : ": no leader known");
        }
        return MessageText.body(message).replace('\n', ' ');
    }

    private static String slots(long first, int count) {
        if (count == 0) {
            return "no slots";
        }
        return count == 1 ? "slot " + first : "slots " + first + "–" + (first + count - 1);
    }
}
