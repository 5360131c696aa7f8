package paxosviz.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import paxosviz.check.CheckReport;
import paxosviz.check.Checker;
import paxosviz.trace.json.TraceReader;

/**
 * The sample traces in {@code traces/} are what the README says they are: each opens in the
 * replay model, each checks (the two that show a fork on purpose have their violations), and
 * each one recorded from the simulator re-runs event for event from its header.
 */
class SampleTracesTest {

    private static final Path FOLDER = Path.of("traces");

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".jsonl") || file.toString().endsWith(".jsonl.gz"))
                    .sorted().toList();
        }
    }

    /** The samples that show a broken run on purpose say so in their names. */
    private static boolean brokenOnPurpose(Path file) {
        String name = file.getFileName().toString();
        return name.contains("forks") || name.contains("breaks");
    }

    @Test
    void atLeastSixSamplesCheckCleanAndTheBrokenOnesShowTheirViolation() throws Exception {
        List<Path> samples = samples();
        assertThat(samples.stream().filter(file -> !brokenOnPurpose(file))).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : samples) {
            Checker[] checker = new Checker[1];
            TraceReader.readWithHeader(file, header -> checker[0] = new Checker(header.nodes()));
            CheckReport report = checker[0].report();
            if (brokenOnPurpose(file)) {
                assertThat(report.ok()).as(file.toString()).isFalse();
            } else {
                assertThat(report.ok()).as(file.toString()).isTrue();
                assertThat(report.linearizable()).as(file.toString()).isNotEqualTo(Boolean.FALSE);
            }
        }
    }

    @Test
    void everySampleOpensInReplayAndTheSimulatorOnesReRunIdentically() throws Exception {
        for (Path file : samples()) {
            ReplayModel replay = ReplayModel.open(file, ReplayModel.Progress.NONE);
            assertThat(replay.size()).as(file.toString()).isPositive();
            assertThat(replay.markers()).as(file.toString()).isNotEmpty();
            if ("sim".equals(replay.header().runtime())) {
                ReExecution.Result result = ReExecution.compare(file);
                assertThat(result.identical()).as("%s: %s", file, result.toJson()).isTrue();
            }
        }
    }
}
