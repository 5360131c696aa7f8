package paxosviz.ui.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import paxosviz.trace.json.TraceWriter;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.TraceSink;

/**
 * Writes the live session's trace to one file: when the user starts another cluster, the
 * file starts over with the new session, so on exit it holds the session that was live.
 */
public final class SessionRecorder implements TraceSink, AutoCloseable {

    private final Path file;
    private TraceWriter writer;
    private String problem;

    public SessionRecorder(Path file) {
        this.file = file;
    }

    /** Starts the file over for a new session with this header. */
    synchronized void begin(TraceHeader header) {
        close();
        try {
            writer = new TraceWriter(file, header);
        } catch (IOException e) {
            problem = file + ": cannot record the trace: " + e.getMessage();
        }
    }

    @Override
    public synchronized void accept(TraceEvent event) {
        if (writer == null) {
            return;
        }
        try {
            writer.accept(event);
        } catch (UncheckedIOException e) {
            problem = file + ": recording stopped: " + e.getCause().getMessage();
            close();
        }
    }

    /** The file the live session's trace goes to. */
    public Path file() {
        return file;
    }

    /** What went wrong while recording, or null. */
    public synchronized String problem() {
        return problem;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | UncheckedIOException e) {
                problem = file + ": the trace may be incomplete: " + e.getMessage();
            }
            writer = null;
        }
    }
}
