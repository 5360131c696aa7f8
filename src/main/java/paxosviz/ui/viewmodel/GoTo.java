package paxosviz.ui.viewmodel;

import java.util.Locale;

/**
 * Where "go to" should take a replay, as typed: a time ("12.5 s", "1250 ms", "12.5" in seconds)
 * or an event ("#812"). Exactly one of {@code millis} and {@code seq} is set.
 */
public record GoTo(Double millis, Long seq) {

    /** What {@code text} asks for, or null if it is neither a time nor an event. */
    public static GoTo parse(String text) {
        if (text == null) {
            return null;
        }
        String input = text.strip().toLowerCase(Locale.ROOT).replace(",", "");
        try {
            if (input.startsWith("#")) {
                long seq = Long.parseLong(input.substring(1).strip());
                return seq >= 0 ? new GoTo(null, seq) : null;
            }
            double factor = 1000;
            if (input.endsWith("ms")) {
                factor = 1;
                input = input.substring(0, input.length() - 2);
            } else if (input.endsWith("s")) {
                input = input.substring(0, input.length() - 1);
            }
            double value = Double.parseDouble(input.strip());
            return Double.isFinite(value) && value >= 0 ? new GoTo(value * factor, null) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
