package paxosviz.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import paxosviz.core.OpType;

/**
 * Wing and Gong's search for a linearization of one key's history, with Lowe's memo of
 * (value, placed operations) pairs already explored, as Porcupine and Knossos do it, widened
 * to skip states dominated by explored ones (see {@link ExploredStates}).
 *
 * <p>The history is a list of call and return entries in trace order; placing an operation
 * lifts its entries out. In a state, the candidates to place next are the operations called
 * before the first return still in the list; the search tries them depth first (a result
 * must match the spec), and when none works it undoes the last placement and tries that
 * state's next candidate. An operation whose outcome is unknown (timed out, or no return yet)
 * has no return entry: it may be placed any time after its call or never, and its result is
 * not checked. Once no return is left, every answered operation is placed: success.
 *
 * <p>Candidates are tried in the order their returns came, unknown outcomes last. Any order
 * is complete; this one guesses right when operations take effect in about the order they
 * are answered, as in a replicated log, so a concurrent history costs little backtracking.
 * The search is a loop over explicit stacks, so long histories cannot overflow the call stack.
 */
final class WglSearch {

    enum Verdict { LINEARIZABLE, NOT_LINEARIZABLE, TOO_LARGE }

    /**
     * @param stuckAt for {@code NOT_LINEARIZABLE}: the operation with the latest return at which
     *                the search had to give up a partial linearization; no linearization gets past it
     */
    record Outcome(Verdict verdict, ClientOp stuckAt, int operations, long steps) {
    }

    private static final int END = -1;

    private final List<ClientOp> ops = new ArrayList<>();
    /** Whether the outcome is known, and the op's number among those with a known or an unknown one. */
    private final boolean[] knownOutcome;
    private final int[] number;

    /** The entries in trace order as a doubly linked list; index {@code head} is the sentinel before the first. */
    private final int[] entryOp;
    private final boolean[] isReturn;
    private final int[] next;
    private final int[] prev;
    private final int head;
    private final int[] callEntry;
    private final int[] returnEntry;
    /** The order candidates are tried in: known outcomes by return, then unknown ones by call. */
    private final int[] rank;

    /** Per state on the search path: its candidates are {@code candidates[start..end)}, tried up to the cursor. */
    private int[] candidates;
    private final int[] frameCursor;
    private final int[] frameEnd;
    /** The operation whose return is the first in the list in that state. */
    private final int[] frameBlocker;

    private WglSearch(List<ClientOp> history) {
        for (ClientOp op : history) {
            // A get with an unknown outcome neither changes the value nor tells anything: leave it out.
            if (op.invoked != null && !op.invoked.isNoop() && (op.acknowledged() || op.invoked.type() != OpType.GET)) {
                ops.add(op);
            }
        }
        int n = ops.size();
        knownOutcome = new boolean[n];
        number = new int[n];
        int knownCount = 0;
        int unknownCount = 0;
        for (int i = 0; i < n; i++) {
            knownOutcome[i] = ops.get(i).acknowledged();
            number[i] = knownOutcome[i] ? knownCount++ : unknownCount++;
        }

        int m = n + knownCount;
        long[] time = new long[m];
        int[] op = new int[m];
        boolean[] ret = new boolean[m];
        int e = 0;
        for (int i = 0; i < n; i++) {
            time[e] = ops.get(i).invokeSeq;
            op[e++] = i;
            if (knownOutcome[i]) {
                time[e] = ops.get(i).returnSeq;
                op[e] = i;
                ret[e++] = true;
            }
        }
        // Trace order; a call before a return at the same time, as the reference does.
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : Boolean.compare(ret[a], ret[b]));

        entryOp = new int[m];
        isReturn = new boolean[m];
        next = new int[m + 1];
        prev = new int[m + 1];
        head = m;
        callEntry = new int[n];
        returnEntry = new int[n];
        for (int k = 0; k < m; k++) {
            int source = order[k];
            entryOp[k] = op[source];
            isReturn[k] = ret[source];
            if (ret[source]) {
                returnEntry[op[source]] = k;
            } else {
                callEntry[op[source]] = k;
            }
            next[k] = k + 1 < m ? k + 1 : END;
            prev[k] = k > 0 ? k - 1 : head;
        }
        next[head] = m > 0 ? 0 : END;

