package paxosviz.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.runtime.EventStream;
import paxosviz.runtime.RandomFaults;
import paxosviz.runtime.sim.SimulatedRun;
import paxosviz.scenario.Scenario;
import paxosviz.trace.json.TraceWriter;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.viewstate.ViewState;

/**
 * Seeking is folding: the view state after a seek to k, from wherever the replay was, is the
 * state of folding the first k events from scratch; and a replay of a run's trace file ends
 * where the live fold of that run ended.
 */
class ReplayModelTest {

    @TempDir
    Path dir;

    /** A random fault schedule's trace, as the simulator writes it. */
    static Recorded record(long seed) {
        Scenario scenario = RandomFaults.scenario(seed, 1500, 1500, 500);
        EventStream events = new EventStream();
        List<TraceEvent> list = new ArrayList<>();
        ViewState live = new ViewState(scenario.nodes(), scenario.protocol());
        events.subscribe(list::add);
        events.subscribe(live::apply);
        new SimulatedRun(scenario, seed, events).runToEnd();
        return new Recorded(new TraceHeader(TraceHeader.VERSION, scenario.nodes(), "sim", seed, scenario), list, live);
    }

    record Recorded(TraceHeader header, List<TraceEvent> events, ViewState liveEnd) {
    }

    /** The replay's own events (a send that does not say when it is due learns it from its delivery) folded from the start. */
    private static ViewState foldFromScratch(ReplayModel replay, int count) {
        ViewState state = ReplayModel.initialState(replay.header());
        replay.trace().events(0, count).forEach(state::apply);
        return state;
    }

    @Property(tries = 25)
    void aSeekFromAnywhereEqualsFoldingFromTheStart(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1000) Integer> targets) {
        Recorded run = record(seed);
        ReplayModel replay = ReplayModel.of(run.header(), run.events());
        for (int permille : targets) {
            int target = (int) ((long) run.events().size() * permille / 1000);
            ViewState sought = replay.seek(target);
            assertThat(sought)
                    .as("seed %d, seek to %d of %d (replay: mvn -B test -Dtest=ReplayModelTest with this seed)",
                            seed, target, run.events().size())
                    .isEqualTo(foldFromScratch(replay, target));
            assertThat(replay.position()).isEqualTo(target);
        }
    }

    @Property(tries = 10)
    void steppingBackOneEventAtATimeRetracesTheFold(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 999) int permille) {
        Recorded run = record(seed);
        ReplayModel replay = ReplayModel.of(run.header(), run.events());
        int from = (int) ((long) run.events().size() * permille / 1000);
        replay.seek(from);
        for (int back = 1; back <= 5 && from - back >= 0; back++) {
            ViewState state = replay.seek(from - back);
            assertThat(state).as("seed %d, one back to %d", seed, from - back).isEqualTo(foldFromScratch(replay, from - back));
        }
    }

    @Test
    void aReplayOfTheTraceFileEndsWhereTheLiveViewsEnded() throws Exception {
        for (long seed : new long[] {3, 17, 42}) {
            Recorded run = record(seed);
            Path file = dir.resolve("seed-" + seed + ".jsonl.gz");
            try (TraceWriter writer = new TraceWriter(file, run.header())) {
                run.events().forEach(writer::accept);
            }

            ReplayModel replay = ReplayModel.open(file, ReplayModel.Progress.NONE);

            assertThat(replay.size()).isEqualTo(run.events().size());
            assertThat(replay.seek(replay.size())).as("seed %d", seed).isEqualTo(run.liveEnd());
            assertThat(replay.markers()).isNotEmpty();
        }
    }

    @Test
    void openingStopsWhenItsProgressAsksToAndTellsHowFarItGot() throws Exception {
        Recorded run = record(11);
        Path file = dir.resolve("cancel.jsonl");
        try (TraceWriter writer = new TraceWriter(file, run.header())) {
            run.events().forEach(writer::accept);
        }
        List<String> phases = new ArrayList<>();
        ReplayModel.Progress cancelling = new ReplayModel.Progress() {
            @Override
            public void loading(String phase, double fraction) {
                phases.add(phase);
            }

            @Override
            public boolean cancelled() {
                return phases.contains("indexing");
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReplayModel.open(file, cancelling))
                .isInstanceOf(ReplayModel.Cancelled.class);
        assertThat(phases).contains("indexing");
    }

    @Test
    void checkpointsAreSpacedSoLongTracesKeepAFewHundred() {
        Recorded run = record(7);
        ReplayModel replay = ReplayModel.of(run.header(), run.events());

        assertThat(replay.checkpointInterval()).isGreaterThanOrEqualTo(ReplayModel.MIN_INTERVAL);
        assertThat(run.events().size() / replay.checkpointInterval()).isLessThanOrEqualTo(ReplayModel.MAX_CHECKPOINTS);
    }
}
