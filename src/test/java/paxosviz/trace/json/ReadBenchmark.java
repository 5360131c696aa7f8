package paxosviz.trace.json;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import paxosviz.trace.model.TraceEvent;

/**
 * Measures how long {@link TraceReader} takes to read a trace into a list that keeps every
 * event, and what the list costs in heap (after a forced GC). Not a test: run it by hand, e.g.
 * <pre>
 * mvn -B -q -o package -DskipTests && mvn -B -q -o test-compile
 * java -Xmx1500m -cp target/classes:target/test-classes:target/paxos-visualizer.jar paxosviz.trace.json.ReadBenchmark /tmp/big.jsonl 5
 * </pre>
 */
public final class ReadBenchmark {

    private ReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        System.out.printf("%s: %.1f MB%n", file, Files.size(file) / 1e6);
        for (int round = 1; round <= rounds; round++) {
            long before = usedAfterGc();
            List<TraceEvent> events = new ArrayList<>();
            long cpuBefore = os.getProcessCpuTime();
            long jitBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            TraceReader.read(file, events::add);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            double compiling = (jit.getTotalCompilationTime() - jitBefore) / 1e3;
            long after = usedAfterGc();
            System.out.printf("round %d: %,d events in %.2f s (%.0f events/s; %.2f s of CPU, %.2f s of it compiling);"
                            + " heap %,d MB, %.0f bytes/event%n",
                    round, events.size(), seconds, events.size() / seconds, cpu, compiling, (after - before) >> 20,
                    (double) (after - before) / events.size());
            events = null;
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
