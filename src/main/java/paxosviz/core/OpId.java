package paxosviz.core;

/** The pair (client, seq) that names one client operation across retries. */
public record OpId(String client, long seq) {
    @Override
    public String toString() {
        return client + "#" + seq;
    }
}
