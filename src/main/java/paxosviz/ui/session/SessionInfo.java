package paxosviz.ui.session;

import paxosviz.scenario.Protocol;

/**
 * What a session is, for titles and banners: its name and description (empty for the
 * free-play cluster), its size and protocol, which runtime produced its events, the seed when
 * one decides them, and whether it runs with an unsafe teaching switch.
 */
public record SessionInfo(Kind kind, String title, String description, int nodes, Protocol protocol,
        String runtime, Long seed, boolean unsafe) {

    /** A cluster running now, or a trace played back. */
    public enum Kind { LIVE, REPLAY }

    public boolean isReplay() {
        return kind == Kind.REPLAY;
    }
}
