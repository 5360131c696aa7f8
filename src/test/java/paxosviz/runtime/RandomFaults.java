package paxosviz.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import paxosviz.scenario.Expectations;
import paxosviz.scenario.NetworkSpec;
import paxosviz.scenario.Protocol;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;

/**
 * Random fault schedules, one per seed: partitions (three-way ones with no majority too,
 * clients placed on a side), one-way cuts, isolated nodes, crashes (a majority too), drops up
 * to 30%, duplicates, delay changes; then, for the last stretch, everything healed and
 * restarted, so that progress and convergence can be demanded too.
 */
public final class RandomFaults {

    /** How long before the end every fault is repaired. */
    static final double CALM_MS = 2500;

    private RandomFaults() {
    }

    /** A schedule of 4 to 7 seconds, the last {@link #CALM_MS} of them calm. */
    public static Scenario scenario(long seed) {
        return scenario(seed, 4000, 3000, CALM_MS);
    }

    /** A schedule of {@code shortest} plus up to {@code spread} milliseconds, the last {@code calm} of them calm. */
    public static Scenario scenario(long seed, int shortest, int spread, double calm) {
        SplittableRandom random = new SplittableRandom(seed);
        int nodes = new int[] {3, 3, 5, 5, 5, 7}[random.nextInt(6)];
        double duration = shortest + random.nextInt(spread);
        double calmFrom = duration - calm;
        NetworkSpec network = new NetworkSpec(random.nextInt(3), 3 + random.nextInt(20),
                random.nextBoolean() ? 0 : random.nextDouble() * 0.3,
                random.nextBoolean() ? 0 : random.nextDouble() * 0.2);
        int clients = 2 + random.nextInt(3);
        List<String> keys = List.of("a", "b", "c").subList(0, 1 + random.nextInt(3));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Load(0, clients, keys, 40 + random.nextInt(160), duration));
        int faults = 3 + random.nextInt(12);
        for (int i = 0; i < faults; i++) {
            steps.add(fault(random, nodes, clients, 100 + random.nextDouble() * (calmFrom - 100)));
        }
        steps.add(new Step.Heal(calmFrom));
        for (int node = 0; node < nodes; node++) {
            steps.add(new Step.Restart(calmFrom, node));
        }
        return new Scenario("random-faults-" + seed, "random fault schedule for seed " + seed, nodes, seed,
                Protocol.MULTIPAXOS, network, null, duration, steps,
                new Expectations(true, true, true, null), false);
    }

    private static Step fault(SplittableRandom random, int nodes, int clients, double at) {
        int a = random.nextInt(nodes);
        int b = (a + 1 + random.nextInt(nodes - 1)) % nodes;
        switch (random.nextInt(9)) {
            case 0:
            case 1:
                return partition(random, nodes, clients, at);
            case 2:
                return new Step.Cut(at, a, b, random.nextBoolean());
            case 3:
                return new Step.Restore(at, a, b, random.nextBoolean());
            case 4:
                return new Step.Isolate(at, a);
            case 5:
                return new Step.Crash(at, a);
            case 6:
                return new Step.Restart(at, a);
            case 7:
                return new Step.Heal(at);
            default:
                return new Step.NetworkChange(at, null, (double) (2 + random.nextInt(30)),
                        random.nextDouble() * 0.3, random.nextDouble() * 0.2);
        }
    }

    /** Two or three groups; each load client is placed on a random side or left free. */
    private static Step partition(SplittableRandom random, int nodes, int clients, double at) {
        int sides = 2 + random.nextInt(2);
        List<List<Integer>> members = new ArrayList<>();
        List<List<String>> standing = new ArrayList<>();
        for (int side = 0; side < sides; side++) {
            members.add(new ArrayList<>());
            standing.add(new ArrayList<>());
        }
        for (int node = 0; node < nodes; node++) {
            members.get(random.nextInt(sides)).add(node);
        }
        for (int client = 1; client <= clients; client++) {
            int side = random.nextInt(sides + 1);
            if (side < sides) {
                standing.get(side).add("w" + client);
            }
        }
        List<Step.Group> groups = new ArrayList<>();
        for (int side = 0; side < sides; side++) {
            if (!members.get(side).isEmpty()) {
                groups.add(new Step.Group(members.get(side), standing.get(side)));
            }
        }
        return new Step.Partition(at, groups);
    }
}
