package paxosviz.ui.control;

import java.util.Locale;
import java.util.Objects;

import javafx.scene.paint.Color;

/**
 * Something worth finding on a {@link Timeline}: an event at trace time {@code t} (milliseconds)
 * with the trace's sequence number {@code seq}, a {@code category} that decides its lane (see
 * {@link TimelineLane#of}) and what "jump to the next …" finds, the colour of its tick, and the
 * label its tooltip shows. A null colour takes the category's default, a null label the category.
 */
public record TimelineMarker(double t, long seq, String category, Color color, String label) {

    public static final String CRASH = "crash";
    public static final String RESTART = "restart";
    public static final String LINK = "link";
    public static final String PARTITION = "partition";
    public static final String HEAL = "heal";
    public static final String ISOLATE = "isolate";
    public static final String NETWORK = "network";
    public static final String BY_HAND = "by-hand";
    public static final String ELECT = "elect";
    public static final String LEADER = "leader";
    public static final String STEPDOWN = "stepdown";
    public static final String INSTALL = "install";
    public static final String SNAPSHOT = "snapshot";
    public static final String VIOLATION = "violation";
    public static final String ANSWER = "answer";
    public static final String CAPTION = "caption";

    public TimelineMarker {
        Objects.requireNonNull(category, "category");
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("a marker needs a finite time, got " + t);
        }
        if (color == null) {
            color = defaultColor(category);
        }
        if (label == null) {
            label = category;
        }
    }

    /** A marker in its category's default colour. */
    public static TimelineMarker of(double t, long seq, String category, String label) {
        return new TimelineMarker(t, seq, category, null, label);
    }

    public TimelineLane lane() {
        return TimelineLane.of(category);
    }

    /**
     * Okabe–Ito colours of middle lightness, legible on the light, dark and presenter tracks:
     * violations vermillion, crashes orange, restarts sky blue, link faults reddish purple,
     * leadership bluish green, installs blue, answers and anything else grey.
     */
    public static Color defaultColor(String category) {
        return switch (category.toLowerCase(Locale.ROOT)) {
            case VIOLATION -> Color.web("#D55E00");
            case CRASH -> Color.web("#E69F00");
            case RESTART -> Color.web("#56B4E9");
            case LINK, PARTITION, HEAL, ISOLATE, NETWORK -> Color.web("#CC79A7");
            case BY_HAND -> Color.web("#000000");
            case LEADER, ELECT, STEPDOWN -> Color.web("#009E73");
            case INSTALL, SNAPSHOT -> Color.web("#0072B2");
            default -> Color.web("#8c8c8c");
        };
    }
}
