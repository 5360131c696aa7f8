package paxosviz.trace.model;

/**
 * Follows a long read of a file, for a progress bar, and may stop it. Called on the thread that
 * reads, about every 64 KiB of the file and once at the end; an implementation that updates a
 * window hands the numbers over to that window's thread.
 */
public interface ReadProgress {

    /** Follows nothing and never stops a read. */
    ReadProgress NONE = (done, total) -> { };

    /**
     * How far the read got: {@code done} bytes of the file of {@code total} bytes (-1 when the
     * size is unknown). A gzipped file counts its compressed bytes, so {@code done} reaches
     * {@code total}.
     */
    void bytesRead(long done, long total);

    /** Asked as often as {@link #bytesRead}; true stops the read with a {@link ReadCancelledException}. */
    default boolean cancelRequested() {
        return false;
    }
}