        rank = new int[n];
        int r = 0;
        for (int k = 0; k < m; k++) {
            if (isReturn[k]) {
                rank[entryOp[k]] = r++;
            }
        }
        for (int k = 0; k < m; k++) {
            if (!isReturn[k] && !knownOutcome[entryOp[k]]) {
                rank[entryOp[k]] = r++;
            }
        }
        candidates = new int[Math.max(16, 4 * n)];
        frameCursor = new int[n + 1];
        frameEnd = new int[n + 1];
        frameBlocker = new int[n + 1];
    }

    /** Searches one key's history (operations in any order) with at most {@code maxSteps} steps. */
    static Outcome run(List<ClientOp> history, long maxSteps) {
        return new WglSearch(history).search(maxSteps);
    }

    private Outcome search(long maxSteps) {
        int n = ops.size();
        ValueTable values = new ValueTable();
        KvSpec spec = new KvSpec(values);
        KvSpec.Op[] compiled = new KvSpec.Op[n];
        for (int i = 0; i < n; i++) {
            compiled[i] = spec.compile(ops.get(i).invoked, knownOutcome[i] ? ops.get(i).result : null);
        }
        LinearizedSet placed = new LinearizedSet();
        ExploredStates explored = new ExploredStates();
        int value = ValueTable.MISSING;
        explored.add(placed.key(value), placed.unknownPlaced());
        int[] placedOp = new int[n];
        int[] valueBefore = new int[n];
        int depth = 0;
        ClientOp stuckAt = null;
        long steps = 0;
        if (!openFrame(0)) {
            return new Outcome(Verdict.LINEARIZABLE, null, n, steps);
        }
        while (true) {
            if (frameCursor[depth] < frameEnd[depth]) {
                int i = candidates[frameCursor[depth]++];
                if (++steps > maxSteps) {
                    return new Outcome(Verdict.TOO_LARGE, null, n, steps - 1);
                }
                if (knownOutcome[i] && !KvSpec.matches(value, compiled[i])) {
                    continue;
                }
                int after = spec.next(value, compiled[i]);
                placed.add(knownOutcome[i], number[i]);
                if (!explored.add(placed.key(after), placed.unknownPlaced())) {
                    placed.remove(knownOutcome[i], number[i]);
                    continue;
                }
                placedOp[depth] = i;
                valueBefore[depth] = value;
                value = after;
                lift(i);
                depth++;
                if (!openFrame(depth)) {
                    return new Outcome(Verdict.LINEARIZABLE, null, n, steps);
                }
            } else {
                // No candidate works here: nothing gets past the first return still waiting.
                ClientOp blocker = ops.get(frameBlocker[depth]);
                if (stuckAt == null || blocker.returnSeq > stuckAt.returnSeq) {
                    stuckAt = blocker;
                }
                if (depth == 0) {
                    return new Outcome(Verdict.NOT_LINEARIZABLE, stuckAt, n, steps);
                }
                depth--;
                int undone = placedOp[depth];
                value = valueBefore[depth];
                placed.remove(knownOutcome[undone], number[undone]);
                unlift(undone);
            }
        }
    }

    /**
     * Lists the candidates of the state at {@code depth}: the operations called before the first
     * return still waiting, known outcomes by return order, then unknown ones in call order.
     * Returns false when no return is waiting, that is, every known-outcome op is placed.
     */
    private boolean openFrame(int depth) {
        int start = depth == 0 ? 0 : frameEnd[depth - 1];
        int end = start;
        int e = next[head];
        while (e != END && !isReturn[e]) {
            if (end == candidates.length) {
                candidates = Arrays.copyOf(candidates, candidates.length * 2);
            }
            candidates[end++] = entryOp[e];
            e = next[e];
        }
        if (e == END) {
            return false;
        }
        sortByRank(start, end);
        frameCursor[depth] = start;
        frameEnd[depth] = end;
        frameBlocker[depth] = entryOp[e];
        return true;
    }

    private void sortByRank(int start, int end) {
        for (int a = start + 1; a < end; a++) {
            int op = candidates[a];
            int b = a - 1;
            while (b >= start && rank[candidates[b]] > rank[op]) {
                candidates[b + 1] = candidates[b];
                b--;
            }
            candidates[b + 1] = op;
        }
    }

    private void lift(int i) {
        unlink(callEntry[i]);
        if (knownOutcome[i]) {
            unlink(returnEntry[i]);
        }
    }

    /** Puts the entries back in the reverse order they were taken out, so the links are restored exactly. */
    private void unlift(int i) {
        if (knownOutcome[i]) {
            relink(returnEntry[i]);
        }
        relink(callEntry[i]);
    }

    private void unlink(int k) {
        next[prev[k]] = next[k];
        if (next[k] != END) {
            prev[next[k]] = prev[k];
        }
    }

    private void relink(int k) {
        next[prev[k]] = k;
        if (next[k] != END) {
            prev[next[k]] = k;
        }
    }
}
