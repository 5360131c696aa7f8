package paxosviz.check;

import java.util.ArrayList;
import java.util.List;

import paxosviz.scenario.Expectations;

/**
 * The outcome of a run or a trace: the checker's report judged against what the scenario
 * expected. Safety violations always fail; convergence and the acknowledged count fail only
 * when expected.
 */
public record Verdict(boolean ok, List<String> failures, CheckReport report) {

    public static Verdict of(CheckReport report, Expectations expect) {
        List<String> failures = new ArrayList<>();
        for (Violation violation : report.violations()) {
            failures.add(violation.message());
        }
        Expectations wanted = expect != null ? expect : Expectations.NONE;
        if (Boolean.TRUE.equals(wanted.linearizable()) && Boolean.FALSE.equals(report.linearizable())) {
            addOnce(failures, "expected a linearizable history, but it is not");
        }
        if (Boolean.TRUE.equals(wanted.converged()) && !Boolean.TRUE.equals(report.converged())) {
            failures.add(report.converged() == null
                    ? "expected the nodes to converge, but the run has no end state"
                    : "expected every live node to end with the same applied slot and state, but they differ");
        }
        if (wanted.minAcknowledged() != null && report.acknowledged() < wanted.minAcknowledged()) {
            failures.add("expected at least " + wanted.minAcknowledged() + " acknowledged operations, got "
                    + report.acknowledged());
        }
        return new Verdict(failures.isEmpty(), List.copyOf(failures), report);
    }

    private static void addOnce(List<String> failures, String failure) {
        if (!failures.contains(failure)) {
            failures.add(failure);
        }
    }
}
