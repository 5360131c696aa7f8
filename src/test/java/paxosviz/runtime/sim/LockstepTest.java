package paxosviz.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import paxosviz.runtime.EventStream;
import paxosviz.runtime.LiveCluster;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;
import paxosviz.trace.model.EventBody;

/** Two protocols run side by side on one clock: paused, stepped and run on together, always at the same virtual time. */
class LockstepTest {

    private final Lockstep lockstep = new Lockstep();
    private PacedSimulation pb;
    private PacedSimulation paxos;
    private final AtomicInteger ended = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        pb = new PacedSimulation(new SimulatedRun(demo("04-stock-primary-backup-auto.json"), 14, countingEnds()), lockstep);
        paxos = new PacedSimulation(new SimulatedRun(demo("06-stock-multipaxos.json"), 14, countingEnds()), lockstep);
        pb.setSpeed(LiveCluster.MAX_SPEED);
    }

    @AfterEach
    void stop() {
        pb.close();
        paxos.close();
    }

    private EventStream countingEnds() {
        EventStream events = new EventStream();
        events.subscribe(event -> {
            if (event.body() instanceof EventBody.End) {
                ended.incrementAndGet();
            }
        });
        return events;
    }

    private static Scenario demo(String file) throws Exception {
        try (InputStream in = LockstepTest.class.getResourceAsStream("/demos/" + file)) {
            // the clock's own pauses are under test here, not a narration's
            return ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), file).withoutPauses();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both have run everything due up to the frozen time, and nothing after it. */
    private void assertBothAt(long micros) {
        assertThat(pb.now()).isEqualTo(micros);
        assertThat(paxos.now()).isEqualTo(micros);
        assertThat(pb.dueNext()).isGreaterThan(micros);
        assertThat(paxos.dueNext()).isGreaterThan(micros);
    }

    @Test
    void pausingOneFreezesBothAtTheSameTime() throws Exception {
        while (pb.now() < 400_000) {
            Thread.sleep(5);
        }
        paxos.pause();
        long frozen = paxos.now();
        Thread.sleep(50); // the other catches up on its own thread

        assertThat(pb.paused()).isTrue();
        assertBothAt(frozen);
        long seqPb = pb.events().lastSeq();
        long seqPaxos = paxos.events().lastSeq();
        Thread.sleep(50);
        assertThat(pb.events().lastSeq()).as("nothing happens while paused").isEqualTo(seqPb);
        assertThat(paxos.events().lastSeq()).isEqualTo(seqPaxos);
    }

    @Test
    void aStepMovesWhicheverIsDueFirstAndTheOtherAlongToTheSameTime() throws Exception {
        pb.pause();
        Thread.sleep(20);
        long before = pb.now();
        // a pause that lands at boot leaves many events at that one time: step until the clock moves
        for (int i = 0; i < 1000 && pb.now() == before; i++) {
            assertThat(paxos.step()).isTrue();
            assertBothAt(pb.now());
        }
        assertThat(pb.now()).isGreaterThan(before);
    }

    @Test
    void runningOnOneRunsBoth() throws Exception {
        pb.pause();
        long frozen = pb.now();
        paxos.resume();
        Thread.sleep(100);

        assertThat(pb.paused()).isFalse();
        assertThat(pb.now()).isGreaterThan(frozen);
    }

    /** A run that ends sooner does not stop the other: the shared clock waits for the later end. */
    @Test
    void theClockPausesAtTheEndOnceBothRunsEnded() throws Exception {
        paxos.close();
        Scenario longer = demo("06-stock-multipaxos.json");
        Scenario shorter = new Scenario(longer.name(), longer.description(), longer.nodes(), longer.seed(), longer.protocol(),
                longer.network(), longer.timing(), 2000, longer.steps(), longer.expect(), longer.amnesia());
        paxos = new PacedSimulation(new SimulatedRun(shorter, 14, countingEnds()), lockstep);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!pb.paused() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(pb.paused()).as("paused at the end").isTrue();
        assertThat(ended.get()).as("both runs recorded their end").isEqualTo(2);
    }
}
