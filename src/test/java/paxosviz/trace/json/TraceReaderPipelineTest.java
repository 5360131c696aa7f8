package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.BadInputException;
import paxosviz.trace.model.ReadCancelledException;
import paxosviz.trace.model.ReadProgress;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;

/**
 * A large trace is decoded on several threads but reads as if line by line: every event, in
 * order, on the caller's thread; the first bad line's problem after the events before it; with
 * progress about every 64 KiB, and a way to stop.
 */
class TraceReaderPipelineTest {

    @TempDir
    static Path dir;

    private static List<TraceEvent> events;
    private static Path plain;
    private static Path gzipped;

    @BeforeAll
    static void write() throws Exception {
        events = TraceSpeedTest.workload(6_000); // 180,000 events, some 30 MB
        plain = dir.resolve("big.jsonl");
        gzipped = dir.resolve("big.jsonl.gz");
        for (Path file : List.of(plain, gzipped)) {
            try (TraceWriter writer = new TraceWriter(file, new TraceHeader(1, 5, "sim", 1L, null))) {
                events.forEach(writer::accept);
            }
        }
    }

    @Test
    void readsEveryEventInOrderOnTheCallersThread() throws Exception {
        for (Path file : List.of(plain, gzipped)) {
            List<TraceEvent> read = new ArrayList<>();
            Thread caller = Thread.currentThread();
            AtomicInteger elsewhere = new AtomicInteger();

            TraceReader.read(file, e -> {
                if (Thread.currentThread() != caller) {
                    elsewhere.incrementAndGet();
                }
                read.add(e);
            });

            assertThat(read).as(file.toString()).isEqualTo(events);
            assertThat(elsewhere).hasValue(0);
        }
    }

    @Test
    void sharesRepeatedValues() throws Exception {
        List<TraceEvent> read = new ArrayList<>();
        TraceReader.read(plain, read::add);

        // The workload's first slot: one command in 4 sends, 4 delivers, 4 accepts, 5 chosen and 5 applies.
        var cmds = read.stream().limit(30).map(e -> e.body() instanceof paxosviz.trace.model.EventBody.NodeStep s
                && s.event() instanceof paxosviz.core.NodeEvent.Chosen c ? c.cmd() : null).filter(c -> c != null).toList();
        assertThat(cmds).hasSize(5);
        assertThat(cmds).allMatch(c -> c == cmds.get(0));
    }

