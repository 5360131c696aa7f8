package paxosviz.ui.viewmodel;

import java.util.Locale;

/**
 * The families of messages the legend shows, each with its own colour (Okabe–Ito palette, safe
 * for colour-blind viewers; the style class lets a theme override it).
 */
public enum MessageKind {
    PREPARE("prepare", "#E69F00"),
    PROMISE("promise", "#F0E442"),
    ACCEPT("accept", "#0072B2"),
    ACCEPTED("accepted", "#56B4E9"),
    DECIDE("decide", "#009E73"),
    CATCHUP("catch-up", "#CC79A7"),
    SNAPSHOT("snapshot", "#D55E00"),
    CLIENT("client", "#7F7F7F"),
    HEARTBEAT("heartbeat", "#BBBBBB"),
    OTHER("other", "#444444");

    private final String label;
    private final String color;

    MessageKind(String label, String color) {
        this.label = label;
        this.color = color;
    }

    public String label() {
        return label;
    }

    /** The default colour as a CSS hex string. */
    public String color() {
        return color;
    }

    public String styleClass() {
        return "message-" + name().toLowerCase(Locale.ROOT);
    }

    /** The family of a trace's message kind. */
    public static MessageKind of(String kind) {
        switch (kind) {
            case "prepare":
            case "prevote":
                return PREPARE;
            case "promise":
            case "nack":
            case "prevote-reply":
                return PROMISE;
            case "accept":
            case "forward":
                return ACCEPT;
            case "accepted":
            case "forward-ack":
            case "forward-refused":
                return ACCEPTED;
            case "decide":
                return DECIDE;
            case "heartbeat":
            case "heartbeat-ack":
            case "beat":
            case "ping":
            case "view":
                return HEARTBEAT;
            case "catchup":
            case "catchup-reply":
                return CATCHUP;
            case "snapshot":
            case "state":
            case "state-ack":
                return SNAPSHOT;
            case "request":
            case "reply":
            case "redirect":
                return CLIENT;
            default:
                return OTHER;
        }
    }
}
