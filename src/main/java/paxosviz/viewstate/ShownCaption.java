package paxosviz.viewstate;

import paxosviz.scenario.Highlight;
import paxosviz.trace.model.EventBody;

/** The caption a narrated run shows: what the last {@code caption} event said, from when, until when. */
public record ShownCaption(String text, boolean pause, double fromMs, double untilMs, Highlight highlight) {

    static ShownCaption of(double t, EventBody.Caption caption) {
        double until = Double.isNaN(caption.forMs()) ? Double.POSITIVE_INFINITY : t + caption.forMs();
        return new ShownCaption(caption.text(), caption.pause(), t, until, caption.highlight());
    }

    /** Whether it still shows at {@code nowMs}; an empty text clears the caption. */
    public boolean showsAt(double nowMs) {
        return !text.isBlank() && nowMs < untilMs;
    }
}
