package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.scenario.Highlight;
import paxosviz.ui.session.Session;
import paxosviz.viewstate.LogState;
import paxosviz.viewstate.SlotState;

/**
 * Every node's log, slot by slot, as the session's folded state has it, and where the view
 * looks: at the head while it follows it, else where the user scrolled.
 */
public final class LogViewModel {

    /** Empty slots shown after the head while following, so that new slots appear at the edge. */
    static final int SLACK = 1;

    private final Session session;
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();
    private final BooleanProperty followHead = new SimpleBooleanProperty(true);
    private Highlight highlight = Highlight.NONE;
    private long scrolledTo;
    /** The log and its change count as of the last bump of {@link #version}. */
    private LogState seenLog;
    private long seenChanges;

    public LogViewModel(Session session) {
        this.session = session;
        this.seenLog = session.state().log();
        this.seenChanges = seenLog.changes();
    }

    private LogState log() {
        return session.state().log();
    }

    public int nodes() {
        return log().nodes();
    }

    /** The highest slot any event mentioned, or -1. */
    public long head() {
        return log().head();
    }

    public SlotState state(int node, long slot) {
        return log().state(node, slot);
    }

    /** The ballot under which the node accepted the slot, or null (never accepted there, or compacted). */
    public Ballot ballot(int node, long slot) {
        return log().ballot(node, slot);
    }

    /** What the node learned chosen or applied for the slot, else what it accepted, else null. */
    public Command command(int node, long slot) {
        Command learned = log().learned(node, slot);
        return learned != null ? learned : log().accepted(node, slot);
    }

    /** The last slot of the node's snapshot, or -1: every slot up to it is {@link SlotState#COMPACTED}. */
    public long compactedUpTo(int node) {
        return log().compactedUpTo(node);
    }

    public boolean isUp(int node) {
        return log().isUp(node);
    }

    /** At a slot where nodes learned different commands, the letter of this node's ('A', 'B', ...); else 0. */
    public char divergedValue(int node, long slot) {
        return log().divergedValue(node, slot);
    }

    public boolean diverged(long slot) {
        return log().diverged(slot);
    }

    /** Bumped after each frame that changed the log: the view redraws when it moves. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** After the session's frame: bumps the version if the log changed (or is another one: a replay jumped). */
    public void refresh(boolean changed) {
        if (!changed) {
            return;
        }
        LogState log = log();
        Highlight now = session.state().highlightAt(session.nowMillis());
        if (log != seenLog || log.changes() != seenChanges || !now.equals(highlight)) {
            seenLog = log;
            seenChanges = log.changes();
            highlight = now;
            version.set(version.get() + 1);
        }
    }

    /** Whether a caption points at this slot now. */
    public boolean highlighted(long slot) {
        return highlight.hasSlots() && slot >= highlight.fromSlot() && slot <= highlight.toSlot();
    }

    /** The slots a caption points at now, if any. */
    public Highlight highlight() {
        return highlight;
    }

    // ---------------------------------------------------------------- where the view looks

    /** Whether the view keeps the head in sight; scrolling back turns it off. */
    public BooleanProperty followHeadProperty() {
        return followHead;
    }

    /** The first slot a window of {@code visibleSlots} cells shows. */
    public long firstSlot(int visibleSlots) {
        long last = lastFirstSlot(visibleSlots);
        return followHead.get() ? last : Math.min(scrolledTo, last);
    }

    /** The furthest the window can scroll: the head (and a little room) at its right edge. */
    public long lastFirstSlot(int visibleSlots) {
        return Math.max(0, head() + 1 + SLACK - visibleSlots);
    }

    /** The user scrolled: back from the head stops following it, all the way to it follows again. */
    public void scrollTo(long firstSlot, int visibleSlots) {
        long last = lastFirstSlot(visibleSlots);
        scrolledTo = Math.max(0, Math.min(firstSlot, last));
        followHead.set(scrolledTo >= last);
    }

    // ---------------------------------------------------------------- words

    /**
     * The tooltip of a cell, about what this node holds: "slot 12 at n2: applied — alice#3 put x=1
     * (accepted here under ballot 4.1)". At a diverged slot it lists which nodes learned what.
     */
    public String describe(int node, long slot) {
        LogState log = log();
        String where = "slot " + slot + " at n" + node + ": ";
        String down = log.isUp(node) ? "" : " · n" + node + " is down";
        Command learned = log.learned(node, slot);
        Command accepted = log.accepted(node, slot);
        Ballot ballot = log.ballot(node, slot);
        Command elsewhere = log.learnedAnywhere(slot);
        SlotState state = log.state(node, slot);
        String text = switch (state) {
            case EMPTY -> where + "empty" + (elsewhere != null ? " (chosen elsewhere: " + elsewhere + ")" : "");
            case ACCEPTED -> where + "accepted " + accepted + " under ballot " + ballot
                    + (elsewhere != null && !elsewhere.equals(accepted) ? " (chosen elsewhere: " + elsewhere + ")" : "");
            case CHOSEN, APPLIED -> where + state.name().toLowerCase(Locale.ROOT) + " — " + learned
                    + acceptedHere(learned, accepted, ballot);
            case COMPACTED -> where + "compacted into a snapshot" + compacted(elsewhere, session.state().stores().agreed(slot));
        };
        return text + down + divergence(log, slot);
    }

    /** What a compacted slot held: as a node still holding it says, else as the slot was first reported. */
    private static String compacted(Command elsewhere, Command agreed) {
        Command held = elsewhere != null ? elsewhere : agreed;
        return held != null ? " — " + held : "";
    }

    private static String acceptedHere(Command learned, Command accepted, Ballot ballot) {
        if (accepted == null) {
            return " (learned, not accepted here)";
        }
        return accepted.equals(learned) ? " (accepted here under ballot " + ballot + ")"
                : " (this node's acceptor holds " + accepted + " under ballot " + ballot + ")";
    }

    /** At a diverged slot: "DIVERGED — A: alice#1 put x=a at n0; B: bob#1 put x=b at n1, n2". */
    private static String divergence(LogState log, long slot) {
        if (!log.diverged(slot)) {
            return "";
        }
        Map<Command, List<String>> holders = new LinkedHashMap<>();
        for (int other = 0; other < log.nodes(); other++) {
            Command learned = log.learned(other, slot);
            if (learned != null) {
                holders.computeIfAbsent(learned, c -> new ArrayList<>()).add("n" + other);
            }
        }
        StringBuilder text = new StringBuilder("\nDIVERGED: nodes learned different commands for this slot —");
        char letter = 'A';
        for (Map.Entry<Command, List<String>> entry : holders.entrySet()) {
            text.append("\n  ").append(letter++).append(": ").append(entry.getKey()).append(" at ")
                    .append(String.join(", ", entry.getValue()));
        }
        return text.toString();
    }
}
