package paxosviz.check;

import java.util.List;

/**
 * The verdict on everything a {@link Checker} has seen so far.
 *
 * @param ok            no violations (convergence is not one: see {@code converged})
 * @param slotsChosen   slots whose command the trace reveals (by a chosen or an apply event)
 * @param acknowledged  client operations whose latest return is {@code ok}
 * @param linearizable  false when some key's history has no linearization, or a returned
 *                      result or the real-time order contradicts the agreed log (as the
 *                      reference checker reports it); null when the search was abandoned
 *                      for size (see {@code notes})
 * @param converged     whether all up nodes ended with the same applied slot and digest;
 *                      null without an {@code end} event or when no node was up
 */
public record CheckReport(boolean ok, List<Violation> violations, long slotsChosen, long acknowledged,
        Boolean linearizable, Boolean converged, List<String> notes) {

    public CheckReport {
        violations = List.copyOf(violations);
        notes = List.copyOf(notes);
    }
}
