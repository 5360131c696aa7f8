package paxosviz.viewstate;

import java.util.List;

import paxosviz.core.Ballot;
import paxosviz.core.Command;

/**
 * Why the leader of {@code ballot} proposed what it did for a slot: what each promise it heard
 * (and its own acceptor) reported there, and the rule that picked the value.
 */
public record PhaseOne(Ballot ballot, int leader, Outcome outcome, List<Report> reports, Command picked,
        Ballot pickedBallot, int pickedFrom) {

    public PhaseOne {
        reports = List.copyOf(reports);
    }

    public enum Outcome {
        /** The trace has no promise payloads for this ballot: it does not say what the promises reported. */
        UNREPORTED,
        /** A promise reported the value known chosen; the leader proposed it again. */
        KNOWN_CHOSEN,
        /** The highest-ballot value accepted among the promises; the leader proposed it again. */
        RE_PROPOSED,
        /** Nobody reported a value here but later slots had some: the leader filled the hole with a no-op. */
        HOLE_NOOP,
        /** Nobody reported anything here or after: the leader was free to propose a client's command. */
        FREE_CHOICE
    }

    /**
     * One promise the leader counted: from {@code from} at {@code t}; {@code vote} is what it
     * reported for this slot (null: nothing); {@code laterSlots} whether it reported slots after
     * this one; {@code own} for the leader's own acceptor, read off its accept events.
     */
    public record Report(int from, double t, Ballot voteBallot, Command voteCmd, boolean voteChosen, boolean laterSlots,
            boolean own) {

        public boolean reported() {
            return voteCmd != null;
        }
    }
}
