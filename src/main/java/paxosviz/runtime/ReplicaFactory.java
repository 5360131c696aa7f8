package paxosviz.runtime;

import paxosviz.core.NodeOutput;
import paxosviz.core.PaxosNode;
import paxosviz.core.Replica;
import paxosviz.core.Storage;
import paxosviz.kv.KvStore;

/** Builds the replica a protocol runs on each node, from that node's durable storage. */
public final class ReplicaFactory {

    private final ClusterSpec spec;

    public ReplicaFactory(ClusterSpec spec) {
        this.spec = spec;
    }

    public Replica create(int node, Storage storage, NodeOutput out) {
        switch (spec.protocol()) {
            case MULTIPAXOS:
                return new PaxosNode(node, spec.paxos(), storage, new KvStore(), out);
            default:
                throw new IllegalArgumentException("protocol " + spec.protocol().wireName() + " is not available yet");
        }
    }
}
