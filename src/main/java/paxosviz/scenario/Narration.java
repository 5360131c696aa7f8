package paxosviz.scenario;

/**
 * One caption of a narrated scenario: shown at {@code at} until the next caption or until
 * {@code forMs} later (NaN: until the next), optionally stopping the clock until someone
 * continues, and pointing at the parts of the picture it talks about.
 */
public record Narration(double at, String text, boolean pause, double forMs, Highlight highlight) {

    public Narration {
        highlight = highlight == null ? Highlight.NONE : highlight;
    }
}
