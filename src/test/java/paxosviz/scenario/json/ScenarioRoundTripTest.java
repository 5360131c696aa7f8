package paxosviz.scenario.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import paxosviz.core.OpType;
import paxosviz.scenario.Expectations;
import paxosviz.scenario.Highlight;
import paxosviz.scenario.Narration;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;
import paxosviz.scenario.TimingSpec;

class ScenarioRoundTripTest {

    @Test
    void writesEveryFieldCanonically() throws Exception {
        Scenario scenario = ScenarioReader.read("""
                {"nodes": 3, "durationMs": 100.5, "steps": [
                  {"at": 0, "do": "cas", "client": "a", "key": "k", "expect": null, "value": "v"},
                  {"at": 2, "do": "network", "drop": 0.5}]}""", "small.json");

        assertThat(ScenarioWriter.write(scenario)).isEqualTo("""
                {
                  "nodes": 3,
                  "seed": 1,
                  "protocol": "multipaxos",
                  "network": {
                    "delayMs": [ 1, 5 ],
                    "drop": 0,
                    "duplicate": 0
                  },
                  "timing": {
                    "heartbeatMs": 50,
                    "electionTimeoutMs": [ 150, 300 ]
                  },
                  "durationMs": 100.5,
                  "steps": [ {
                    "at": 0,
                    "do": "cas",
                    "client": "a",
                    "key": "k",
                    "expect": null,
                    "value": "v"
                  }, {
                    "at": 2,
                    "do": "network",
                    "drop": 0.5
                  } ],
                  "expect": { },
                  "unsafe": {
                    "amnesia": false
                  }
                }
                """);
    }

    @Test
    void theContractExampleSurvivesARoundTrip() throws Exception {
        Scenario scenario = ScenarioReader.read(ScenarioReaderTest.resource("contract-example.json"));

        assertThat(ScenarioReader.read(ScenarioWriter.write(scenario), "again.json")).isEqualTo(scenario);
    }

    @Test
    void savesToAFile(@TempDir Path dir) throws Exception {
        Scenario scenario = ScenarioReader.read(ScenarioReaderTest.resource("example-minority-partition.json"));
        Path file = dir.resolve("saved.json");

        ScenarioWriter.save(scenario, file);

        assertThat(ScenarioReader.read(file)).isEqualTo(scenario);
    }

    @Property(tries = 300)
    void anyScenarioSurvivesARoundTrip(@ForAll("scenarios") Scenario scenario) throws Exception {
        String text = ScenarioWriter.write(scenario);

        assertThat(ScenarioReader.read(text, "generated.json")).isEqualTo(scenario);
        assertThat(ScenarioWriter.write(ScenarioReader.read(text, "generated.json"))).isEqualTo(text);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(1, 7).flatMap(nodes -> {
            Arbitrary<Scenario> head = Combinators.combine(
                    text().injectNull(0.3), text().injectNull(0.3), Arbitraries.longs(), Arbitraries.of(true, false))
                    .as((name, description, seed, amnesia) -> new Scenario(name, description, nodes, seed,
                            Protocol.MULTIPAXOS, NetworkSpec.DEFAULT, TimingSpec.DEFAULT, 1, List.of(),
                            Expectations.NONE, amnesia));
            return Combinators.combine(head, protocols(nodes), networks(), timings(),
                            Arbitraries.doubles().between(0.001, 1e6).ofScale(3), step(nodes).list().ofMaxSize(8),
                            expectations())
                    .as((s, protocol, network, timing, duration, steps, expect) -> new Scenario(s.name(),
                            s.description(), nodes, s.seed(), protocol, network, timing, duration, steps, expect,
                            s.amnesia()))
                    .flatMap(s -> caption(nodes).list().ofMaxSize(4).map(narration -> new Scenario(s.name(),
                            s.description(), nodes, s.seed(), s.protocol(), s.network(), s.timing(), s.durationMs(),
                            s.steps(), s.expect(), s.amnesia(), narration)));
        });
    }

    private static Arbitrary<Narration> caption(int nodes) {
        Arbitrary<Integer> node = Arbitraries.integers().between(0, nodes - 1);
        Arbitrary<Highlight.Link> link = Combinators.combine(node, node).as(Highlight.Link::new);
        Arbitrary<long[]> slots = Combinators.combine(Arbitraries.longs().between(0, 1_000_000), Arbitraries.longs().between(0, 50))
                .as((from, extra) -> new long[] {from, from + extra})
                .injectNull(0.5).map(range -> range == null ? new long[] {Highlight.NO_SLOT, Highlight.NO_SLOT} : range);
        Arbitrary<Highlight> highlight = Combinators.combine(node.list().uniqueElements().ofMaxSize(3),
                        Arbitraries.of(Step.NodeRole.LEADER, Step.NodeRole.FOLLOWER).list().uniqueElements().ofMaxSize(2),
                        link.list().ofMaxSize(2), slots, name().list().ofMaxSize(2))
                .as((indices, roles, links, range, kinds) -> new Highlight(indices, roles, links, range[0], range[1], kinds));
        return Combinators.combine(time(), text(), Arbitraries.of(true, false),
                        Arbitraries.doubles().between(0.01, 1e4).ofScale(2).injectNull(0.5), highlight)
                .as((at, text, pause, forMs, spot) -> new Narration(at, text, pause, forMs == null ? Double.NaN : forMs, spot));
    }

