package paxosviz.ui.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import paxosviz.BadInputException;
import paxosviz.runtime.ClusterSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
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
        SessionInfo info = new SessionInfo(SessionInfo.Kind.LIVE, "", "", nodes, Protocol.MULTIPAXOS, "threads", null, false);
        TraceHeader header = new TraceHeader(TraceHeader.VERSION, nodes, "threads", null, null);
        return start(info, header, spec, recorder, ClusterLauncher.threads(spec, null));
    }

    /** A scenario run live on threads, its steps on the cluster's clock. {@code source} names it if it has no name. */
    public static LiveSession scenario(Scenario scenario, String source, SessionRecorder recorder) {
        ClusterSpec spec = ClusterSpec.of(scenario);
        SessionInfo info = new SessionInfo(SessionInfo.Kind.LIVE, scenario.name() != null ? scenario.name() : source,
                scenario.description() != null ? scenario.description() : "", scenario.nodes(), scenario.protocol(),
                "threads", null, scenario.amnesia());
        TraceHeader header = new TraceHeader(TraceHeader.VERSION, scenario.nodes(), "threads", null, scenario);
        return start(info, header, spec, recorder, ClusterLauncher.threads(spec, scenario));
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
                scenario.protocol(), FORKED_RUNTIME, from.seed(), scenario.amnesia());
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

    /**
     * Whether a file holds a trace rather than a scenario, by its content: gzip, or a first line
     * that is a trace header. Reads only the start of the file.
     */
    public static boolean isTrace(Path file) throws BadInputException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory, not a scenario or a trace");
        }
        byte[] start = new byte[4096];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new BadInputException(file + ": empty: neither a scenario nor a trace");
        }
        if (read >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            return true;
        }
        String text = new String(start, 0, read, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        String firstLine = newline < 0 ? text : text.substring(0, newline);
        return firstLine.replace(" ", "").contains("\"type\":\"header\"");
    }
}
