package paxosviz.ui.session;

import paxosviz.check.CheckReport;

/**
 * What the checker says: {@code current} on everything up to the point shown (null before its
 * first report), and in a replay {@code whole}, the verdict on the whole trace (null while
 * it is still being checked, and in a live session, where the run is not over).
 */
public record Safety(CheckReport current, CheckReport whole, boolean replay) {
}
