package paxosviz.ui.viewmodel;

import java.util.List;

import paxosviz.scenario.Protocol;

/** The comparisons the Demos menu offers: a bundled demo's experiment under two protocols. */
public final class Comparisons {

    /** One comparison: the demo whose scenario both sides run, and the protocol of each side. */
    public record Preset(String demoFile, Protocol left, Protocol right) {
        public String label() {
            return "Compare: " + ProtocolNames.shortName(left) + " vs " + ProtocolNames.shortName(right);
        }

        public Demos.Demo demo() {
            return Demos.all().stream().filter(d -> d.file().equals(demoFile)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the demo " + demoFile + " is missing from the build"));
        }
    }

    /** The stock example forks under automatic failover and not under Multi-Paxos. */
    public static final Preset AUTO_FAILOVER_VS_PAXOS =
            new Preset("04-stock-primary-backup-auto.json", Protocol.PRIMARY_BACKUP_AUTO, Protocol.MULTIPAXOS);

    private Comparisons() {
    }

    public static List<Preset> all() {
        return List.of(AUTO_FAILOVER_VS_PAXOS,
                // a three-way split: the view service stalls where Multi-Paxos's majority goes on
                new Preset("05-stock-primary-backup-view-service.json", Protocol.PRIMARY_BACKUP, Protocol.MULTIPAXOS),
                // the same partition: the view service refuses the fork that automatic failover makes
                new Preset("04-stock-primary-backup-auto.json", Protocol.PRIMARY_BACKUP_AUTO, Protocol.PRIMARY_BACKUP));
    }
}
