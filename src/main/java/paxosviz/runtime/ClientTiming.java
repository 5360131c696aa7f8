package paxosviz.runtime;

/**
 * When a client gives up on a replica: after {@code timeoutMicros} without an answer it tries
 * the next one; told "no leader known", it waits {@code retryMicros} before trying again.
 */
public record ClientTiming(long timeoutMicros, long retryMicros) {
}
