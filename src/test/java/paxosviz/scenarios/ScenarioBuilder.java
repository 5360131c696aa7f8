package paxosviz.scenarios;

import java.util.ArrayList;
import java.util.List;

import paxosviz.core.OpType;
import paxosviz.scenario.Expectations;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;
import paxosviz.scenario.TimingSpec;

/** Builds scenarios in tests, reading like the JSON a person would write. */
final class ScenarioBuilder {

    private final String name;
    private int nodes = 5;
    private long seed = 1;
    private Protocol protocol = Protocol.MULTIPAXOS;
    private NetworkSpec network = NetworkSpec.DEFAULT;
    private TimingSpec timing;
    private double durationMs = 3000;
    private final List<Step> steps = new ArrayList<>();
    private Expectations expect = new Expectations(true, true, true, null);

    private ScenarioBuilder(String name) {
        this.name = name;
    }

    static ScenarioBuilder scenario(String name) {
        return new ScenarioBuilder(name);
    }

    ScenarioBuilder nodes(int count) {
        nodes = count;
        return this;
    }

    ScenarioBuilder seed(long value) {
        seed = value;
        return this;
    }

    ScenarioBuilder protocol(Protocol value) {
        protocol = value;
        return this;
    }

    ScenarioBuilder network(double minDelayMs, double maxDelayMs, double drop, double duplicate) {
        network = new NetworkSpec(minDelayMs, maxDelayMs, drop, duplicate);
        return this;
    }

    ScenarioBuilder timing(double heartbeatMs, double electionMinMs, double electionMaxMs) {
        timing = new TimingSpec(heartbeatMs, electionMinMs, electionMaxMs);
        return this;
    }

    ScenarioBuilder duration(double ms) {
        durationMs = ms;
        return this;
    }

    ScenarioBuilder expectMinAcknowledged(int count) {
        expect = new Expectations(true, true, true, count);
        return this;
    }

    ScenarioBuilder expectNoConvergence() {
        expect = new Expectations(true, true, null, expect.minAcknowledged());
        return this;
    }

    ScenarioBuilder load(double at, int clients, List<String> keys, double ratePerSec, double until) {
        steps.add(new Step.Load(at, clients, keys, ratePerSec, until));
        return this;
    }

    ScenarioBuilder put(double at, String client, String key, String value) {
        steps.add(new Step.ClientOp(at, OpType.PUT, client, key, value, null));
        return this;
    }

    ScenarioBuilder append(double at, String client, String key, String value) {
        steps.add(new Step.ClientOp(at, OpType.APPEND, client, key, value, null));
        return this;
    }

    ScenarioBuilder get(double at, String client, String key) {
        steps.add(new Step.ClientOp(at, OpType.GET, client, key, null, null));
        return this;
    }

    ScenarioBuilder cas(double at, String client, String key, String expected, String value) {
        steps.add(new Step.ClientOp(at, OpType.CAS, client, key, value, expected));
        return this;
    }

    /** Groups of node indices; clients may be named after the nodes with {@link #with}. */
    ScenarioBuilder partition(double at, List<List<Integer>> groups) {
        return partition(at, groups, List.of());
    }

    ScenarioBuilder partition(double at, List<List<Integer>> groups, List<List<String>> clients) {
        List<Step.Group> parts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            parts.add(new Step.Group(groups.get(i), i < clients.size() ? clients.get(i) : List.of()));
        }
        steps.add(new Step.Partition(at, parts));
        return this;
    }

    ScenarioBuilder heal(double at) {
        steps.add(new Step.Heal(at));
        return this;
    }

    ScenarioBuilder cut(double at, int from, int to, boolean oneWay) {
        steps.add(new Step.Cut(at, from, to, oneWay));
        return this;
    }

    ScenarioBuilder restore(double at, int from, int to, boolean oneWay) {
        steps.add(new Step.Restore(at, from, to, oneWay));
        return this;
    }

    /** Every other node's link into {@code node} goes down: it can send but hears nothing. */
    ScenarioBuilder deafen(double at, int node) {
        for (int other = 0; other < nodes; other++) {
            if (other != node) {
                cut(at, other, node, true);
            }
        }
        return this;
    }

    ScenarioBuilder undeafen(double at, int node) {
        for (int other = 0; other < nodes; other++) {
            if (other != node) {
                restore(at, other, node, true);
            }
        }
        return this;
    }

    ScenarioBuilder crash(double at, int node) {
        steps.add(new Step.Crash(at, node));
        return this;
    }

    ScenarioBuilder restart(double at, int node) {
        steps.add(new Step.Restart(at, node));
        return this;
    }

    ScenarioBuilder isolate(double at, int node) {
        steps.add(new Step.Isolate(at, node));
        return this;
    }

    ScenarioBuilder networkChange(double at, Double maxDelayMs, Double drop, Double duplicate) {
        steps.add(new Step.NetworkChange(at, null, maxDelayMs, drop, duplicate));
        return this;
    }

    Scenario build() {
        return new Scenario(name, name, nodes, seed, protocol, network, timing, durationMs, steps, expect, false);
    }
}
