package paxosviz.ui.session;

import paxosviz.scenario.Protocol;

/**
 * What a session is, for titles and banners: its name and description (empty for the
 * free-play cluster), its size and protocol, which runtime produced its events, the seed when
 * one decides them, and what makes it unsafe on purpose (empty: nothing), for every label that must say so.
 */
public record SessionInfo(Kind kind, String title, String description, int nodes, Protocol protocol,
        String runtime, Long seed, String unsafe) {

    /** A cluster running now, or a trace played back. */
    public enum Kind { LIVE, REPLAY }

    public boolean isUnsafe() {
        return !unsafe.isEmpty();
    }

    public boolean isReplay() {
        return kind == Kind.REPLAY;
    }
}
