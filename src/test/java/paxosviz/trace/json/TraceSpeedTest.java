package paxosviz.trace.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.Message;
import paxosviz.core.NodeEvent;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.Wire;

/** Prints how fast traces are written and read; the numbers are printed, not asserted, as machines differ. */
class TraceSpeedTest {

    private static final int NODES = 5;
    private static final TraceHeader HEADER = new TraceHeader(1, NODES, "sim", 1L, null);

    /** What one slot costs a 5-node cluster: accept round trips, then chosen and apply everywhere. */
    static List<TraceEvent> workload(int slots) {
        List<TraceEvent> events = new ArrayList<>();
        Ballot ballot = new Ballot(2, 0);
        long seq = 1;
        long id = 1;
        for (int slot = 0; slot < slots; slot++) {
            double t = slot * 0.1;
            Command cmd = Command.put("c" + slot % 16, slot, "key" + slot % 100, "value-" + slot);
            for (int node = 1; node < NODES; node++) {
                Wire accept = Wire.of(id++, new Message.Accept(ballot, slot, List.of(cmd)));
                events.add(new TraceEvent(seq++, t, new EventBody.Send(Address.node(0), Address.node(node), accept)));
                events.add(new TraceEvent(seq++, t + 1, new EventBody.Deliver(Address.node(node), Address.node(0), accept)));
                events.add(new TraceEvent(seq++, t + 1, new EventBody.NodeStep(node, new NodeEvent.Accepted(slot, ballot, cmd))));
                Wire accepted = Wire.of(id++, new Message.Accepted(ballot, slot, 1));
                events.add(new TraceEvent(seq++, t + 1, new EventBody.Send(Address.node(node), Address.node(0), accepted)));
                events.add(new TraceEvent(seq++, t + 2, new EventBody.Deliver(Address.node(0), Address.node(node), accepted)));
            }
            for (int node = 0; node < NODES; node++) {
                events.add(new TraceEvent(seq++, t + 2, new EventBody.NodeStep(node, new NodeEvent.Chosen(slot, cmd))));
                events.add(new TraceEvent(seq++, t + 2, new EventBody.NodeStep(node,
                        new NodeEvent.Applied(slot, cmd, Result.of(cmd.type())))));
            }
        }
        return events;
    }

    @Test
    void writesAndReadsFast(@TempDir Path dir) throws Exception {
        List<TraceEvent> events = workload(5_000);
        LineCounter counter = null;
        double writeSeconds = Double.MAX_VALUE;
        for (int round = 0; round < 4; round++) { // the best round: the first ones warm up the JIT
            counter = new LineCounter();
            long start = System.nanoTime();
            writeAll(events, counter);
            writeSeconds = Math.min(writeSeconds, (System.nanoTime() - start) / 1e9);
        }

        Path gz = dir.resolve("speed.jsonl.gz");
        long start = System.nanoTime();
        try (TraceWriter writer = new TraceWriter(gz, HEADER)) {
            events.forEach(writer::accept);
        }
        double gzipSeconds = (System.nanoTime() - start) / 1e9;

        long[] read = new long[1];
        double readSeconds = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            read[0] = 0;
            start = System.nanoTime();
            TraceReader.read(gz, e -> read[0]++);
            readSeconds = Math.min(readSeconds, (System.nanoTime() - start) / 1e9);
        }

        System.out.printf("trace speed: %d events, %.1f MB (%.1f MB gzipped): write %.0f events/s, "
                        + "gzip write %.0f events/s, gzip read %.0f events/s%n",
                events.size(), counter.bytes / 1e6, Files.size(gz) / 1e6, events.size() / writeSeconds,
                events.size() / gzipSeconds, events.size() / readSeconds);
        assertThat(counter.lines).isEqualTo(events.size() + 1);
        assertThat(read[0]).isEqualTo(events.size());
    }

    private static void writeAll(List<TraceEvent> events, OutputStream out) throws IOException {
        try (TraceWriter writer = new TraceWriter(out, HEADER)) {
            events.forEach(writer::accept);
        }
    }

    /** Discards what it is given, counting bytes and lines. */
    private static final class LineCounter extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
