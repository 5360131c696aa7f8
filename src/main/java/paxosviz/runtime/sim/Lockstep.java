package paxosviz.runtime.sim;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Simulations that share one clock, so they are always at the same virtual time: pausing,
 * running on or changing the speed of any of them does it to all. A single step moves the one
 * whose next agenda entry is due first, and the others catch up to the time it reached. The
 * clock pauses at the end once every scenario run has recorded its end, not at the first one.
 */
public final class Lockstep {

    private final PaceClock clock = new PaceClock(0, System.nanoTime(), false);
    private final List<PacedSimulation> members = new CopyOnWriteArrayList<>();
    private final Set<PacedSimulation> finished = ConcurrentHashMap.newKeySet();

    PaceClock clock() {
        return clock;
    }

    void join(PacedSimulation member) {
        members.add(member);
    }

    void leave(PacedSimulation member) {
        members.remove(member);
        finished.remove(member);
    }

    /** {@code member}'s run recorded its end; whether every member's has. */
    boolean finish(PacedSimulation member) {
        finished.add(member);
        return finished.containsAll(members);
    }

    /**
     * While paused: runs the earliest due entry of any member, until one reported something, and
     * brings every member to the time reached. False if nothing is due anywhere.
     */
    synchronized boolean step() {
        while (true) {
            PacedSimulation first = null;
            long due = Long.MAX_VALUE;
            for (PacedSimulation member : members) {
                long next = member.dueNext();
                if (next < due) {
                    due = next;
                    first = member;
                }
            }
            if (first == null) {
                return false;
            }
            boolean reported = first.runOne();
            clock.stepTo(due);
            for (PacedSimulation member : members) {
                member.catchUp();
            }
            if (reported) {
                return true;
            }
        }
    }
}
