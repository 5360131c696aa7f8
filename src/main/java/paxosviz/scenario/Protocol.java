package paxosviz.scenario;

/** Which replication protocol a scenario runs. */
public enum Protocol {
    /** Multi-Paxos: majority quorums, safe under any partition. */
    MULTIPAXOS("multipaxos"),
    /** Primary/backup with a view service on node 0: never forks, but can stall. */
    PRIMARY_BACKUP("primary-backup"),
    /** Primary/backup where the backup promotes itself on a timeout: forks under partition. */
    PRIMARY_BACKUP_AUTO("primary-backup-auto");

    private final String wireName;

    Protocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Protocol fromWireName(String name) {
        for (Protocol protocol : values()) {
            if (protocol.wireName.equals(name)) {
                return protocol;
            }
        }
        return null;
    }
}
