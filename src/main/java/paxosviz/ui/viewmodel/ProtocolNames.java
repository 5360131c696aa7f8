package paxosviz.ui.viewmodel;

import paxosviz.scenario.Protocol;

/** What the views call each protocol. */
public final class ProtocolNames {

    private ProtocolNames() {
    }

    /** For menus: "primary/backup (automatic failover)". */
    public static String shortName(Protocol protocol) {
        return switch (protocol) {
            case MULTIPAXOS -> "Multi-Paxos";
            case PRIMARY_BACKUP -> "primary/backup (view service)";
            case PRIMARY_BACKUP_AUTO -> "primary/backup (automatic failover)";
        };
    }

    /** For a heading: "Primary/backup with automatic failover". */
    public static String title(Protocol protocol) {
        return switch (protocol) {
            case MULTIPAXOS -> "Multi-Paxos";
            case PRIMARY_BACKUP -> "Primary/backup with a view service";
            case PRIMARY_BACKUP_AUTO -> "Primary/backup with automatic failover";
        };
    }
}
