package paxosviz.core;

/** The timers a replica asks its host for. Setting one replaces the pending timer of that kind. */
public enum TimerKind {
    /** Checks whether the leader went quiet; a candidate retries with a higher ballot. */
    ELECTION,
    /**
     * A leader's beat: heartbeats, retransmission of unanswered accepts, the quorum check; a
     * candidate's beat: retransmission of its prepare to peers that have not promised.
     */
    HEARTBEAT
}
