package paxosviz.runtime.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import paxosviz.runtime.EventStream;
import paxosviz.runtime.LiveCluster;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.json.ScenarioReader;

/** Two protocols run side by side on one clock: paused, stepped and run on together, always at the same virtual time. */
class LockstepTest {

    private final Lockstep lockstep = new Lockstep();
    private PacedSimulation pb;
    private PacedSimulation paxos;

    @BeforeEach
    void start() throws Exception {
        pb = new PacedSimulation(new SimulatedRun(demo("04-stock-primary-backup-auto.json"), 14, new EventStream()), lockstep);
        paxos = new PacedSimulation(new SimulatedRun(demo("06-stock-multipaxos.json"), 14, new EventStream()), lockstep);
        pb.setSpeed(LiveCluster.MAX_SPEED);
    }

    @AfterEach
    void stop() {
        pb.close();
        paxos.close();
    }

    private static Scenario demo(String file) throws Exception {
        try (InputStream in = LockstepTest.class.getResourceAsStream("/demos/" + file)) {
            return ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
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
        for (int i = 0; i < 20; i++) {
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
}
