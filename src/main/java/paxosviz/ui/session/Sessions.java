package paxosviz.ui.session;

import java.nio.file.Path;

import paxosviz.BadInputException;
import paxosviz.runtime.ClusterSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.trace.json.FileSniffer;
import paxosviz.trace.model.TraceHeader;

/** Builds the sessions a window runs: the free-play cluster, a scenario, a fork of a replay. */
public final class Sessions {

    /** The runtime name in the header of a trace recorded from a fork: a simulator driven by hand. */
    public static final String FORKED_RUNTIME = "sim-live";

    private Sessions() {
    }

    /** The default live cluster: {@code nodes} replicas on threads, slowed for a lecture hall. */
    public static LiveSession freePlay(int nodes, SessionRecorder recorder) {
        ClusterSpec spec = LiveDefaults.spec(nodes);
        SessionInfo info = new SessionInfo(SessionInfo.Kind.LIVE, "", "", nodes, Protocol.MULTIPAXOS, "threads", null, "");
        TraceHeader header = new TraceHeader(TraceHeader.VERSION, nodes, "threads", null, null);
        return start(info, header, spec, recorder, ClusterLauncher.threads(spec, null));
    }

    /**
     * A scenario run live, its steps on the cluster's clock: on threads, or on the simulator with
     * the scenario's seed (then its trace re-runs and forks). {@code source} names it if it has no name.
     */
    public static LiveSession scenario(Scenario scenario, String source, SessionRecorder recorder, boolean onSimulator) {
        ClusterSpec spec = ClusterSpec.of(scenario);
        String runtime = onSimulator ? "sim" : "threads";
        Long seed = onSimulator ? scenario.seed() : null;
        SessionInfo info = new SessionInfo(SessionInfo.Kind.LIVE, scenario.name() != null ? scenario.name() : source,
                scenario.description() != null ? scenario.description() : "", scenario.nodes(), scenario.protocol(),
                runtime, seed, scenario.unsafeWhy());
        TraceHeader header = new TraceHeader(TraceHeader.VERSION, scenario.nodes(), runtime, seed, scenario);
        ClusterLauncher launcher = onSimulator ? ClusterLauncher.simulated(scenario, scenario.seed())
                : ClusterLauncher.threads(spec, scenario);
        return start(info, header, spec, recorder, launcher);
    }

    /**
     * A live run continuing from the point a replay shows: its scenario re-runs in the simulator
     * with its seed through that event, then goes on paused, with the user's faults from then on.
     * Its own trace says {@value #FORKED_RUNTIME}: hand-made faults cannot be re-run from a seed.
     */
    public static LiveSession fork(ReplaySession replay, SessionRecorder recorder) {
        TraceHeader from = replay.model().header();
        Scenario scenario = from.scenario();
        ClusterSpec spec = ClusterSpec.of(scenario);
        long at = replay.current() == null ? 0 : replay.current().seq();
        String title = "fork of " + replay.info().title() + " at event " + at;
        SessionInfo info = new SessionInfo(SessionInfo.Kind.LIVE, title, replay.info().description(), scenario.nodes(),
                scenario.protocol(), FORKED_RUNTIME, from.seed(), scenario.unsafeWhy());
        TraceHeader header = new TraceHeader(TraceHeader.VERSION, scenario.nodes(), FORKED_RUNTIME, from.seed(), scenario);
        return start(info, header, spec, recorder, replay.forkHere());
    }

    private static LiveSession start(SessionInfo info, TraceHeader header, ClusterSpec spec, SessionRecorder recorder,
            ClusterLauncher launcher) {
        if (recorder != null) {
            recorder.begin(header);
        }
        return new LiveSession(info, header, spec.network(), recorder, launcher);
    }

    /** Whether a file holds a trace rather than a scenario, told by its content (gzip, or a trace header first). */
    public static boolean isTrace(Path file) throws BadInputException {
        return FileSniffer.detect(file) == FileSniffer.Kind.TRACE;
    }
}
