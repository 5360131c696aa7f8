package paxosviz.export;

import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;

/** One line saying what an event was, for logs and diagram labels. */
final class EventText {

    private EventText() {
    }

    static String of(EventBody body) {
        if (body instanceof EventBody.Send send) {
            return "send " + send.msg().kind() + " #" + send.msg().id() + " to " + send.to() + message(send.msg().message());
        }
        if (body instanceof EventBody.Deliver deliver) {
            return "deliver " + deliver.msg().kind() + " #" + deliver.msg().id() + " from " + deliver.from();
        }
        if (body instanceof EventBody.NodeStep step) {
            return nodeEvent(step.event());
        }
        if (body instanceof EventBody.Crash) {
            return "crash";
        }
        if (body instanceof EventBody.Restart restart) {
            return "restart from snapshot through " + restart.restoredUpTo() + (restart.amnesia() ? " (amnesia)" : "");
        }
        if (body instanceof EventBody.Invoke invoke) {
            return "invoke " + invoke.op();
        }
        if (body instanceof EventBody.Return answer) {
            return "return " + answer.op() + " → " + (answer.result() != null ? answer.result() : answer.outcome().wireName());
        }
        return body.type();
    }

    private static String message(paxosviz.core.Message message) {
        if (message == null) {
            return "";
        }
        String text = message.toString();
        int open = text.indexOf('[');
        return open >= 0 ? " " + text.substring(open) : "";
    }

    private static String nodeEvent(NodeEvent event) {
        if (event instanceof NodeEvent.Chosen chosen) {
            return "chosen slot " + chosen.slot() + ": " + chosen.cmd();
        }
        if (event instanceof NodeEvent.Applied applied) {
            return "apply slot " + applied.slot() + ": " + applied.cmd() + " → " + applied.result();
        }
        if (event instanceof NodeEvent.Accepted accepted) {
            return "accept slot " + accepted.slot() + " under " + accepted.ballot() + ": " + accepted.cmd();
        }
        String text = event.toString();
        int open = text.indexOf('[');
        return event.type() + (open >= 0 ? " " + text.substring(open) : "");
    }
}
