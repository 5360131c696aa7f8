package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.SlotMap;
import paxosviz.kv.KvStore;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

/**
 * Every node's key-value contents, rebuilt from events alone: each node's store applies what
 * the node applied; a node that installs a snapshot or restarts from one is rebuilt from the
 * agreed log up to that slot, which the events also carry.
 */
final class StateMirror {

    /** The agreed log so far, as chosen and applied events report it. */
    private final SlotMap<Command> agreed = new SlotMap<>();
    private final List<KvStore> stores = new ArrayList<>();

    StateMirror(int nodes) {
        for (int i = 0; i < nodes; i++) {
            stores.add(new KvStore());
        }
    }

    void accept(TraceEvent event) {
        if (event.body() instanceof EventBody.NodeStep step) {
            NodeEvent nodeEvent = step.event();
            if (nodeEvent instanceof NodeEvent.Chosen chosen) {
                record(chosen.slot(), chosen.cmd());
            } else if (nodeEvent instanceof NodeEvent.Applied applied) {
                record(applied.slot(), applied.cmd());
                stores.get(step.node()).apply(applied.cmd());
            } else if (nodeEvent instanceof NodeEvent.SnapshotInstalled installed) {
                stores.set(step.node(), replay(installed.upTo()));
            }
        } else if (event.body() instanceof EventBody.Restart restart) {
            stores.set(restart.node(), replay(restart.restoredUpTo()));
        }
    }

    private void record(long slot, Command cmd) {
        if (agreed.fits(slot) && agreed.get(slot) == null) {
            agreed.put(slot, cmd);
        }
    }

    /** A store holding the agreed log applied through {@code upTo}. */
    private KvStore replay(long upTo) {
        KvStore store = new KvStore();
        for (long slot = 0; slot <= upTo; slot++) {
            Command cmd = agreed.get(slot);
            if (cmd != null) {
                store.apply(cmd);
            }
        }
        return store;
    }

    Map<String, String> contents(int node) {
        return stores.get(node).contents();
    }
}
