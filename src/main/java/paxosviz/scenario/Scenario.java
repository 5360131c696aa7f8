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
        boolean amnesia,
        List<Narration> narration) {

    public Scenario {
        steps = List.copyOf(steps);
        narration = List.copyOf(narration);
    }

    /** A scenario without captions. */
    public Scenario(String name, String description, int nodes, long seed, Protocol protocol, NetworkSpec network,
            TimingSpec timing, double durationMs, List<Step> steps, Expectations expect, boolean amnesia) {
        this(name, description, nodes, seed, protocol, network, timing, durationMs, steps, expect, amnesia, List.of());
    }

    /** The same scenario with every caption shown but none stopping the clock (a run watched without a lecturer). */
    public Scenario withoutPauses() {
        List<Narration> flowing = narration.stream()
                .map(caption -> new Narration(caption.at(), caption.text(), false, caption.forMs(), caption.highlight()))
                .toList();
        return new Scenario(name, description, nodes, seed, protocol, network, timing, durationMs, steps, expect, amnesia, flowing);
    }

    /** Whether the run is unsafe on purpose: a teaching switch or a protocol that forks under partition. */
    public boolean unsafe() {
        return !unsafeWhy().isEmpty();
    }

    /** What makes the run unsafe, for every label that must say so; empty when nothing does. */
    public String unsafeWhy() {
        List<String> reasons = new java.util.ArrayList<>();
        if (protocol == Protocol.PRIMARY_BACKUP_AUTO) {
            reasons.add("primary/backup with automatic failover forks under a partition");
        }
        if (amnesia) {
            reasons.add("restarted nodes forget their promises and accepted values (amnesia)");
        }
        return String.join("; ", reasons);
    }

    /** The steps ordered by time, keeping the listed order among steps at the same time. */
    public List<Step> timeline() {
        return steps.stream().sorted(java.util.Comparator.comparingDouble(Step::at)).toList();
    }
}
