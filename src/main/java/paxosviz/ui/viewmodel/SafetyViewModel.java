package paxosviz.ui.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import paxosviz.check.CheckReport;
import paxosviz.check.Violation;
import paxosviz.ui.session.Safety;

/**
 * The safety indicator: green while agreement and linearizability hold; once the checker finds
 * a violation, red, naming the slot or key and the event that broke it. In a replay it tells
 * what the checker found up to the point shown, and its verdict on the whole trace.
 */
public final class SafetyViewModel {

    private final java.util.function.Supplier<Safety> reports;
    private final ReadOnlyBooleanWrapper safe = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Checking…");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("The checker has not reported yet.");
    private final ReadOnlyLongWrapper violationSeq = new ReadOnlyLongWrapper(-1);
    private Safety shown;

    /** {@code reports} gives what the checker says now. */
    public SafetyViewModel(java.util.function.Supplier<Safety> reports) {
        this.reports = reports;
    }

    public ReadOnlyBooleanProperty safeProperty() {
        return safe.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The whole verdict in words, for a tooltip. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The sequence number of the event at which the first violation showed, or -1. */
    public ReadOnlyLongProperty violationSeqProperty() {
        return violationSeq.getReadOnlyProperty();
    }

    /** Called each frame: shows the checker's latest verdict if it changed. */
    public void poll() {
        Safety safety = reports.get();
        if (safety == null || safety.equals(shown)) {
            return;
        }
        shown = safety;
        CheckReport report = safety.current();
        if (report == null) {
            safe.set(true);
            violationSeq.set(-1);
            text.set(safety.replay() ? "Checking the trace…" : "Checking…");
            detail.set("The checker has not reported yet.");
            return;
        }
        String scope = safety.replay() ? " so far" : "";
        Violation first = report.violations().isEmpty() ? null : report.violations().get(0);
        if (first != null) {
            safe.set(false);
            violationSeq.set(first.seq());
            text.set("✖ " + first.kind() + where(first));
            detail.set(first.message() + (report.violations().size() > 1
                    ? "\n(and " + (report.violations().size() - 1) + " more; see the Events tab)" : "")
                    + "\nClick to see the event that broke it." + whole(safety));
        } else if (Boolean.FALSE.equals(report.linearizable())) {
            safe.set(false);
            text.set("✖ not linearizable");
            detail.set("No order of the clients' operations explains the answers they got." + whole(safety));
        } else {
            safe.set(true);
            violationSeq.set(-1);
            text.set("✔ Safe" + scope + " · " + report.slotsChosen() + " slots · " + report.acknowledged() + " answers"
                    + (safety.whole() != null && !safety.whole().ok() ? " · ✖ later" : ""));
            detail.set("Agreement holds for all " + report.slotsChosen() + " slots chosen" + scope + ", and the "
                    + report.acknowledged() + " answers clients got are linearizable"
                    + (report.linearizable() == null ? " as far as checked (" + String.join("; ", report.notes()) + ")" : "")
                    + "." + whole(safety));
        }
    }

    /** In a replay: the verdict on the whole trace, after what was found so far. */
    private static String whole(Safety safety) {
        CheckReport whole = safety.whole();
        if (whole == null) {
            return "";
        }
        if (whole.ok() && !Boolean.FALSE.equals(whole.linearizable())) {
            return "\nThe whole trace: safe (" + whole.slotsChosen() + " slots, " + whole.acknowledged() + " answers).";
        }
        Violation first = whole.violations().isEmpty() ? null : whole.violations().get(0);
        return "\nThe whole trace: " + (first != null ? whole.violations().size() + " violation(s), the first: " + first.message()
                : "not linearizable") + ". The timeline marks where.";
    }

    private static String where(Violation violation) {
        if (violation.slot() != null) {
            return " at slot " + violation.slot();
        }
        return violation.key() != null ? " on key " + violation.key() : "";
    }
}
