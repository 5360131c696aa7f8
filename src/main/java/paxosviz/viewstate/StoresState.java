package paxosviz.viewstate;

import java.util.Map;

import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.SlotMap;
import paxosviz.kv.KvStore;
import paxosviz.trace.model.EventBody;

/**
 * Every node's key-value contents, rebuilt from events alone: each node's store applies what
 * the node applied; a node that installs a snapshot or restarts from one is rebuilt from the
 * agreed log up to that slot, which the events also carry. The agreed log only grows (the first
 * report of a slot fixes it), so copies share it.
 */
public final class StoresState {

    private final SlotMap<Command> agreed;
    private final KvStore[] stores;

    StoresState(int nodes) {
        agreed = new SlotMap<>();
        stores = new KvStore[nodes];
        for (int node = 0; node < nodes; node++) {
            stores[node] = new KvStore();
        }
    }

    private StoresState(StoresState from) {
        agreed = from.agreed;
        stores = new KvStore[from.stores.length];
        for (int node = 0; node < stores.length; node++) {
            stores[node] = new KvStore();
            stores[node].restore(from.stores[node].snapshot());
        }
    }

    StoresState copy() {
        return new StoresState(this);
    }

    /** The command the first report of a slot fixed (chosen or applied anywhere), or null: what a compacted slot held. */
    public Command agreed(long slot) {
        return agreed.get(slot);
    }

    /** A node's key-value contents as its applied slots built them. */
    public Map<String, String> contents(int node) {
        return stores[node].contents();
    }

    void accept(EventBody body) {
        if (body instanceof EventBody.NodeStep step && step.node() >= 0 && step.node() < stores.length) {
            NodeEvent event = step.event();
            if (event instanceof NodeEvent.Chosen chosen) {
                record(chosen.slot(), chosen.cmd());
            } else if (event instanceof NodeEvent.Applied applied) {
                record(applied.slot(), applied.cmd());
                stores[step.node()].apply(applied.cmd());
            } else if (event instanceof NodeEvent.SnapshotInstalled installed) {
                stores[step.node()] = replay(installed.upTo());
            }
        } else if (body instanceof EventBody.Restart restart && restart.node() >= 0 && restart.node() < stores.length) {
            stores[restart.node()] = replay(restart.restoredUpTo());
        }
    }

    private void record(long slot, Command cmd) {
        if (cmd != null && agreed.fits(slot) && agreed.get(slot) == null) {
            agreed.put(slot, cmd);
        }
    }

    /** A store holding the agreed log applied through {@code upTo}. */
    private KvStore replay(long upTo) {
        KvStore store = new KvStore();
        long last = Math.min(upTo, agreed.end() - 1);
        for (long slot = agreed.base(); slot <= last; slot++) {
            Command cmd = agreed.get(slot);
            if (cmd != null) {
                store.apply(cmd);
            }
        }
        return store;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof StoresState that) || that.stores.length != stores.length) {
            return false;
        }
        for (int node = 0; node < stores.length; node++) {
            if (!stores[node].digest().equals(that.stores[node].digest())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return stores.length;
    }
}
