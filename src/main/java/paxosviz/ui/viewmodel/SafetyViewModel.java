package paxosviz.ui.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import paxosviz.check.CheckReport;
import paxosviz.check.Violation;

/**
 * The live safety indicator: green while agreement and linearizability hold; once the checker
 * finds a violation, red, naming the slot or key and the event that broke it.
 */
public final class SafetyViewModel {

    private final java.util.function.Supplier<CheckReport> reports;
    private final ReadOnlyBooleanWrapper safe = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("Checking…");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("The checker has not reported yet.");
    private final ReadOnlyLongWrapper violationSeq = new ReadOnlyLongWrapper(-1);
    private CheckReport shown;

    /** {@code reports} gives the checker's latest report, or null before the first. */
    public SafetyViewModel(java.util.function.Supplier<CheckReport> reports) {
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
        CheckReport report = reports.get();
        if (report == null || report == shown) {
            return;
        }
        shown = report;
        Violation first = report.violations().isEmpty() ? null : report.violations().get(0);
        if (first != null) {
            safe.set(false);
            violationSeq.set(first.seq());
            text.set("✖ " + first.kind() + where(first));
            detail.set(first.message() + (report.violations().size() > 1
                    ? "\n(and " + (report.violations().size() - 1) + " more; see the Events tab)" : "")
                    + "\nClick to see the event that broke it.");
        } else if (Boolean.FALSE.equals(report.linearizable())) {
            safe.set(false);
            text.set("✖ not linearizable");
            detail.set("No order of the clients' operations explains the answers they got.");
        } else {
            safe.set(true);
            violationSeq.set(-1);
            text.set("✔ Safe · " + report.slotsChosen() + " slots · " + report.acknowledged() + " answers");
            detail.set("Agreement holds for all " + report.slotsChosen() + " slots chosen so far, and the "
                    + report.acknowledged() + " answers clients got are linearizable"
                    + (report.linearizable() == null ? " as far as checked (" + String.join("; ", report.notes()) + ")" : "") + ".");
        }
    }

    private static String where(Violation violation) {
        if (violation.slot() != null) {
            return " at slot " + violation.slot();
        }
        return violation.key() != null ? " on key " + violation.key() : "";
    }
}
