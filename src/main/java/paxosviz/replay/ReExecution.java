package paxosviz.replay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import paxosviz.BadInputException;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.sim.SimulatedRun;
import paxosviz.scenario.Scenario;
import paxosviz.trace.json.EventJson;
import paxosviz.trace.json.TraceReader;
import paxosviz.trace.model.ReadCancelledException;
import paxosviz.trace.model.ReadProgress;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.TraceSink;

/**
 * Runs a simulator trace's scenario again, with the seed its header names, exactly as
 * {@code run} ran it, and compares the new events with the recorded ones, one after the other,
 * by their canonical JSON ({@link EventJson}): every field counts. Neither trace is held in
 * memory: the simulation runs on its own thread into a small bounded queue while the recorded
 * file is read, and stops as soon as the two differ.
 *
 * <p>Only a trace of the deterministic simulator can be repeated: its header must say
 * {@code "runtime":"sim"} and carry a seed and a scenario this program reads.
 */
public final class ReExecution {

    /** Events handed from the simulation to the comparison at a time. */
    private static final int BATCH = 1 << 12;
    private static final int BATCHES_QUEUED = 8;
    private static final long POLL_MILLIS = 100;

    private ReExecution() {
    }

    /**
     * What re-running showed: {@code identical} with the number of {@code events}; or the
     * {@code seq} of the first event that differs and both sides' JSON lines, one of them null
     * when that trace had ended ({@code events} then counts the events that matched).
     */
    public record Result(boolean identical, long events, long seq, String recorded, String rerun) {

        static Result same(long events) {
            return new Result(true, events, 0, null, null);
        }

        static Result diverged(long matched, long seq, String recorded, String rerun) {
            return new Result(false, matched, seq, recorded, rerun);
        }

        /** {@code {"identical": true, "events": N}} or {@code {"identical": false, "seq": S, "recorded": {..}, "rerun": {..}}}. */
        public String toJson() {
            if (identical) {
                return "{\"identical\": true, \"events\": " + events + "}";
            }
            return "{\"identical\": false, \"seq\": " + seq + ", \"recorded\": " + (recorded != null ? recorded : "null")
                    + ", \"rerun\": " + (rerun != null ? rerun : "null") + "}";
        }
    }

    /** As {@link #compare(Path, ReadProgress)}, to the end. */
    public static Result compare(Path trace) throws BadInputException {
        try {
            return compare(trace, ReadProgress.NONE);
        } catch (ReadCancelledException interrupted) {
            throw new BadInputException(trace + ": the comparison was interrupted", interrupted);
        }
    }

    /**
     * Re-runs the trace's scenario and compares. {@code progress} follows the reading of the
     * recorded file and may stop the comparison, as may interrupting this thread.
     *
     * @throws BadInputException the trace cannot be read, or cannot be repeated (not from the
     *         simulator, no seed, no scenario)
     * @throws ReadCancelledException stopped before the end
     */
    public static Result compare(Path trace, ReadProgress progress) throws BadInputException, ReadCancelledException {
        Comparison comparison = new Comparison(trace.toString(), progress);
        try {
            TraceReader.readWithHeader(trace, comparison::start, progress);
            return comparison.finish();
        } catch (Stop stop) {
            return comparison.unwrap(stop);
        } finally {
            comparison.stopSimulation();
        }
    }

    /** Thrown through the reader to end the read early: a divergence, a problem, or cancellation. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Result result;
        final Exception problem;

        Stop(Result result, Exception problem) {
            super(null, null, false, false);
            this.result = result;
            this.problem = problem;
        }
    }

    /** The end of the simulation's events, or how it failed. */
    private record End(Throwable failure) {
    }

    private static final class Comparison implements TraceSink {
        private final String source;
        private final ReadProgress progress;
        private final EventJson json = new EventJson();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_QUEUED);
        private volatile boolean stopped;
        private Thread simulation;
        private List<TraceEvent> batch = List.of();
        private int next;
        private boolean ended;
        private long matched;

        Comparison(String source, ReadProgress progress) {
            this.source = source;
            this.progress = progress;
        }

        /** Called with the recorded header: checks that it can be repeated and starts repeating it. */
        TraceSink start(TraceHeader header) {
            Scenario scenario;
            try {
                scenario = repeatable(header);
            } catch (BadInputException e) {
                throw new Stop(null, e);
            }
            long seed = header.seed();
            simulation = new Thread(() -> simulate(scenario, seed), "re-execution");
            simulation.setDaemon(true);
            simulation.start();
            return this;
        }