    private static StringArbitrary text() {
        return Arbitraries.strings().ascii().withChars("é中\"\\\n\t\u2028").ofMaxLength(12);
    }

    private static Arbitrary<String> name() {
        return text().ofMinLength(1);
    }

    private static Arbitrary<Double> time() {
        return Arbitraries.doubles().between(0, 1e5).ofScale(2);
    }

    private static Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1).ofScale(4);
    }

    private static Arbitrary<Protocol> protocols(int nodes) {
        List<Protocol> allowed = new ArrayList<>(List.of(Protocol.MULTIPAXOS));
        if (nodes >= 2) {
            allowed.add(Protocol.PRIMARY_BACKUP_AUTO);
        }
        if (nodes >= 3) {
            allowed.add(Protocol.PRIMARY_BACKUP);
        }
        return Arbitraries.of(allowed);
    }

    private static Arbitrary<NetworkSpec> networks() {
        return Combinators.combine(time(), time(), fraction(), fraction())
                .as((min, extra, drop, duplicate) -> new NetworkSpec(min, min + extra, drop, duplicate));
    }

    private static Arbitrary<TimingSpec> timings() {
        Arbitrary<Double> positive = Arbitraries.doubles().between(0.01, 1e4).ofScale(2);
        return Combinators.combine(positive, positive, time())
                .as((heartbeat, min, extra) -> new TimingSpec(heartbeat, min, min + extra));
    }

    private static Arbitrary<Expectations> expectations() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false).injectNull(0.4);
        return Combinators.combine(flag, flag, flag, Arbitraries.integers().between(0, 10_000).injectNull(0.4))
                .as(Expectations::new);
    }

    private static Arbitrary<Step> step(int nodes) {
        Arbitrary<Integer> node = Arbitraries.integers().between(0, nodes - 1);
        List<Arbitrary<? extends Step>> kinds = new ArrayList<>(List.of(
                clientOps(),
                Combinators.combine(time(), Arbitraries.integers().between(1, 50), name().list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.doubles().between(0.01, 1000).ofScale(2), time())
                        .as((at, clients, keys, rate, extra) -> new Step.Load(at, clients, keys, rate, at + extra)),
                partitions(nodes),
                time().map(Step.Heal::new),
                Combinators.combine(time(), node).as(Step.Isolate::new),
                Combinators.combine(time(), node).as(Step.Crash::new),
                Combinators.combine(time(), node).as(Step.Restart::new),
                Combinators.combine(time(), Arbitraries.of(Step.RoleFault.CRASH, Step.RoleFault.ISOLATE),
                        Arbitraries.of(Step.NodeRole.LEADER, Step.NodeRole.FOLLOWER)).as(Step.ByRole::new),
                time().map(at -> new Step.ByRole(at, Step.RoleFault.RESTART, Step.NodeRole.CRASHED)),
                Combinators.combine(time(), time().injectNull(0.5), time(), fraction().injectNull(0.5),
                                fraction().injectNull(0.5))
                        .as((at, min, extra, drop, duplicate) -> new Step.NetworkChange(at, min,
                                min == null ? null : min + extra, drop, duplicate))));
        if (nodes >= 2) {
            Arbitrary<int[]> pair = Combinators.combine(node, node).as((a, b) -> new int[] {a, b})
                    .filter(p -> p[0] != p[1]);
            kinds.add(Combinators.combine(time(), pair, Arbitraries.of(true, false))
                    .as((at, p, oneWay) -> new Step.Cut(at, p[0], p[1], oneWay)));
            kinds.add(Combinators.combine(time(), pair, Arbitraries.of(true, false))
                    .as((at, p, oneWay) -> new Step.Restore(at, p[0], p[1], oneWay)));
        }
        return Arbitraries.oneOf(kinds);
    }

    private static Arbitrary<Step> clientOps() {
        return Combinators.combine(time(), Arbitraries.of(OpType.PUT, OpType.GET, OpType.APPEND, OpType.CAS),
                        name(), text(), text(), text().injectNull(0.3))
                .as((at, type, client, key, value, expect) -> new Step.ClientOp(at, type, client, key,
                        type == OpType.GET ? null : value, type == OpType.CAS ? expect : null));
    }

    /** Each node lands in one of up to three groups; each client in at most one. */
    private static Arbitrary<Step> partitions(int nodes) {
        Arbitrary<List<Integer>> groupOfNode = Arbitraries.integers().between(0, 2).list().ofSize(nodes);
        Arbitrary<List<String>> clients = name().list().uniqueElements().ofMaxSize(3);
        return Combinators.combine(time(), groupOfNode, clients, Arbitraries.integers().between(0, 2).list().ofSize(3))
                .as((at, assignment, names, groupOfClient) -> {
                    List<Step.Group> groups = new ArrayList<>();
                    for (int g = 0; g < 3; g++) {
                        List<Integer> members = new ArrayList<>();
                        for (int n = 0; n < nodes; n++) {
                            if (assignment.get(n) == g) {
                                members.add(n);
                            }
                        }
                        List<String> groupClients = new ArrayList<>();
                        for (int c = 0; c < names.size(); c++) {
                            if (groupOfClient.get(c) == g) {
                                groupClients.add(names.get(c));
                            }
                        }
                        groups.add(new Step.Group(members, groupClients));
                    }
                    return new Step.Partition(at, groups);
                });
    }
}
