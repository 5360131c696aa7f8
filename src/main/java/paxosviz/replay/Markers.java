package paxosviz.replay;

import java.util.ArrayList;
import java.util.List;

import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;

/** Picks the events a timeline marks: faults, leader changes, snapshot installs, client answers, captions. */
final class Markers {

    private final List<Marker> found = new ArrayList<>();

    void accept(int index, TraceEvent event) {
        EventBody body = event.body();
        Marker.Kind kind = null;
        String label = null;
        if (body instanceof EventBody.ByHand byHand) {
            kind = Marker.Kind.BY_HAND;
            label = "by hand: " + byHand.action();
        } else if (body instanceof EventBody.Crash crash) {
            kind = Marker.Kind.CRASH;
            label = "n" + crash.node() + " crashed";
        } else if (body instanceof EventBody.Restart restart) {
            kind = Marker.Kind.RESTART;
            label = "n" + restart.node() + " restarted" + (restart.amnesia() ? " with amnesia (unsafe)" : "");
        } else if (body instanceof EventBody.Link link) {
            kind = Marker.Kind.LINK;
            label = "link n" + link.from() + " → n" + link.to() + (link.up() ? " up" : " down");
        } else if (body instanceof EventBody.Partitioned || body instanceof EventBody.Healed
                || body instanceof EventBody.Isolated) {
            kind = Marker.Kind.PARTITION;
            label = body instanceof EventBody.Healed ? "heal" : body instanceof EventBody.Isolated isolated
                    ? "n" + isolated.node() + " isolated" : "partition";
        } else if (body instanceof EventBody.NodeStep step && step.event() instanceof NodeEvent.LeaderElected elected) {
            kind = Marker.Kind.LEADER;
            label = "n" + step.node() + " leads with ballot " + elected.ballot();
        } else if (body instanceof EventBody.NodeStep step && step.event() instanceof NodeEvent.SnapshotInstalled installed) {
            kind = Marker.Kind.INSTALL;
            label = "n" + step.node() + " installed a snapshot through slot " + installed.upTo() + " from n" + installed.from();
        } else if (body instanceof EventBody.Caption caption) {
            kind = Marker.Kind.CAPTION;
            label = "caption: " + caption.text();
        } else if (body instanceof EventBody.Return answer) {
            kind = Marker.Kind.ANSWER;
            label = answer.client() + ": " + (answer.outcome() == Outcome.OK ? "answered" : "timed out");
        }
        if (kind != null) {
            found.add(new Marker(kind, index, event.t(), label));
        }
    }

    List<Marker> list() {
        return found;
    }
}
