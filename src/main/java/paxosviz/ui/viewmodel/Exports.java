package paxosviz.ui.viewmodel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import paxosviz.BadInputException;
import paxosviz.export.Exporter;
import paxosviz.export.TimeWindow;
import paxosviz.export.TraceWindowExport;
import paxosviz.trace.json.TraceWriter;
import paxosviz.trace.model.TraceHeader;
import paxosviz.ui.session.LiveSession;
import paxosviz.ui.session.ReplaySession;
import paxosviz.ui.session.ReplaySource;

/**
 * Exporting from the window, in the background: the session shown (a replay's trace, or the
 * live session's so far) as a trace ({@code .jsonl}, {@code .jsonl.gz}), or for other tools;
 * all of it or only the window selected on the timeline. An exported window is itself a trace
 * that opens and checks. Each export answers with a sentence for the status bar, or fails with
 * one for a dialog.
 */
public final class Exports {

    private final MainViewModel main;
    private final ObjectProperty<TimeWindow> selection = new SimpleObjectProperty<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "export");
        thread.setDaemon(true);
        return thread;
    });

    Exports(MainViewModel main) {
        this.main = main;
    }

    /** The time window selected on the replay's timeline, or null for all of it. */
    public ObjectProperty<TimeWindow> selectionProperty() {
        return selection;
    }

    /** Writes the session's trace (or the selected window of it) to {@code out}; gzipped when it ends in {@code .gz}. */
    public CompletableFuture<String> exportTrace(Path out, boolean onlySelection) {
        TimeWindow window = onlySelection ? selection.get() : null;
        return run(out, source -> {
            TraceHeader header = window == null ? source.header() : TraceWindowExport.header(source.header(), window);
            try (TraceWriter writer = new TraceWriter(out, header)) {
                if (window == null) {
                    source.events().forEach(writer::accept);
                } else {
                    TraceWindowExport.write(source.events(), window, writer);
                }
            }
            return "Wrote the " + (window == null ? "trace" : "window " + describe(window)) + " to " + out;
        });
    }

    /** Writes the session for another tool, as {@code format}. */
    public CompletableFuture<String> exportAs(Exporter.Format format, Path out, boolean onlySelection) {
        TimeWindow window = onlySelection && selection.get() != null ? selection.get() : TimeWindow.ALL;
        return run(out, source -> {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
                Exporter.write(format, Exporter.of(source.header(), source.events()), window, file);
            }
            return "Wrote the " + format.label() + (window == TimeWindow.ALL ? "" : " of " + describe(window)) + " to " + out;
        });
    }

    private interface Job {
        String write(ReplaySource source) throws BadInputException, IOException;
    }

    private CompletableFuture<String> run(Path out, Job job) {
        CompletableFuture<String> done = new CompletableFuture<>();
        java.util.concurrent.Callable<ReplaySource> source = sourceOfShown();
        worker.execute(() -> {
            try {
                String told = job.write(source.call());
                Platform.runLater(() -> done.complete(told));
            } catch (BadInputException e) {
                Platform.runLater(() -> done.completeExceptionally(e));
            } catch (IOException | UncheckedIOException e) {
                deleteQuietly(out);
                Platform.runLater(() -> done.completeExceptionally(
                        new BadInputException(out + ": cannot write: " + e.getMessage(), e)));
            } catch (Exception e) {
                Platform.runLater(() -> done.completeExceptionally(e));
            }
        });
        return done;
    }

    /** Where the shown session's events come from; read on the export thread. */
    java.util.concurrent.Callable<ReplaySource> sourceOfShown() {
        ReplaySession replay = main.replay();
        if (replay != null) {
            ReplaySource source = new ReplaySource(replay.model().header(),
                    replay.trace().events(0, replay.trace().size()), replay.info().title());
            return () -> source;
        }
        SessionModels live = main.liveModels();
        if (live == null) {
            return () -> {
                throw new BadInputException("there is no session to export yet");
            };
        }
        LiveSession session = (LiveSession) live.session();
        return session::traceSoFar;
    }

    private static String describe(TimeWindow window) {
        return String.format(java.util.Locale.ROOT, "%.3f s – %.3f s", window.from() / 1000, window.until() / 1000);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the message about the failure matters more than the leftover file
        }
    }
}