    @Test
    void theFirstBadLineDeepInAFileIsTheOneNamedAfterTheEventsBeforeIt() throws Exception {
        List<String> lines = Files.readAllLines(plain);
        int bad = 150_001; // a line far into the file, decoded on a worker
        lines.set(bad - 1, lines.get(bad - 1).replace("\"slot\":", "\"slot\":\"x\",\"old\":"));
        lines.set(bad + 5_000, "not json at all");
        Path broken = dir.resolve("broken.jsonl");
        Files.write(broken, lines);
        List<TraceEvent> read = new ArrayList<>();

        assertThatThrownBy(() -> TraceReader.read(broken, read::add)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(broken + ": line " + bad + ": field \"");
        assertThat(read).isEqualTo(events.subList(0, bad - 2));
    }

    @Test
    void aSeqThatGoesBackIsFoundAtABatchBoundaryAndInsideABatch() throws Exception {
        List<String> lines = Files.readAllLines(plain);
        int boundary = firstLineOfBatch(lines, 3);
        for (int line : List.of(boundary - 1, boundary, boundary + 1, lines.size() + 1)) {
            List<String> changed = new ArrayList<>(lines);
            if (line <= lines.size()) {
                changed.set(line - 1, changed.get(line - 1).replaceFirst("\"seq\":\\d+", "\"seq\":" + (line - 2)));
            } else {
                changed.addAll(lines.subList(1, 3)); // the first events again: seq starts over
            }
            Path again = dir.resolve("again-" + line + ".jsonl");
            Files.write(again, changed);

            assertThatThrownBy(() -> TraceReader.read(again, e -> { })).as("line %d", line)
                    .hasMessage(again + ": line " + line + ": field \"seq\": " + (line <= lines.size() ? line - 2 : 1)
                            + " is not greater than the previous event's " + (line - 2) + " (seq must strictly increase)");
        }
    }

    /** Where the reader starts its n-th batch (from 1), cutting every batch after its last newline. */
    private static int firstLineOfBatch(List<String> lines, int n) {
        long start = 0;
        long lineStart = 0;
        int line = 1;
        for (int batch = 1; batch < n; batch++) {
            long end = start + TraceReader.BATCH_BYTES;
            while (lineStart + lines.get(line - 1).length() + 1 <= end) {
                lineStart += lines.get(line - 1).length() + 1;
                line++;
            }
            start = lineStart;
        }
        return line;
    }

    @Test
    void reportsProgressAboutEvery64KiBUpToTheFileSize() throws Exception {
        for (Path file : List.of(plain, gzipped)) {
            List<long[]> calls = new ArrayList<>();
            TraceReader.readWithHeader(file, h -> e -> { }, (done, total) -> calls.add(new long[] {done, total}));

            long size = Files.size(file);
            assertThat(calls).as(file.toString()).isNotEmpty();
            assertThat(calls).allMatch(c -> c[1] == size);
            assertThat(calls.get(calls.size() - 1)[0]).isEqualTo(size);
            for (int i = 1; i < calls.size() - 1; i++) {
                assertThat(calls.get(i)[0] - calls.get(i - 1)[0]).as("step %d", i).isGreaterThanOrEqualTo(64 << 10);
            }
            assertThat(calls.size()).isLessThanOrEqualTo((int) (size / (64 << 10)) + 2);
            if (file == plain) {
                assertThat(calls.size()).isGreaterThan(100);
            }
        }
    }

    @Test
    void stopsWhenAsked() {
        AtomicInteger delivered = new AtomicInteger();
        ReadProgress stopAtOneMegabyte = new ReadProgress() {
            long done;

            @Override
            public void bytesRead(long done, long total) {
                this.done = done;
            }

            @Override
            public boolean cancelRequested() {
                return done > 1 << 20;
            }
        };

        assertThatThrownBy(() -> TraceReader.readWithHeader(plain, h -> e -> delivered.incrementAndGet(), stopAtOneMegabyte))
                .isInstanceOf(ReadCancelledException.class).hasMessage(plain + ": reading was cancelled");
        assertThat(delivered.get()).isPositive().isLessThan(events.size() / 4);
    }

    @Test
    void stopsWhenInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> TraceReader.readWithHeader(plain, h -> e -> { }, ReadProgress.NONE))
                    .isInstanceOf(ReadCancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSinkThatFailsStopsTheRead() {
        AtomicInteger delivered = new AtomicInteger();
        assertThatThrownBy(() -> TraceReader.read(plain, e -> {
            if (delivered.incrementAndGet() == 50_000) {
                throw new IllegalStateException("full");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("full");
        assertThat(delivered).hasValue(50_000);
    }

    @Test
    void aLineLongerThanTheLimitIsNamedAfterTheLinesBeforeIt() throws Exception {
        Path longLine = dir.resolve("long.jsonl");
        List<String> lines = Files.readAllLines(plain).subList(0, 20_001);
        Files.write(longLine, lines);
        Files.write(longLine, ("{\"seq\":1,\"note\":\"" + "x".repeat(TraceReader.MAX_LINE_BYTES) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        List<TraceEvent> read = new ArrayList<>();

        assertThatThrownBy(() -> TraceReader.read(longLine, read::add))
                .hasMessage(longLine + ": line 20002: longer than 16 MiB; not a trace line (is this a trace?)");
        assertThat(read).hasSize(20_000);
    }
}
