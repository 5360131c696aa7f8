package paxosviz.scenario;

import java.util.List;

/**
 * A scripted experiment (the scenario format of the contract): a cluster, a network, a
 * timeline of client operations and faults, and what the run is expected to show.
 */
public record Scenario(
        String name,
        String description,
        int nodes,
        long seed,
        Protocol protocol,
        NetworkSpec network,
        TimingSpec timing,
        double durationMs,
        List<Step> steps,
        Expectations expect,
        boolean amnesia) {

    public Scenario {
        steps = List.copyOf(steps);
    }

    /** The steps ordered by time, keeping the listed order among steps at the same time. */
    public List<Step> timeline() {
        return steps.stream().sorted(java.util.Comparator.comparingDouble(Step::at)).toList();
    }
}
