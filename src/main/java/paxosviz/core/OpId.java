package paxosviz.core;

/** The pair (client, seq) that names one client operation across retries. */
public record OpId(String client, long seq) {

    /** Mixes both parts: the record's default collides for clients c0, c1, ... with consecutive seqs. */
    @Override
    public int hashCode() {
        return client.hashCode() * 0x9E3779B9 ^ Long.hashCode(seq * 0xBF58476D1CE4E5B9L);
    }

    @Override
    public String toString() {
        return client + "#" + seq;
    }
}
