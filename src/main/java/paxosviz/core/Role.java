package paxosviz.core;

/** What a replica is doing about leadership. */
public enum Role {
    FOLLOWER, CANDIDATE, LEADER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
