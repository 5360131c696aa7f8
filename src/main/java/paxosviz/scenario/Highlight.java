package paxosviz.scenario;

import java.util.List;

/**
 * What a caption points at: nodes (by number, or by role, resolved when the caption shows),
 * links between nodes, a range of log slots, and message kinds. Empty parts point at nothing.
 */
public record Highlight(
        List<Integer> nodes,
        List<Step.NodeRole> roles,
        List<Link> links,
        long fromSlot,
        long toSlot,
        List<String> kinds) {

    /** No slot range. */
    public static final long NO_SLOT = -1;

    public static final Highlight NONE = new Highlight(List.of(), List.of(), List.of(), NO_SLOT, NO_SLOT, List.of());

    public Highlight {
        nodes = List.copyOf(nodes);
        roles = List.copyOf(roles);
        links = List.copyOf(links);
        kinds = List.copyOf(kinds);
    }

    /** A link between two nodes, either direction. */
    public record Link(int a, int b) {
        public boolean joins(int from, int to) {
            return from == a && to == b || from == b && to == a;
        }
    }

    public boolean hasSlots() {
        return fromSlot != NO_SLOT;
    }

    public boolean isEmpty() {
        return nodes.isEmpty() && roles.isEmpty() && links.isEmpty() && !hasSlots() && kinds.isEmpty();
    }

    /** The same highlight with its roles replaced by the nodes that play them now. */
    public Highlight resolved(List<Integer> roleNodes) {
        List<Integer> all = new java.util.ArrayList<>(nodes);
        roleNodes.stream().filter(node -> node >= 0 && !all.contains(node)).forEach(all::add);
        return new Highlight(all, List.of(), links, fromSlot, toSlot, kinds);
    }
}
