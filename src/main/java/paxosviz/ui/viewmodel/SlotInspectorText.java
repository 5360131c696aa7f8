package paxosviz.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import paxosviz.core.Ballot;
import paxosviz.viewstate.PhaseOne;
import paxosviz.viewstate.SlotReport;

/** A slot report in words, section by section, for the quorum inspector. */
public final class SlotInspectorText {

    private SlotInspectorText() {
    }

    /** "Slot 17 · chosen under 2.1 · learned by 3 of 5" */
    public static String title(SlotReport report, int nodes) {
        Ballot chosen = report.chosenBallot();
        long learners = report.learned().stream().mapToInt(SlotReport.Learned::node).distinct().count();
        return "Slot " + report.slot() + " · " + (chosen != null ? "chosen under " + chosen : "no majority yet")
                + " · learned by " + learners + " of " + nodes;
    }

    /** Each node's promises, in order, up to the moment the slot was first learned; ballots the slot was proposed under marked. */
    public static String promises(SlotReport report) {
        Set<Ballot> proposing = report.phaseOnes().stream().map(PhaseOne::ballot).collect(Collectors.toSet());
        Map<Integer, List<String>> byNode = new TreeMap<>();
        for (SlotReport.Promise promise : report.promises()) {
            String mark = proposing.contains(promise.ballot()) ? " (a ballot proposed here)" : "";
            byNode.computeIfAbsent(promise.node(), n -> new ArrayList<>()).add(promise.ballot() + " at " + ms(promise.t()) + mark);
        }
        if (byNode.isEmpty()) {
            return "No promise in the trace so far.";
        }
        StringBuilder text = new StringBuilder();
        byNode.forEach((node, ballots) -> text.append(text.length() == 0 ? "" : "\n").append("n").append(node)
                .append(" promised ").append(String.join(", ", ballots)));
        return text.toString();
    }

    public static String accepts(SlotReport report) {
        if (report.accepts().isEmpty()) {
            return "Nobody accepted anything here so far.";
        }
        List<String> lines = new ArrayList<>();
        for (SlotReport.Accept accept : report.accepts()) {
            lines.add("n" + accept.node() + " accepted " + accept.cmd() + " under " + accept.ballot() + " at " + ms(accept.t()));
        }
        return String.join("\n", lines);
    }

    /** Per ballot: how many distinct acceptors, when, and when that made a majority. */
    public static String majority(SlotReport report) {
        if (report.counts().isEmpty()) {
            return "No ballot has any accept here yet (a majority is " + report.quorum() + ").";
        }
        List<String> lines = new ArrayList<>();
        for (SlotReport.BallotCount count : report.counts()) {
            StringBuilder line = new StringBuilder("ballot ").append(count.ballot()).append(": ");
            List<String> steps = new ArrayList<>();
            for (SlotReport.CountStep step : count.steps()) {
                steps.add(step.count() + " at " + ms(step.t()) + " (n" + step.node() + ")");
            }
            line.append(String.join(" → ", steps));
            line.append(count.reachedMajority() ? " — majority (" + report.quorum() + ") at " + ms(count.majorityAt())
                    : " — " + count.acceptors() + " of the " + report.quorum() + " needed");
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    /** Who learned it and applied it, when; who caught up by snapshot; who has not learned it. */
    public static String learned(SlotReport report, int nodes) {
        List<String> lines = new ArrayList<>();
        boolean[] knows = new boolean[nodes];
        for (SlotReport.Learned learned : report.learned()) {
            String applied = report.applied().stream().filter(a -> a.node() == learned.node()).findFirst()
                    .map(a -> ", applied at " + ms(a.t())).orElse(", not applied yet");
            lines.add("n" + learned.node() + " learned " + learned.cmd() + " at " + ms(learned.t()) + applied);
            if (learned.node() < nodes) {
                knows[learned.node()] = true;
            }
        }
        for (SlotReport.Installed installed : report.installs()) {
            lines.add("n" + installed.node() + " installed n" + installed.from() + "'s snapshot through " + installed.upTo()
                    + " at " + ms(installed.t()));
            if (installed.node() < nodes) {
                knows[installed.node()] = true;
            }
        }
        List<String> unaware = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            if (!knows[node]) {
                unaware.add("n" + node);
            }
        }
        if (!unaware.isEmpty()) {
            lines.add(String.join(", ", unaware) + (unaware.size() == 1 ? " has" : " have") + " not learned it");
        }
        return String.join("\n", lines);
    }

    /** For each ballot the slot was proposed under, why its leader's phase 1 picked that value. */
    public static String why(SlotReport report) {
        if (report.phaseOnes().isEmpty()) {
            return "Nothing proposed here yet.";
        }
        List<String> paragraphs = new ArrayList<>();
        SlotReport.BallotCount chosen = report.counts().stream().filter(c -> c.ballot().equals(report.chosenBallot()))
                .findFirst().orElse(null);
        for (PhaseOne phase : report.phaseOnes()) {
            String already = chosen != null && chosen.ballot().lessThan(phase.ballot())
                    ? "\nIt was in fact chosen already: a majority had accepted it under " + chosen.ballot() + " at "
                            + ms(chosen.majorityAt()) + "."
                    : "";
            paragraphs.add(why(phase) + already);
        }
        return String.join("\n\n", paragraphs);
    }

    private static String why(PhaseOne phase) {
        String leader = "n" + phase.leader();
        String opening = "Ballot " + phase.ballot() + ", led by " + leader + ". ";
        if (phase.outcome() == PhaseOne.Outcome.UNREPORTED) {
            return opening + "This trace does not say what the promises reported (its promise messages carry no"
                    + " contents, or they are not in it), so it cannot tell why phase 1 picked this value.";
        }
        StringBuilder text = new StringBuilder(opening).append("Its phase 1 counted:");
        for (PhaseOne.Report heard : phase.reports()) {
            text.append("\n  • ").append(heard.own() ? leader + " itself" : "n" + heard.from() + "'s promise at " + ms(heard.t()))
                    .append(": ").append(vote(heard));
        }
        text.append("\n").append(verdict(phase, leader));
        return text.toString();
    }

    private static String vote(PhaseOne.Report heard) {
        String later = heard.laterSlots() ? " (values for later slots)" : "";
        if (!heard.reported()) {
            return "nothing for this slot" + later;
        }
        return (heard.voteChosen() ? "knew " + heard.voteCmd() + " chosen" : "accepted " + heard.voteCmd() + " under " + heard.voteBallot())
                + later;
    }

    private static String verdict(PhaseOne phase, String leader) {
        return switch (phase.outcome()) {
            case KNOWN_CHOSEN -> "n" + phase.pickedFrom() + " knew " + phase.picked() + " chosen, so " + leader + " proposed it again.";
            case RE_PROPOSED -> "The highest-ballot value reported was " + phase.picked() + " (under " + phase.pickedBallot()
                    + ", from n" + phase.pickedFrom() + "): it may have been chosen, so " + leader + " had to propose it again.";
            case HOLE_NOOP -> "No promise reported a value here, but later slots had some: a hole, which " + leader
                    + " filled with a no-op.";
            case FREE_CHOICE -> "No promise reported anything here or after it, so " + leader + " was free to propose "
                    + (phase.picked() == null ? "a client's command." : "a client's command: " + phase.picked() + ".");
            case UNREPORTED -> "";
        };
    }

    static String ms(double t) {
        return String.format(Locale.ROOT, "%.1f ms", t);
    }
}
