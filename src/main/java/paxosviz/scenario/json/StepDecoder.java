package paxosviz.scenario.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import paxosviz.BadInputException;
import paxosviz.core.OpType;
import paxosviz.scenario.Step;

/** Checks one step of a scenario's timeline and builds the {@link Step}. */
final class StepDecoder {

    static final String KNOWN_STEPS =
            "put, get, append, cas, load, partition, heal, cut, restore, isolate, crash, restart, network";

    private final Checker check;
    private final int nodes;

    StepDecoder(Checker check, int nodes) {
        this.check = check;
        this.nodes = nodes;
    }

    Step decode(JsonValue value, String path) throws BadInputException {
        Fields step = check.object(value, path);
        double at = check.numberAtLeast(step.present("at"), step.path("at"), 0, false);
        JsonValue kind = step.present("do");
        String name = check.string(kind, step.path("do"));
        switch (name) {
            case "put":
            case "get":
            case "append":
            case "cas":
                return clientOp(step, at, OpType.fromWireName(name));
            case "load":
                return load(step, at);
            case "partition":
                return new Step.Partition(at, groups(step));
            case "heal":
                return new Step.Heal(at);
            case "cut":
            case "restore":
                return link(step, at, name.equals("cut"));
            case "isolate":
                return nodeStep(step, at, Step.RoleFault.ISOLATE);
            case "crash":
                return nodeStep(step, at, Step.RoleFault.CRASH);
            case "restart":
                return nodeStep(step, at, Step.RoleFault.RESTART);
            case "network":
                return network(step, at);
            default:
                throw check.fail(kind, step.path("do"), "unknown step " + kind.describe() + " (known: " + KNOWN_STEPS + ")");
        }
    }

    /** A step on one node, named by number or by role ({@code "node": "leader"}). */
    private Step nodeStep(Fields step, double at, Step.RoleFault fault) throws BadInputException {
        JsonValue node = step.present("node");
        if (node instanceof JsonValue.Str name) {
            return byRole(node, name.value(), step.path("node"), at, fault);
        }
        int index = step.nodeIndex("node", nodes);
        return switch (fault) {
            case CRASH -> new Step.Crash(at, index);
            case RESTART -> new Step.Restart(at, index);
            case ISOLATE -> new Step.Isolate(at, index);
        };
    }

    private Step byRole(JsonValue node, String name, String path, double at, Step.RoleFault fault) throws BadInputException {
        List<Step.NodeRole> allowed = fault == Step.RoleFault.RESTART
                ? List.of(Step.NodeRole.CRASHED) : List.of(Step.NodeRole.LEADER, Step.NodeRole.FOLLOWER);
        Step.NodeRole role = Step.NodeRole.of(name, allowed);
        if (role == null) {
            throw check.fail(node, path, "expected a node index or " + Step.NodeRole.quoted(allowed) + ", got " + node.describe());
        }
        return new Step.ByRole(at, fault, role);
    }

    private Step clientOp(Fields step, double at, OpType type) throws BadInputException {
        String client = step.name("client");
        String key = step.string("key");
        String value = type == OpType.GET ? null : step.string("value");
        String expect = type == OpType.CAS ? step.stringOrNull("expect") : null;
        return new Step.ClientOp(at, type, client, key, value, expect);
    }

    private Step load(Fields step, double at) throws BadInputException {
        int clients = check.integerIn(step.present("clients"), step.path("clients"), 1, Integer.MAX_VALUE);
        List<JsonValue> items = step.array("keys");
        if (items.isEmpty()) {
            throw check.fail(step.present("keys"), step.path("keys"), "needs at least one key");
        }
        List<String> keys = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            keys.add(check.string(items.get(i), step.path("keys") + "[" + i + "]"));
        }
        double rate = check.numberAtLeast(step.present("ratePerSec"), step.path("ratePerSec"), 0, true);
        double until = check.numberAtLeast(step.present("until"), step.path("until"), at, false);
        return new Step.Load(at, clients, keys, rate, until);
    }

    /** Every node in exactly one group; a client in at most one. */
    private List<Step.Group> groups(Fields step) throws BadInputException {
        String path = step.path("groups");
        List<JsonValue> items = step.array("groups");
        Map<Integer, Integer> groupOfNode = new HashMap<>();
        Map<String, Integer> groupOfClient = new HashMap<>();
        List<Step.Group> groups = new ArrayList<>(items.size());
        for (int g = 0; g < items.size(); g++) {
            String groupPath = path + "[" + g + "]";
            List<JsonValue> members = check.array(items.get(g), groupPath);
            List<Integer> groupNodes = new ArrayList<>();
            List<String> groupClients = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                JsonValue member = members.get(m);
                String memberPath = groupPath + "[" + m + "]";
                if (member instanceof JsonValue.Str str) {
                    Integer before = groupOfClient.putIfAbsent(str.value(), g);
                    if (before != null) {
                        throw check.fail(member, memberPath, "client " + member.describe() + " is already in group " + before);
                    }
                    groupClients.add(str.value());
                } else if (member instanceof JsonValue.Num) {
                    int node = check.nodeIndex(member, memberPath, nodes);
                    Integer before = groupOfNode.putIfAbsent(node, g);
                    if (before != null) {
                        throw check.fail(member, memberPath, "node " + node + " is already in group " + before);
                    }
                    groupNodes.add(node);
                } else {
                    throw check.fail(member, memberPath,
                            "expected a node index (integer) or a client name (string), got " + member.describe());
                }
            }
            groups.add(new Step.Group(groupNodes, groupClients));
        }
        for (int node = 0; node < nodes; node++) {
            if (!groupOfNode.containsKey(node)) {
                throw check.fail(step.present("groups"), path, "node " + node + " is in no group; the groups must cover every node");
            }
        }
        return groups;
    }

    private Step link(Fields step, double at, boolean cut) throws BadInputException {
        int from = step.nodeIndex("from", nodes);
        int to = step.nodeIndex("to", nodes);
        if (from == to) {
            throw check.fail(step.present("to"), step.path("to"), "must differ from \"from\" (both are " + from + ")");
        }
        boolean oneWay = step.bool("oneWay", false);
        return cut ? new Step.Cut(at, from, to, oneWay) : new Step.Restore(at, from, to, oneWay);
    }

    private Step network(Fields step, double at) throws BadInputException {
        JsonValue delay = step.optional("delayMs");
        double[] delayMs = delay == null ? null : check.range(delay, step.path("delayMs"), 0, false);
        JsonValue drop = step.optional("drop");
        JsonValue duplicate = step.optional("duplicate");
        return new Step.NetworkChange(at,
                delayMs == null ? null : delayMs[0],
                delayMs == null ? null : delayMs[1],
                drop == null ? null : check.fraction(drop, step.path("drop")),
                duplicate == null ? null : check.fraction(duplicate, step.path("duplicate")));
    }
}
