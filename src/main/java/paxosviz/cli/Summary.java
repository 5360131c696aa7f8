package paxosviz.cli;

import java.io.PrintWriter;

import paxosviz.check.CheckReport;
import paxosviz.check.Verdict;
import paxosviz.check.json.VerdictJson;

/** What {@code run} and {@code check} print: a few lines for people, then one JSON line for tools. */
final class Summary {

    private Summary() {
    }

    static void print(PrintWriter out, String title, Verdict verdict) {
        CheckReport report = verdict.report();
        out.println(title);
        out.printf("  %d slots chosen, %d operations acknowledged, linearizable: %s, converged: %s%n",
                report.slotsChosen(), report.acknowledged(), yesNo(report.linearizable()), yesNo(report.converged()));
        if (verdict.failures().isEmpty()) {
            out.println("  OK: no violation, every expectation holds");
        }
        for (String failure : verdict.failures()) {
            out.println("  FAILED: " + failure);
        }
        for (String note : report.notes()) {
            out.println("  note: " + note);
        }
        out.println(VerdictJson.toJson(verdict));
        out.flush();
    }

    private static String yesNo(Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }
}
