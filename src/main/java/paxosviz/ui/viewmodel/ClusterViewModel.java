package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import paxosviz.core.Address;
import paxosviz.scenario.Highlight;
import paxosviz.ui.session.LiveControls;
import paxosviz.ui.session.Session;
import paxosviz.viewstate.Flying;
import paxosviz.viewstate.NodesState;
import paxosviz.viewstate.ViewState;

/**
 * The cluster picture: nodes with their roles and progress, the state of every directed link,
 * the clients, and the messages in flight, all read from the session's folded view state; plus
 * what the user can do to them, when the session is live.
 */
public final class ClusterViewModel {

    private final Session session;
    private final ObservableList<NodeModel> nodes = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper();
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(-1);
    private final ObjectProperty<MessageRef> selectedMessage = new SimpleObjectProperty<>();
    private Highlight highlight = Highlight.NONE;
    private List<MessageDot> messages = List.of();
    private String refusal;

    public ClusterViewModel(Session session) {
        this.session = session;
        for (int i = 0; i < session.info().nodes(); i++) {
            nodes.add(new NodeModel(i));
        }
    }

    public ObservableList<NodeModel> nodes() {
        return FXCollections.unmodifiableObservableList(nodes);
    }

    public int size() {
        return nodes.size();
    }

    /** Counts frames in which something changed; the canvas redraws when it moves. */
    public ReadOnlyLongProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }

    /** The selected copy of a message, or null. */
    public ObjectProperty<MessageRef> selectedMessageProperty() {
        return selectedMessage;
    }

    private ViewState state() {
        return session.state();
    }

    public boolean isLinkUp(int from, int to) {
        return state().links().isUp(from, to);
    }

    /** The directions cut now, as {from, to} pairs. */
    public List<int[]> cuts() {
        return state().links().cuts();
    }

    /** The groups of the partition in force, or empty. */
    public List<List<Address>> partitionGroups() {
        return state().links().groups();
    }

    /** The clients seen so far, in order of appearance. */
    public List<String> clients() {
        return state().clients().names();
    }

    public List<MessageDot> messages() {
        return messages;
    }

    /** A node's key-value contents as its applied slots built them. */
    public Map<String, String> contents(int node) {
        return state().stores().contents(node);
    }

    /** The node leading now, or -1. */
    public int leader() {
        return state().nodes().currentLeader();
    }

    /** What the caption showing now points at: nodes, links and message kinds to draw brighter. */
    public Highlight highlight() {
        return highlight;
    }

    /** Whether a caption points at messages of this kind (by its trace name or its legend family). */
    public boolean highlights(MessageDot dot) {
        return highlight.kinds().contains(dot.wire().kind()) || highlight.kinds().contains(dot.kind().label());
    }

    /** What makes this cluster unsafe on purpose, which the picture says in its corner; empty when nothing does. */
    public String unsafe() {
        return session.info().unsafe();
    }

    /** Whether the user can act on the cluster (a live session), or only watch (a replay). */
    public boolean isLive() {
        return session.live() != null;
    }

    // ---------------------------------------------------------------- frames

    /** After the session's frame: shows the folded state, and places the messages in flight by the clock. */
    public void refresh(boolean changed) {
        if (!changed) {
            return;
        }
        ViewState state = state();
        NodesState folded = state.nodes();
        for (NodeModel node : nodes) {
            int index = node.index();
            node.setUp(folded.isUp(index));
            node.setRole(folded.role(index));
            node.setBallot(folded.ballot(index));
            node.setPromised(folded.promised(index));
            node.setLeader(folded.leader(index));
            node.setApplied(folded.applied(index));
            node.setBehind(folded.behind(index));
            node.setView(folded.view(index));
        }
        double now = session.nowMillis();
        highlight = state.highlightAt(now);
        List<Flying> flying = state.flight().all();
        List<MessageDot> placed = new ArrayList<>(flying.size());
        for (Flying message : flying) {
            placed.add(new MessageDot(message.id(), message.copy(), state.flight().copies(message.id()), message.from(),
                    message.to(), message.wire(), MessageKind.of(message.wire().kind()), message.progress(now), message.held()));
        }
        messages = placed;
        frame.set(frame.get() + 1);
    }

    // ---------------------------------------------------------------- actions

    /** The live controls, or null (then the user is told why nothing happens). */
    private LiveControls controls() {
        LiveControls controls = session.live();
        refusal = controls == null ? "This is a replay: fork a live run from here to change what happens." : null;
        return controls;
    }

    /** Why the last action did nothing, or null. */
    public String refusal() {
        return refusal;
    }

    /** Cuts the link if it is up (both ways, or only from→to), restores it otherwise. */
    public void toggleLink(int from, int to, boolean oneWay) {
        LiveControls controls = controls();
        if (controls == null) {
            return;
        }
        boolean up = oneWay ? isLinkUp(from, to) : isLinkUp(from, to) && isLinkUp(to, from);
        if (up) {
            controls.cut(from, to, oneWay);
        } else {
            controls.restore(from, to, oneWay);
        }
    }

    /** Crashes a live node, restarts a crashed one. */
    public void toggleCrash(int node) {
        LiveControls controls = controls();
        if (controls == null) {
            return;
        }
        if (nodes.get(node).isUp()) {
            controls.crash(node);
        } else {
            controls.restart(node);
        }
    }

    public void isolate(int node) {
        LiveControls controls = controls();
        if (controls != null) {
            controls.isolate(node);
        }
    }

    /** Holds the selected message, or releases it if it is held. */
    public void toggleHoldSelected() {
        MessageDot selected = selectedDot();
        LiveControls controls = controls();
        if (controls == null || selected == null) {
            return;
        }
        if (selected.held()) {
            controls.release(selected.id(), selected.copy());
        } else {
            controls.hold(selected.id(), selected.copy());
        }
    }

    public void dropSelected() {
        MessageDot selected = selectedDot();
        LiveControls controls = controls();
        if (controls != null && selected != null) {
            controls.drop(selected.id(), selected.copy());
        }
    }

    public void duplicateSelected() {
        MessageDot selected = selectedDot();
        LiveControls controls = controls();
        if (controls != null && selected != null) {
            controls.duplicate(selected.id(), selected.copy());
        }
    }

    public void deliverSelected() {
        MessageDot selected = selectedDot();
        LiveControls controls = controls();
        if (controls != null && selected != null) {
            controls.deliverNow(selected.id(), selected.copy());
        }
    }

    /** Selects the message in flight after the selected one (the oldest first), for the keyboard. */
    public void selectNextMessage() {
        if (messages.isEmpty()) {
            return;
        }
        MessageRef current = selectedMessage.get();
        int index = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (current != null && current.matches(messages.get(i))) {
                index = (i + 1) % messages.size();
            }
        }
        selectedMessage.set(messages.get(index).ref());
    }

    /** What became of a message that left the network lately ("arrived at n2 at 1234.5 ms"), or null. */
    public String fateOf(MessageRef ref) {
        paxosviz.viewstate.FlightState.Gone gone = ref == null ? null : state().flight().gone(ref.id());
        if (gone == null) {
            return null;
        }
        return (gone.copy() > 0 ? "its duplicate " + gone.copy() + " " : "") + gone.fate()
                + String.format(java.util.Locale.ROOT, " at %.1f ms", gone.atMs());
    }

    /** The selected message's dot, if it is still on its way. */
    public MessageDot selectedDot() {
        return message(selectedMessage.get());
    }

    /** The copy of a message on its way that {@code ref} names, or null. */
    public MessageDot message(MessageRef ref) {
        if (ref == null) {
            return null;
        }
        for (MessageDot dot : messages) {
            if (ref.matches(dot)) {
                return dot;
            }
        }
        return null;
    }
}
