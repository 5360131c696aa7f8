package paxosviz.scenario.json;

import java.util.ArrayList;
import java.util.List;

import paxosviz.BadInputException;
import paxosviz.scenario.Expectations;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;
import paxosviz.scenario.TimingSpec;

/** Checks a located JSON tree against the scenario format and builds the {@link Scenario}. */
final class ScenarioDecoder {

    /** As PaxosConfig allows: replicas track acknowledgements in one long bit set per slot. */
    static final int MAX_NODES = 63;
    static final long DEFAULT_SEED = 1;

    private final Checker check;

    ScenarioDecoder(String source) {
        this.check = new Checker(source);
    }

    Scenario decode(JsonValue root) throws BadInputException {
        if (!(root instanceof JsonValue.Obj)) {
            throw check.fail(root, "", "expected a JSON object holding the scenario, got " + root.describe());
        }
        Fields top = check.object(root, "");
        int nodes = check.integerIn(top.present("nodes"), "nodes", 1, MAX_NODES);
        JsonValue seed = top.optional("seed");
        Fields network = top.optionalObject("network");
        double durationMs = check.numberAtLeast(top.present("durationMs"), "durationMs", 0, true);
        Fields unsafe = top.optionalObject("unsafe");
        return new Scenario(
                top.optionalString("name"),
                top.optionalString("description"),
                nodes,
                seed == null ? DEFAULT_SEED : check.integer(seed, "seed"),
                protocol(top, nodes),
                network == null ? NetworkSpec.DEFAULT : network(network),
                timing(top, network),
                durationMs,
                steps(top, nodes),
                expectations(top.optionalObject("expect")),
                unsafe != null && unsafe.bool("amnesia", false),
                new NarrationDecoder(check, nodes).decode(top.optional("narration")));
    }

    private Protocol protocol(Fields top, int nodes) throws BadInputException {
        JsonValue value = top.optional("protocol");
        if (value == null) {
            return Protocol.MULTIPAXOS;
        }
        String name = check.string(value, "protocol");
        Protocol protocol = Protocol.fromWireName(name);
        if (protocol == null) {
            throw check.fail(value, "protocol", "unknown protocol " + value.describe()
                    + " (known: multipaxos, primary-backup, primary-backup-auto)");
        }
        // primary-backup spends node 0 on the view service; both need a primary and a backup.
        int least = protocol == Protocol.PRIMARY_BACKUP ? 3 : protocol == Protocol.PRIMARY_BACKUP_AUTO ? 2 : 1;
        if (nodes < least) {
            throw check.fail(value, "protocol", name + " needs at least " + least + " nodes, got " + nodes);
        }
        return protocol;
    }

    private NetworkSpec network(Fields network) throws BadInputException {
        NetworkSpec defaults = NetworkSpec.DEFAULT;
        JsonValue delay = network.optional("delayMs");
        double[] delayMs = delay == null
                ? new double[] {defaults.minDelayMs(), defaults.maxDelayMs()}
                : check.range(delay, network.path("delayMs"), 0, false);
        return new NetworkSpec(delayMs[0], delayMs[1],
                fraction(network, "drop", defaults.drop()),
                fraction(network, "duplicate", defaults.duplicate()));
    }

    private double fraction(Fields fields, String name, double absent) throws BadInputException {
        JsonValue value = fields.optional(name);
        return value == null ? absent : check.fraction(value, fields.path(name));
    }

    /** The contract lists {@code timing} with the network; it is accepted there or at the top level. */
    private TimingSpec timing(Fields top, Fields network) throws BadInputException {
        JsonValue inside = network == null ? null : network.optional("timing");
        JsonValue outside = top.optional("timing");
        if (inside != null && outside != null) {
            throw check.fail(inside, "network.timing", "timing is given twice, here and at the top level; keep one");
        }
        if (inside == null && outside == null) {
            return TimingSpec.DEFAULT;
        }
        Fields timing = inside != null ? check.object(inside, "network.timing") : check.object(outside, "timing");
        TimingSpec defaults = TimingSpec.DEFAULT;
        JsonValue heartbeat = timing.optional("heartbeatMs");
        JsonValue election = timing.optional("electionTimeoutMs");
        double[] electionMs = election == null
                ? new double[] {defaults.electionMinMs(), defaults.electionMaxMs()}
                : check.range(election, timing.path("electionTimeoutMs"), 0, true);
        return new TimingSpec(
                heartbeat == null ? defaults.heartbeatMs() : check.numberAtLeast(heartbeat, timing.path("heartbeatMs"), 0, true),
                electionMs[0], electionMs[1]);
    }

    private List<Step> steps(Fields top, int nodes) throws BadInputException {
        JsonValue value = top.optional("steps");
        if (value == null) {
            return List.of();
        }
        StepDecoder decoder = new StepDecoder(check, nodes);
        List<JsonValue> items = check.array(value, "steps");
        List<Step> steps = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            steps.add(decoder.decode(items.get(i), "steps[" + i + "]"));
        }
        return steps;
    }

    private Expectations expectations(Fields expect) throws BadInputException {
        if (expect == null) {
            return Expectations.NONE;
        }
        JsonValue acknowledged = expect.optional("minAcknowledged");
        return new Expectations(
                expect.optionalBool("agreement"),
                expect.optionalBool("linearizable"),
                expect.optionalBool("converged"),
                acknowledged == null ? null
                        : check.integerIn(acknowledged, expect.path("minAcknowledged"), 0, Integer.MAX_VALUE));
    }
}
