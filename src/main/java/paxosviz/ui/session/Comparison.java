package paxosviz.ui.session;

import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.sim.Lockstep;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.trace.model.TraceHeader;

/**
 * One scenario run under two protocols side by side: two clusters on the simulator, with the
 * scenario's seed, sharing one clock (a {@link Lockstep}), so they are at the same virtual
 * time whenever they are looked at. Each side acts on both ({@link ComparedSession}).
 */
public final class Comparison implements AutoCloseable {

    private final ComparedSession left;
    private final ComparedSession right;

    private Comparison(ComparedSession left, ComparedSession right) {
        this.left = left;
        this.right = right;
        ComparedSession.pair(left, right);
    }

    /** Starts {@code scenario} under {@code leftProtocol} and {@code rightProtocol}, running at once. */
    public static Comparison start(Scenario scenario, Protocol leftProtocol, Protocol rightProtocol) {
        Lockstep lockstep = new Lockstep();
        return new Comparison(side(scenario, leftProtocol, lockstep), side(scenario, rightProtocol, lockstep));
    }

    private static ComparedSession side(Scenario base, Protocol protocol, Lockstep lockstep) {
        Scenario scenario = under(base, protocol);
        SessionInfo info = new SessionInfo(SessionInfo.Kind.LIVE, scenario.name() == null ? "" : scenario.name(),
                scenario.description() == null ? "" : scenario.description(), scenario.nodes(), protocol, "sim",
                scenario.seed(), scenario.unsafeWhy());
        TraceHeader header = new TraceHeader(TraceHeader.VERSION, scenario.nodes(), "sim", scenario.seed(), scenario);
        ClusterLauncher launcher = ClusterLauncher.inLockstep(scenario, scenario.seed(), lockstep);
        return new ComparedSession(new LiveSession(info, header, ClusterSpec.of(scenario).network(), null, launcher));
    }

    /** The same experiment (nodes, seed, network, steps) under another protocol; a demo's captions speak of one protocol, so they stay behind. */
    static Scenario under(Scenario scenario, Protocol protocol) {
        return new Scenario(scenario.name(), scenario.description(), scenario.nodes(), scenario.seed(), protocol,
                scenario.network(), scenario.timing(), scenario.durationMs(), scenario.steps(), scenario.expect(),
                scenario.amnesia());
    }

    public ComparedSession left() {
        return left;
    }

    public ComparedSession right() {
        return right;
    }

    /** Stops both clusters and their threads. */
    @Override
    public void close() {
        left.close();
        right.close();
    }
}
