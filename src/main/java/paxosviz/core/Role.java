package paxosviz.core;

/** What a replica is doing about leadership. */
public enum Role {
    FOLLOWER, CANDIDATE, LEADER,
    /** Primary/backup roles; the view service decides them (or, with automatic failover, timeouts do). */
    PRIMARY, BACKUP, IDLE, VIEW_SERVICE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether a node in this role keeps a copy of the replicated state (a view service or a spare does not). */
    public boolean holdsState() {
        return this != VIEW_SERVICE && this != IDLE;
    }
}
