package paxosviz.replay;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import paxosviz.BadInputException;

/**
 * Times the replay model without a display: opening a trace (reading it and indexing its
 * checkpoints), random seeks, and single steps back from random points; and the heap the
 * opened trace holds.
 */
public final class ReplayBenchmark {

    /** What was measured; times in milliseconds. */
    public record Result(int events, double openMs, double seekP50Ms, double seekP99Ms, double stepBackP99Ms, long heapMb,
            int checkpointInterval) {
    }

    private ReplayBenchmark() {
    }

    /** Opens {@code trace}, then makes {@code seeks} random seeks and as many single steps back (seeded, so repeatable). */
    public static Result run(Path trace, int seeks, long seed) throws BadInputException {
        long start = System.nanoTime();
        ReplayModel model = ReplayModel.open(trace, ReplayModel.Progress.NONE);
        double openMs = (System.nanoTime() - start) / 1e6;
        long heap = heapAfterGc();
        SplittableRandom random = new SplittableRandom(seed);
        double[] seekTimes = new double[seeks];
        double[] backTimes = new double[seeks];
        for (int i = 0; i < seeks; i++) {
            int target = random.nextInt(model.size() + 1);
            long began = System.nanoTime();
            model.seek(target);
            seekTimes[i] = (System.nanoTime() - began) / 1e6;
            began = System.nanoTime();
            model.seek(target - 1);
            backTimes[i] = (System.nanoTime() - began) / 1e6;
        }
        Arrays.sort(seekTimes);
        Arrays.sort(backTimes);
        return new Result(model.size(), openMs, percentile(seekTimes, 0.5), percentile(seekTimes, 0.99),
                percentile(backTimes, 0.99), heap / (1 << 20), model.checkpointInterval());
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
