package paxosviz.runtime;

import paxosviz.core.NodeOutput;
import paxosviz.core.PaxosNode;
import paxosviz.core.Replica;
import paxosviz.core.Storage;
import paxosviz.core.pb.AutoFailoverServer;
import paxosviz.core.pb.PbTiming;
import paxosviz.core.pb.PrimaryBackupServer;
import paxosviz.core.pb.ViewService;
import paxosviz.kv.KvStore;

/** Builds the replica a protocol runs on each node, from that node's durable storage. */
public final class ReplicaFactory {

    private final ClusterSpec spec;

    public ReplicaFactory(ClusterSpec spec) {
        this.spec = spec;
    }

    public Replica create(int node, Storage storage, NodeOutput out) {
        return switch (spec.protocol()) {
            case MULTIPAXOS -> new PaxosNode(node, spec.paxos(), storage, new KvStore(), out);
            // primary/backup servers keep nothing durable: a restarted one comes back empty
            case PRIMARY_BACKUP -> node == ViewService.NODE
                    ? new ViewService(spec.nodes(), PbTiming.of(spec.paxos()), storage, out)
                    : new PrimaryBackupServer(node, PbTiming.of(spec.paxos()), new KvStore(), out);
            case PRIMARY_BACKUP_AUTO ->
                    new AutoFailoverServer(node, spec.nodes(), PbTiming.of(spec.paxos()), storage, new KvStore(), out);
        };
    }
}
