package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import javafx.collections.ObservableListBase;
import paxosviz.trace.model.TraceEvent;

/**
 * The rows the event log shows, in seq order. Each update is one change notification, so a
 * list view relayouts once per frame however many events came in, and its selection follows
 * the rows that stay.
 */
final class EventRows extends ObservableListBase<TraceEvent> {

    private List<TraceEvent> rows = new ArrayList<>();

    @Override
    public TraceEvent get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Shows exactly {@code fresh}. */
    void replaceAll(List<TraceEvent> fresh) {
        List<TraceEvent> old = rows;
        rows = new ArrayList<>(fresh);
        beginChange();
        nextReplace(0, rows.size(), old);
        endChange();
    }

    /**
     * Drops the rows older than {@code oldestSeq} except those {@code kept} says to keep, and
     * appends {@code fresh} (newer than every row).
     */
    void advance(long oldestSeq, LongPredicate kept, List<TraceEvent> fresh) {
        int stale = 0;
        while (stale < rows.size() && rows.get(stale).seq() < oldestSeq) {
            stale++;
        }
        if (stale == 0 && fresh.isEmpty()) {
            return;
        }
        beginChange();
        // in place, run by run from the front: the rows that stay are never copied one by one
        int at = 0;
        int left = stale;
        while (left > 0) {
            if (kept.test(rows.get(at).seq())) {
                at++;
                left--;
                continue;
            }
            int runEnd = at;
            while (runEnd - at < left && !kept.test(rows.get(runEnd).seq())) {
                runEnd++;
            }
            List<TraceEvent> run = rows.subList(at, runEnd);
            nextRemove(at, new ArrayList<>(run));
            left -= run.size();
            run.clear();
        }
        int from = rows.size();
        rows.addAll(fresh);
        if (!fresh.isEmpty()) {
            nextAdd(from, rows.size());
        }
        endChange();
    }

    /** The index of the row with this seq, or -1. */
    int indexOf(long seq) {
        int low = 0;
        int high = rows.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long found = rows.get(middle).seq();
            if (found < seq) {
                low = middle + 1;
            } else if (found > seq) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }
}
