package paxosviz.scenario.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import paxosviz.BadInputException;

/** Each bad scenario gives one message naming the file, the line and column, and the field. */
class BadScenarioTest {

    /** A valid scenario around one step, written on line 3. */
    private static String withStep(String step) {
        return "{\"nodes\": 5, \"durationMs\": 1000,\n \"steps\": [\n  " + step + "\n]}";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("empty", "  ", "bad.json: empty: expected a JSON object holding the scenario"),
                Arguments.of("not JSON", "hello",
                        "bad.json: line 1, column 1: not valid JSON: Unrecognized token 'hello': was expecting "
                                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("truncated", "{\"nodes\": 5,\n \"durationMs\": 10",
                        "bad.json: line 2, column 18: the JSON ends too early (truncated file?)"),
                Arguments.of("truncated after a comma", "{\"nodes\": 5,\n \"durationMs\": 10,",
                        "bad.json: line 2, column 19: the JSON ends too early (truncated file?)"),
                Arguments.of("top level array", "[1]",
                        "bad.json: line 1, column 1: expected a JSON object holding the scenario, got an array"),
                Arguments.of("trailing text", "{\"nodes\": 1, \"durationMs\": 1} x",
                        "bad.json: line 1, column 31: not valid JSON: Unrecognized token 'x': was expecting "
                                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("second object", "{\"nodes\": 1, \"durationMs\": 1} {}",
                        "bad.json: line 1, column 31: unexpected text after the end of the scenario object"),
                Arguments.of("missing nodes", "{\"durationMs\": 1000}",
                        "bad.json: line 1, column 1: missing field \"nodes\""),
                Arguments.of("nodes as string", "{\"nodes\": \"5\", \"durationMs\": 1000}",
                        "bad.json: line 1, column 11: nodes: expected an integer, got \"5\""),
                Arguments.of("nodes fraction", "{\"nodes\": 2.5, \"durationMs\": 1000}",
                        "bad.json: line 1, column 11: nodes: expected an integer, got 2.5"),
                Arguments.of("too many nodes", "{\"nodes\": 64, \"durationMs\": 1000}",
                        "bad.json: line 1, column 11: nodes: must be between 1 and 63, got 64"),
                Arguments.of("duplicate field", "{\"nodes\": 3,\n \"nodes\": 4, \"durationMs\": 1000}",
                        "bad.json: line 2, column 2: field \"nodes\" appears twice"),
                Arguments.of("missing duration", "{\"nodes\": 3}",
                        "bad.json: line 1, column 1: missing field \"durationMs\""),
                Arguments.of("zero duration", "{\"nodes\": 3, \"durationMs\": 0}",
                        "bad.json: line 1, column 28: durationMs: must be > 0, got 0"),
                Arguments.of("seed as string", "{\"nodes\": 3, \"durationMs\": 1, \"seed\": \"7\"}",
                        "bad.json: line 1, column 39: seed: expected an integer, got \"7\""),
                Arguments.of("unknown protocol", "{\"nodes\": 3, \"durationMs\": 1, \"protocol\": \"raft\"}",
                        "bad.json: line 1, column 43: protocol: unknown protocol \"raft\" "
                                + "(known: multipaxos, primary-backup, primary-backup-auto)"),
                Arguments.of("primary-backup too small", "{\"nodes\": 2, \"durationMs\": 1, \"protocol\": \"primary-backup\"}",
                        "bad.json: line 1, column 43: protocol: primary-backup needs at least 3 nodes, got 2"),
                Arguments.of("delay reversed", "{\"nodes\": 3, \"durationMs\": 1, \"network\": {\"delayMs\": [5, 1]}}",
                        "bad.json: line 1, column 54: network.delayMs: min 5 is greater than max 1"),
                Arguments.of("delay negative", "{\"nodes\": 3, \"durationMs\": 1, \"network\": {\"delayMs\": [-1, 1]}}",
                        "bad.json: line 1, column 55: network.delayMs[0]: must be >= 0, got -1"),
                Arguments.of("delay three values", "{\"nodes\": 3, \"durationMs\": 1, \"network\": {\"delayMs\": [1, 2, 3]}}",
                        "bad.json: line 1, column 54: network.delayMs: expected [min, max], got an array of 3 values"),
                Arguments.of("drop above one", "{\"nodes\": 3, \"durationMs\": 1, \"network\": {\"drop\": 1.5}}",
                        "bad.json: line 1, column 51: network.drop: must be between 0 and 1, got 1.5"),
                Arguments.of("timing twice", "{\"nodes\": 3, \"durationMs\": 1, \"timing\": {}, \"network\": {\"timing\": {}}}",
                        "bad.json: line 1, column 67: network.timing: timing is given twice, here and at the top level; keep one"),
                Arguments.of("election timeout zero",
                        "{\"nodes\": 3, \"durationMs\": 1, \"timing\": {\"electionTimeoutMs\": [0, 5]}}",
                        "bad.json: line 1, column 64: timing.electionTimeoutMs[0]: must be > 0, got 0"),
                Arguments.of("expect not boolean", "{\"nodes\": 3, \"durationMs\": 1, \"expect\": {\"agreement\": \"yes\"}}",
                        "bad.json: line 1, column 55: expect.agreement: expected true or false, got \"yes\""),
                Arguments.of("negative minAcknowledged", "{\"nodes\": 3, \"durationMs\": 1, \"expect\": {\"minAcknowledged\": -1}}",
                        "bad.json: line 1, column 61: expect.minAcknowledged: must be between 0 and 2147483647, got -1"),
                Arguments.of("steps not an array", "{\"nodes\": 3, \"durationMs\": 1, \"steps\": {}}",
                        "bad.json: line 1, column 40: steps: expected an array, got an object"),
                Arguments.of("unknown step", withStep("{\"at\": 0, \"do\": \"jump\"}"),
                        "bad.json: line 3, column 19: steps[0].do: unknown step \"jump\" (known: put, get, append, cas, "
                                + "load, partition, heal, cut, restore, isolate, crash, restart, network)"),
                Arguments.of("node out of range", withStep("{\"at\": 0, \"do\": \"crash\", \"node\": 7}"),
                        "bad.json: line 3, column 36: steps[0].node: node 7 is out of range 0..4"),
                Arguments.of("node as string", withStep("{\"at\": 0, \"do\": \"crash\", \"node\": \"1\"}"),
                        "bad.json: line 3, column 36: steps[0].node: expected a node index or \"leader\" or \"follower\", got \"1\""),
                Arguments.of("restart by a role it cannot have", withStep("{\"at\": 0, \"do\": \"restart\", \"node\": \"leader\"}"),
                        "bad.json: line 3, column 38: steps[0].node: expected a node index or \"crashed\", got \"leader\""),
                Arguments.of("caption without text", "{\"nodes\": 3, \"durationMs\": 1, \"narration\": [{\"at\": 0}]}",
                        "bad.json: line 1, column 45: narration[0]: missing field \"text\""),
                Arguments.of("caption highlights a node out of range",
                        "{\"nodes\": 3, \"durationMs\": 1, \"narration\": [{\"at\": 0, \"text\": \"t\", \"highlight\": {\"nodes\": [3]}}]}",
                        "bad.json: line 1, column 92: narration[0].highlight.nodes[0]: node 3 is out of range 0..2"),
                Arguments.of("caption slots backwards",
                        "{\"nodes\": 3, \"durationMs\": 1, \"narration\": [{\"at\": 0, \"text\": \"t\", \"highlight\": {\"slots\": [5, 2]}}]}",
                        "bad.json: line 1, column 91: narration[0].highlight.slots: expected 0 <= first <= last, got [5, 2]"),
                Arguments.of("negative time", withStep("{\"at\": -5, \"do\": \"heal\"}"),
                        "bad.json: line 3, column 10: steps[0].at: must be >= 0, got -5"),
                Arguments.of("missing time", withStep("{\"do\": \"heal\"}"),
                        "bad.json: line 3, column 3: steps[0]: missing field \"at\""),
                Arguments.of("step not an object", withStep("7"),
                        "bad.json: line 3, column 3: steps[0]: expected an object, got 7"),
                Arguments.of("put without value", withStep("{\"at\": 0, \"do\": \"put\", \"client\": \"c\", \"key\": \"k\"}"),
                        "bad.json: line 3, column 3: steps[0]: missing field \"value\""),
                Arguments.of("value not a string",
                        withStep("{\"at\": 0, \"do\": \"put\", \"client\": \"c\", \"key\": \"k\", \"value\": 5}"),
                        "bad.json: line 3, column 62: steps[0].value: expected a string, got 5"),
                Arguments.of("cas without expect",
                        withStep("{\"at\": 0, \"do\": \"cas\", \"client\": \"c\", \"key\": \"k\", \"value\": \"v\"}"),
                        "bad.json: line 3, column 3: steps[0]: missing field \"expect\""),
                Arguments.of("empty client", withStep("{\"at\": 0, \"do\": \"get\", \"client\": \"\", \"key\": \"k\"}"),
                        "bad.json: line 3, column 36: steps[0].client: must not be empty"),
                Arguments.of("load without keys",
                        withStep("{\"at\": 0, \"do\": \"load\", \"clients\": 2, \"keys\": [], \"ratePerSec\": 5, \"until\": 9}"),
                        "bad.json: line 3, column 49: steps[0].keys: needs at least one key"),
                Arguments.of("load until before at",
                        withStep("{\"at\": 10, \"do\": \"load\", \"clients\": 2, \"keys\": [\"k\"], \"ratePerSec\": 5, \"until\": 9}"),
                        "bad.json: line 3, column 83: steps[0].until: must be >= 10, got 9"),
                Arguments.of("uncovered partition", withStep("{\"at\": 0, \"do\": \"partition\", \"groups\": [[0, 1], [2, 3, \"c\"]]}"),
                        "bad.json: line 3, column 42: steps[0].groups: node 4 is in no group; the groups must cover every node"),
                Arguments.of("node in two groups", withStep("{\"at\": 0, \"do\": \"partition\", \"groups\": [[0, 1, 2], [2, 3, 4]]}"),
                        "bad.json: line 3, column 55: steps[0].groups[1][0]: node 2 is already in group 0"),
                Arguments.of("client in two groups",
                        withStep("{\"at\": 0, \"do\": \"partition\", \"groups\": [[0, 1, \"c\"], [2, 3, 4, \"c\"]]}"),
                        "bad.json: line 3, column 66: steps[0].groups[1][3]: client \"c\" is already in group 0"),
                Arguments.of("partition member boolean", withStep("{\"at\": 0, \"do\": \"partition\", \"groups\": [[true]]}"),
                        "bad.json: line 3, column 44: steps[0].groups[0][0]: "
                                + "expected a node index (integer) or a client name (string), got true"),
                Arguments.of("cut to itself", withStep("{\"at\": 0, \"do\": \"cut\", \"from\": 1, \"to\": 1}"),
                        "bad.json: line 3, column 43: steps[0].to: must differ from \"from\" (both are 1)"),
                Arguments.of("oneWay not boolean", withStep("{\"at\": 0, \"do\": \"cut\", \"from\": 1, \"to\": 2, \"oneWay\": 1}"),
                        "bad.json: line 3, column 56: steps[0].oneWay: expected true or false, got 1"),
                Arguments.of("null node", withStep("{\"at\": 0, \"do\": \"restart\", \"node\": null}"),
                        "bad.json: line 3, column 38: steps[0].node: must not be null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheProblemWhereItIs(String problem, String text, String message) {
        assertThatThrownBy(() -> ScenarioReader.read(text, "bad.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessage(message);
    }
}
