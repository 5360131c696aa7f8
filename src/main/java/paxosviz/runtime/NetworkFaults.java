package paxosviz.runtime;

import java.util.List;
import java.util.function.Consumer;

import paxosviz.core.Address;
import paxosviz.net.LinkChange;
import paxosviz.net.LinkParams;
import paxosviz.net.Network;
import paxosviz.trace.model.EventBody;

/**
 * The network faults both runtimes inject, each followed by the events that report it: the fault
 * itself (partition, heal, isolate, new parameters) and every direction of every link it changed.
 * Thread-safe: a change and its events happen under one lock, so concurrent faults report in the
 * order they took effect.
 */
public final class NetworkFaults {

    private final Network network;
    private final Consumer<EventBody> emit;

    public NetworkFaults(Network network, Consumer<EventBody> emit) {
        this.network = network;
        this.emit = emit;
    }

    public synchronized void cut(int from, int to, boolean oneWay) {
        links(network.cut(from, to, oneWay));
    }

    public synchronized void restore(int from, int to, boolean oneWay) {
        links(network.restore(from, to, oneWay));
    }

    public synchronized void isolate(int node) {
        List<LinkChange> changes = network.isolate(node);
        emit.accept(new EventBody.Isolated(node));
        links(changes);
    }

    public synchronized void partition(List<List<Address>> groups) {
        List<LinkChange> changes = network.partition(groups);
        emit.accept(new EventBody.Partitioned(groups));
        links(changes);
    }

    public synchronized void heal() {
        List<LinkChange> changes = network.heal();
        emit.accept(new EventBody.Healed());
        links(changes);
    }

    public synchronized void setParams(LinkParams params) {
        network.setParams(params);
        emit.accept(new EventBody.NetworkChanged(params.minDelayMs(), params.maxDelayMs(), params.drop(), params.duplicate()));
    }

    private void links(List<LinkChange> changes) {
        for (LinkChange change : changes) {
            emit.accept(new EventBody.Link(change.from(), change.to(), change.up()));
        }
    }
}
