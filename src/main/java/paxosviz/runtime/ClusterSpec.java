package paxosviz.runtime;

import paxosviz.core.PaxosConfig;
import paxosviz.net.LinkParams;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.TimingSpec;

/** Everything needed to build a cluster: its size, protocol, timers, network and client patience. */
public record ClusterSpec(
        int nodes,
        Protocol protocol,
        PaxosConfig paxos,
        LinkParams network,
        ClientTiming clients,
        boolean amnesia) {

    public static ClusterSpec of(Scenario scenario) {
        NetworkSpec net = scenario.network() != null ? scenario.network() : NetworkSpec.DEFAULT;
        TimingSpec timing = scenario.timing() != null ? scenario.timing() : TimingSpec.DEFAULT;
        return defaults(scenario.nodes(), scenario.protocol())
                .withTiming(timing)
                .withNetwork(LinkParams.ofMillis(net.minDelayMs(), net.maxDelayMs(), net.drop(), net.duplicate()))
                .withAmnesia(scenario.amnesia());
    }

    public static ClusterSpec defaults(int nodes, Protocol protocol) {
        ClusterSpec spec = new ClusterSpec(nodes, protocol, PaxosConfig.defaults(nodes),
                LinkParams.ofMillis(1, 5, 0, 0), null, false);
        return spec.withTiming(TimingSpec.DEFAULT);
    }

    /**
     * Sets the protocol timers. A client gives a replica up after one minimal election timeout:
     * long enough for a healthy leader to answer, short enough that a lost request or reply
     * costs little (a retry is safe: it keeps its (client, seq) and takes effect once).
     */
    public ClusterSpec withTiming(TimingSpec timing) {
        long heartbeat = Math.round(timing.heartbeatMs() * 1000);
        long min = Math.round(timing.electionMinMs() * 1000);
        long max = Math.round(timing.electionMaxMs() * 1000);
        return new ClusterSpec(nodes, protocol, paxos.withTiming(heartbeat, min, max), network,
                new ClientTiming(min, heartbeat), amnesia);
    }

    public ClusterSpec withNetwork(LinkParams params) {
        return new ClusterSpec(nodes, protocol, paxos, params, clients, amnesia);
    }

    public ClusterSpec withPaxos(PaxosConfig config) {
        return new ClusterSpec(nodes, protocol, config, network, clients, amnesia);
    }

    public ClusterSpec withAmnesia(boolean on) {
        return new ClusterSpec(nodes, protocol, paxos, network, clients, on);
    }
}
