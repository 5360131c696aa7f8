package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.Role;
import paxosviz.runtime.threads.InFlight;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/**
 * The cluster picture: nodes with their roles and progress, the state of every directed link,
 * the clients, and the messages in flight; plus what the user can do to them. Everything but
 * the messages in flight is built from events; those come from the live runtime each frame.
 */
public final class ClusterViewModel implements EventBatchListener {

    private final LiveSession session;
    private final ObservableList<NodeModel> nodes = FXCollections.observableArrayList();
    private final boolean[][] linkDown;
    private final Set<String> clients = new LinkedHashSet<>();
    private final StateMirror mirror;
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper();
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(-1);
    private final LongProperty selectedMessage = new SimpleLongProperty(-1);
    private List<MessageDot> messages = List.of();
    private boolean changed;

    public ClusterViewModel(LiveSession session) {
        this.session = session;
        int count = session.spec().nodes();
        for (int i = 0; i < count; i++) {
            nodes.add(new NodeModel(i));
        }
        linkDown = new boolean[count][count];
        mirror = new StateMirror(count);
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

    public LongProperty selectedMessageProperty() {
        return selectedMessage;
    }

    public boolean isLinkUp(int from, int to) {
        return !linkDown[from][to];
    }

    /** The clients seen so far, in order of appearance. */
    public List<String> clients() {
        return List.copyOf(clients);
    }

    public List<MessageDot> messages() {
        return messages;
    }

    /** A node's key-value contents as its applied slots built them. */
    public java.util.Map<String, String> contents(int node) {
        return mirror.contents(node);
    }

    /** The node leading now, or -1. */
    public int leader() {
        for (NodeModel node : nodes) {
            if (node.isUp() && (node.role() == Role.LEADER || node.role() == Role.PRIMARY)) {
                return node.index();
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- events

    @Override
    public void accept(TraceEvent event) {
        EventBody body = event.body();
        changed = true;
        mirror.accept(event);
        if (body instanceof EventBody.NodeStep step) {
            onNodeEvent(nodes.get(step.node()), step.event());
        } else if (body instanceof EventBody.Deliver deliver && deliver.to() instanceof Address.Node to
                && deliver.from() instanceof Address.Node from) {
            Message message = deliver.msg().message();
            if (message instanceof Message.Heartbeat || message instanceof Message.Accept) {
                nodes.get(to.index()).setLeader(from.index());
            }
        } else if (body instanceof EventBody.Link link) {
            linkDown[link.from()][link.to()] = !link.up();
        } else if (body instanceof EventBody.Crash crash) {
            NodeModel node = nodes.get(crash.node());
            node.setUp(false);
            node.setRole(Role.FOLLOWER);
            node.setLeader(-1);
        } else if (body instanceof EventBody.Restart restart) {
            NodeModel node = nodes.get(restart.node());
            node.setUp(true);
            node.setApplied(restart.restoredUpTo());
        } else if (body instanceof EventBody.Invoke invoke) {
            clients.add(invoke.client());
        }
    }

    private void onNodeEvent(NodeModel node, NodeEvent event) {
        if (event instanceof NodeEvent.Applied applied) {
            node.setApplied(applied.slot());
        } else if (event instanceof NodeEvent.SnapshotInstalled installed) {
            node.setApplied(installed.upTo());
        } else if (event instanceof NodeEvent.Promised promised) {
            node.setPromised(promised.ballot());
        } else if (event instanceof NodeEvent.ElectionStarted started) {
            node.setRole(Role.CANDIDATE);
            node.setBallot(started.ballot());
            node.setLeader(-1);
        } else if (event instanceof NodeEvent.LeaderElected elected) {
            node.setRole(leaderRole());
            node.setBallot(elected.ballot());
            node.setLeader(node.index());
        } else if (event instanceof NodeEvent.SteppedDown) {
            node.setRole(Role.FOLLOWER);
            node.setLeader(-1);
        }
    }

    private Role leaderRole() {
        return session.spec().protocol() == paxosviz.scenario.Protocol.MULTIPAXOS ? Role.LEADER : Role.PRIMARY;
    }

    @Override
    public void endBatch() {
        long furthest = -1;
        for (NodeModel node : nodes) {
            if (node.isUp()) {
                furthest = Math.max(furthest, node.applied());
            }
        }
        for (NodeModel node : nodes) {
            node.setBehind(node.isUp() ? Math.max(0, furthest - node.applied()) : 0);
        }
    }

    /** Each frame: places the messages in flight along their links, by the cluster's clock. */
    public void onFrame() {
        long now = session.cluster().now();
        List<InFlight> flying = session.cluster().inFlight();
        List<MessageDot> placed = new ArrayList<>(flying.size());
        for (InFlight message : flying) {
            long span = Math.max(1, message.dueAt() - message.sentAt());
            double progress = Math.min(1, Math.max(0, (now - message.sentAt()) / (double) span));
            placed.add(new MessageDot(message.id(), message.from(), message.to(), message.wire(),
                    MessageKind.of(message.wire().kind()), progress, message.held()));
        }
        if (changed || !placed.isEmpty() || !messages.isEmpty()) {
            messages = placed;
            changed = false;
            frame.set(frame.get() + 1);
        }
    }

    // ---------------------------------------------------------------- actions

    /** Cuts the link if it is up (both ways, or only from→to), restores it otherwise. */
    public void toggleLink(int from, int to, boolean oneWay) {
        boolean up = oneWay ? isLinkUp(from, to) : isLinkUp(from, to) && isLinkUp(to, from);
        if (up) {
            session.command(cluster -> cluster.cut(from, to, oneWay));
        } else {
            session.command(cluster -> cluster.restore(from, to, oneWay));
        }
    }

    public void crash(int node) {
        session.command(cluster -> cluster.crash(node));
    }

    public void restart(int node) {
        session.command(cluster -> cluster.restart(node));
    }

    /** Crashes a live node, restarts a crashed one. */
    public void toggleCrash(int node) {
        if (nodes.get(node).isUp()) {
            crash(node);
        } else {
            restart(node);
        }
    }

    public void isolate(int node) {
        session.command(cluster -> cluster.isolate(node));
    }

    public void holdSelected() {
        long id = selectedMessage.get();
        session.command(cluster -> cluster.hold(id));
    }

    public void releaseSelected() {
        long id = selectedMessage.get();
        session.command(cluster -> cluster.release(id));
    }

    public void dropSelected() {
        long id = selectedMessage.get();
        session.command(cluster -> cluster.drop(id));
    }

    public void duplicateSelected() {
        long id = selectedMessage.get();
        session.command(cluster -> cluster.duplicate(id));
    }

    public void deliverSelected() {
        long id = selectedMessage.get();
        session.command(cluster -> cluster.deliverNow(id));
    }

    /** Selects the message in flight after the selected one (the oldest first), for the keyboard. */
    public void selectNextMessage() {
        if (messages.isEmpty()) {
            return;
        }
        long current = selectedMessage.get();
        int index = 0;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id() == current) {
                index = (i + 1) % messages.size();
            }
        }
        selectedMessage.set(messages.get(index).id());
    }

    /** The message on its way with this id, if it still is. */
    public MessageDot message(long id) {
        for (MessageDot dot : messages) {
            if (dot.id() == id) {
                return dot;
            }
        }
        return null;
    }

    static String describe(Ballot ballot) {
        return ballot.equals(Ballot.ZERO) ? "–" : ballot.toString();
    }
}
