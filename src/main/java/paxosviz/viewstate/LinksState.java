package paxosviz.viewstate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import paxosviz.core.Address;
import paxosviz.trace.model.EventBody;

/**
 * The network as the picture shows it: which directions of which links are down, the groups
 * of the latest partition (until it heals), and the delay, drop and duplicate rates.
 */
public final class LinksState {

    private final boolean[][] down;
    private List<List<Address>> groups = List.of();
    private EventBody.NetworkChanged params;

    LinksState(int nodes) {
        down = new boolean[nodes][nodes];
    }

    private LinksState(LinksState from) {
        down = new boolean[from.down.length][];
        for (int node = 0; node < down.length; node++) {
            down[node] = from.down[node].clone();
        }
        groups = from.groups;
        params = from.params;
    }

    LinksState copy() {
        return new LinksState(this);
    }

    public boolean isUp(int from, int to) {
        return !down[from][to];
    }

    /** The directions that are down now, as {from, to} pairs in node order. */
    public List<int[]> cuts() {
        List<int[]> cuts = new ArrayList<>();
        for (int from = 0; from < down.length; from++) {
            for (int to = 0; to < down.length; to++) {
                if (down[from][to]) {
                    cuts.add(new int[] {from, to});
                }
            }
        }
        return cuts;
    }

    /** The groups of the partition in force, or empty. */
    public List<List<Address>> groups() {
        return groups;
    }

    /** The network parameters the trace last reported, or null. */
    public EventBody.NetworkChanged params() {
        return params;
    }

    void accept(EventBody body) {
        if (body instanceof EventBody.Link link) {
            if (link.from() >= 0 && link.from() < down.length && link.to() >= 0 && link.to() < down.length) {
                down[link.from()][link.to()] = !link.up();
                if (link.up() && cuts().isEmpty()) {
                    groups = List.of();
                }
            }
        } else if (body instanceof EventBody.Partitioned partitioned) {
            groups = partitioned.groups();
        } else if (body instanceof EventBody.Healed) {
            groups = List.of();
        } else if (body instanceof EventBody.NetworkChanged changed) {
            params = changed;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinksState that && Arrays.deepEquals(down, that.down) && groups.equals(that.groups)
                && java.util.Objects.equals(params, that.params);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(down);
    }
}
