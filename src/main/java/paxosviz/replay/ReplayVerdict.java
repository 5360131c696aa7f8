package paxosviz.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import paxosviz.check.CheckReport;
import paxosviz.check.Checker;
import paxosviz.check.Violation;

/**
 * What the checker says of a replayed trace: its final verdict, and where each violation
 * became visible, so a replay can tell what the checker had seen by any point.
 */
public final class ReplayVerdict {

    /** One violation and the position (events folded) from which it shows. */
    public record Found(Violation violation, int position) {
    }

    private final CheckReport report;
    private final List<Found> found;

    private ReplayVerdict(CheckReport report, List<Found> found) {
        this.report = report;
        this.found = List.copyOf(found);
    }

    /** Runs the checker over the whole trace, with the linearizability search; null if cancelled. */
    public static ReplayVerdict check(LoadedTrace trace, BooleanSupplier cancelled) {
        Checker checker = new Checker(trace.header().nodes());
        for (int index = 0; index < trace.size(); index++) {
            if ((index & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            checker.accept(trace.event(index));
        }
        CheckReport report = checker.report(true);
        List<Found> found = new ArrayList<>();
        for (Violation violation : report.violations()) {
            int at = trace.indexAtOrAfterSeq(violation.seq());
            found.add(new Found(violation, Math.min(trace.size(), at + 1)));
        }
        found.sort((a, b) -> Integer.compare(a.position(), b.position()));
        return new ReplayVerdict(report, found);
    }

    /** The verdict on the whole trace. */
    public CheckReport report() {
        return report;
    }

    /** Every violation, by the position from which it shows. */
    public List<Found> found() {
        return found;
    }

    /** The violations visible once {@code position} events have happened. */
    public List<Found> upTo(int position) {
        List<Found> seen = new ArrayList<>();
        for (Found each : found) {
            if (each.position() <= position) {
                seen.add(each);
            }
        }
        return seen;
    }

    /** The markers of the violations, for the timeline. */
    public List<Marker> markers(LoadedTrace trace) {
        List<Marker> markers = new ArrayList<>();
        for (Found each : found) {
            int index = Math.max(0, each.position() - 1);
            double at = trace.size() == 0 ? 0 : trace.event(Math.min(index, trace.size() - 1)).t();
            markers.add(new Marker(Marker.Kind.VIOLATION, index, at, each.violation().kind() + ": " + each.violation().message()));
        }
        return markers;
    }
}
