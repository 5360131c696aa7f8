package paxosviz.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linearizability of the client history, judged key by key (a history is linearizable iff
 * each key's is) and without trusting the log. A key's verdict is kept until one of its
 * operations changes, so asking again mid-run only searches the keys that moved.
 */
final class LinearizabilityCheck {

    private record Judged(long version, WglSearch.Outcome outcome) {
    }

    private final long maxStepsPerKey;
    private final Map<String, Judged> judged = new HashMap<>();

    LinearizabilityCheck(long maxStepsPerKey) {
        this.maxStepsPerKey = maxStepsPerKey;
    }

    /** True, false, or null when some key was too large to search and none failed. */
    Boolean check(ClientHistory history, ViolationList out, List<String> notes) {
        boolean failed = false;
        boolean abandoned = false;
        for (Map.Entry<String, ClientHistory.KeyHistory> entry : history.byKey().entrySet()) {
            String key = entry.getKey();
            ClientHistory.KeyHistory ops = entry.getValue();
            Judged last = judged.get(key);
            if (last == null || last.version != ops.version) {
                last = new Judged(ops.version, WglSearch.run(ops.ops, maxStepsPerKey));
                judged.put(key, last);
            }
            WglSearch.Outcome outcome = last.outcome;
            if (outcome.verdict() == WglSearch.Verdict.NOT_LINEARIZABLE) {
                failed = true;
                ClientOp stuck = outcome.stuckAt();
                out.add(Violation.atKey(Violation.LINEARIZABILITY, stuck.returnSeq, key,
                        "key " + key + ": no order of its " + outcome.operations() + " operations explains what clients saw; "
                                + "none gets past " + stuck.invoked + " returning " + KvSpec.describe(stuck.invoked, stuck.result)
                                + " (seq " + stuck.returnSeq + ")"));
            } else if (outcome.verdict() == WglSearch.Verdict.TOO_LARGE) {
                abandoned = true;
                notes.add("key " + key + ": linearizability search abandoned after " + outcome.steps() + " steps ("
                        + outcome.operations() + " operations)");
            }
        }
        if (failed) {
            return false;
        }
        return abandoned ? null : true;
    }
}
