package paxosviz.scenario.json;

import java.util.ArrayList;
import java.util.List;

import paxosviz.BadInputException;
import paxosviz.scenario.Highlight;
import paxosviz.scenario.Narration;
import paxosviz.scenario.Step;

/** Checks a scenario's optional {@code narration} list: captions with times, pauses and highlights. */
final class NarrationDecoder {

    private final Checker check;
    private final int nodes;

    NarrationDecoder(Checker check, int nodes) {
        this.check = check;
        this.nodes = nodes;
    }

    List<Narration> decode(JsonValue value) throws BadInputException {
        if (value == null) {
            return List.of();
        }
        List<JsonValue> items = check.array(value, "narration");
        List<Narration> captions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            captions.add(caption(check.object(items.get(i), "narration[" + i + "]")));
        }
        return captions;
    }

    private Narration caption(Fields caption) throws BadInputException {
        double at = check.numberAtLeast(caption.present("at"), caption.path("at"), 0, false);
        JsonValue forMs = caption.optional("forMs");
        Fields highlight = caption.optionalObject("highlight");
        return new Narration(at, caption.string("text"), caption.bool("pause", false),
                forMs == null ? Double.NaN : check.numberAtLeast(forMs, caption.path("forMs"), 0, true),
                highlight == null ? Highlight.NONE : highlight(highlight));
    }

    private Highlight highlight(Fields highlight) throws BadInputException {
        List<Integer> indices = new ArrayList<>();
        List<Step.NodeRole> roles = new ArrayList<>();
        List<JsonValue> members = list(highlight, "nodes");
        for (int i = 0; i < members.size(); i++) {
            JsonValue member = members.get(i);
            String path = highlight.path("nodes") + "[" + i + "]";
            if (member instanceof JsonValue.Str name) {
                roles.add(role(member, name.value(), path));
            } else {
                indices.add(check.nodeIndex(member, path, nodes));
            }
        }
        List<Highlight.Link> links = new ArrayList<>();
        List<JsonValue> pairs = list(highlight, "links");
        for (int i = 0; i < pairs.size(); i++) {
            String path = highlight.path("links") + "[" + i + "]";
            List<JsonValue> ends = check.array(pairs.get(i), path);
            if (ends.size() != 2) {
                throw check.fail(pairs.get(i), path, "a link is two node indices, got " + ends.size() + " values");
            }
            links.add(new Highlight.Link(check.nodeIndex(ends.get(0), path + "[0]", nodes),
                    check.nodeIndex(ends.get(1), path + "[1]", nodes)));
        }
        long[] slots = slots(highlight);
        List<String> kinds = new ArrayList<>();
        List<JsonValue> names = list(highlight, "kinds");
        for (int i = 0; i < names.size(); i++) {
            kinds.add(check.string(names.get(i), highlight.path("kinds") + "[" + i + "]"));
        }
        return new Highlight(indices, roles, links, slots[0], slots[1], kinds);
    }

    private Step.NodeRole role(JsonValue member, String name, String path) throws BadInputException {
        List<Step.NodeRole> allowed = List.of(Step.NodeRole.LEADER, Step.NodeRole.FOLLOWER);
        Step.NodeRole role = Step.NodeRole.of(name, allowed);
        if (role == null) {
            throw check.fail(member, path, "expected a node index, " + Step.NodeRole.quoted(allowed) + ", got " + member.describe());
        }
        return role;
    }

    private long[] slots(Fields highlight) throws BadInputException {
        JsonValue value = highlight.optional("slots");
        if (value == null) {
            return new long[] {Highlight.NO_SLOT, Highlight.NO_SLOT};
        }
        String path = highlight.path("slots");
        List<JsonValue> ends = check.array(value, path);
        if (ends.size() != 2) {
            throw check.fail(value, path, "expected [first, last] slots, got " + ends.size() + " values");
        }
        long first = check.integer(ends.get(0), path + "[0]");
        long last = check.integer(ends.get(1), path + "[1]");
        if (first < 0 || last < first) {
            throw check.fail(value, path, "expected 0 <= first <= last, got [" + first + ", " + last + "]");
        }
        return new long[] {first, last};
    }

    private List<JsonValue> list(Fields fields, String name) throws BadInputException {
        JsonValue value = fields.optional(name);
        return value == null ? List.of() : check.array(value, fields.path(name));
    }
}
