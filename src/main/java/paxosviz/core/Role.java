package paxosviz.core;

/** What a replica is doing about leadership. */
public enum Role {
    FOLLOWER, CANDIDATE, LEADER,
    /** Primary/backup roles; the view service decides them (or, with automatic failover, timeouts do). */
    PRIMARY, BACKUP, IDLE, VIEW_SERVICE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