        private Scenario repeatable(TraceHeader header) throws BadInputException {
            String runtime = header.runtime();
            if (!"sim".equals(runtime)) {
                throw new BadInputException(source + ": "
                        + (runtime == null ? "the header names no runtime" : "recorded by the \"" + runtime + "\" runtime")
                        + "; only a trace of the deterministic simulator (\"runtime\":\"sim\") can be re-executed");
            }
            if (header.seed() == null) {
                throw new BadInputException(source + ": the header carries no seed, so the run cannot be repeated");
            }
            Scenario scenario = header.scenario();
            if (scenario == null) {
                throw new BadInputException(source + ": the header carries no scenario this program can read, "
                        + "so the run cannot be repeated");
            }
            if (scenario.nodes() != header.nodes()) {
                throw new BadInputException(source + ": the header says " + header.nodes() + " nodes but its scenario has "
                        + scenario.nodes());
            }
            return scenario;
        }

        /** On the simulation's thread: the events, in batches, into the queue, then the end. */
        private void simulate(Scenario scenario, long seed) {
            List<TraceEvent>[] filling = newBatch();
            EventStream events = new EventStream();
            events.subscribe(event -> {
                if (stopped) {
                    throw new Stop(null, null);
                }
                filling[0].add(event);
                if (filling[0].size() == BATCH) {
                    hand(filling[0]);
                    filling[0] = new ArrayList<>(BATCH);
                }
            });
            Throwable failure = null;
            try {
                new SimulatedRun(scenario, seed, events).runToEnd();
                hand(filling[0]);
            } catch (Stop stop) {
                return;
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            try {
                queue.put(new End(failure));
            } catch (InterruptedException e) {
                // stopped
            }
        }

        @SuppressWarnings("unchecked")
        private static List<TraceEvent>[] newBatch() {
            return new List[] {new ArrayList<>(BATCH)};
        }

        private void hand(List<TraceEvent> events) {
            try {
                queue.put(events);
            } catch (InterruptedException e) {
                throw new Stop(null, null);
            }
        }

        /**
         * A recorded event: compared with the next one the simulation made. A {@code clock} event
         * is the pace a live window ran at, not part of the run: it is skipped, and seqs are
         * compared only as the order of the events (a skipped clock event took a seq).
         */
        @Override
        public void accept(TraceEvent recorded) {
            if (recorded.body() instanceof paxosviz.trace.model.EventBody.Clock) {
                return;
            }
            TraceEvent made = nextRerun();
            if (made == null) {
                throw new Stop(Result.diverged(matched, recorded.seq(), json.line(recorded), null), null);
            }
            TraceEvent rerun = made.seq() == recorded.seq() ? made : new TraceEvent(recorded.seq(), made.t(), made.body());
            if (!recorded.equals(rerun) && !json.same(recorded, rerun)) {
                throw new Stop(Result.diverged(matched, made.seq(), json.line(recorded), json.line(made)), null);
            }
            matched++;
        }

        /** The recorded trace ended: so should the rerun. */
        Result finish() {
            TraceEvent rerun = nextRerun();
            if (rerun != null) {
                return Result.diverged(matched, rerun.seq(), null, json.line(rerun));
            }
            return Result.same(matched);
        }

        /** The next event of the simulation, waiting for it; null once it has ended. */
        private TraceEvent nextRerun() {
            while (next == batch.size()) {
                if (ended) {
                    return null;
                }
                Object item = take();
                if (item instanceof End end) {
                    ended = true;
                    if (end.failure() != null) {
                        throw new IllegalStateException("the simulation failed while re-running " + source, end.failure());
                    }
                    return null;
                }
                @SuppressWarnings("unchecked")
                List<TraceEvent> events = (List<TraceEvent>) item;
                batch = events;
                next = 0;
            }
            return batch.get(next++);
        }

        private Object take() {
            try {
                while (true) {
                    Object item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        return item;
                    }
                    if (progress.cancelRequested()) {
                        throw new Stop(null, new ReadCancelledException(source + ": the comparison was cancelled"));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stop(null, new ReadCancelledException(source + ": the comparison was interrupted"));
            }
        }

        Result unwrap(Stop stop) throws BadInputException, ReadCancelledException {
            if (stop.problem instanceof BadInputException bad) {
                throw bad;
            }
            if (stop.problem instanceof ReadCancelledException cancelled) {
                throw cancelled;
            }
            return stop.result;
        }

        void stopSimulation() {
            stopped = true;
            if (simulation != null) {
                simulation.interrupt();
                try {
                    simulation.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
