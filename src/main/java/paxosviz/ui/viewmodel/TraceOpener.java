package paxosviz.ui.viewmodel;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import paxosviz.BadInputException;
import paxosviz.replay.ReplayModel;
import paxosviz.ui.session.ReplaySession;
import paxosviz.ui.session.ReplaySource;

/**
 * Opens traces for replay on a background thread, with progress and cancel: the window never
 * waits, and the session shown stays as it is until the trace is ready. A trace that cannot be
 * read is told to the problem handler (the window shows a dialog), and nothing else changes.
 */
public final class TraceOpener {

    private final MainViewModel main;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "trace-loader");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private BiConsumer<String, String> problems = (header, text) -> { };
    private Task<ReplayModel> current;

    TraceOpener(MainViewModel main) {
        this.main = main;
    }

    void onProblem(BiConsumer<String, String> handler) {
        problems = handler;
    }

    /** Whether a trace is being opened now. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How far the opening got, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is being done: "Reading trace.jsonl…". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Opens a trace file in replay, in the background; a trace being opened already is given up. */
    public void open(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        start(name, file, new LoadTask() {
            @Override
            protected ReplayModel call() throws BadInputException {
                return ReplayModel.open(file, progress());
            }
        }, () -> RecentFiles.add(file));
    }

    /** Opens a trace already in memory (the live session's so far) in replay. */
    public void open(java.util.concurrent.Callable<ReplaySource> source, String name) {
        start(name, null, new LoadTask() {
            @Override
            protected ReplayModel call() throws Exception {
                ReplaySource read = source.call();
                return ReplayModel.of(read.header(), read.events());
            }
        }, () -> { });
    }

    private void start(String name, Path file, LoadTask task, Runnable onSuccess) {
        cancel();
        current = task;
        loading.set(true);
        progress.set(0);
        message.set("Opening " + name + "…");
        task.progressProperty().addListener((obs, old, value) -> progress.set(Math.max(0, value.doubleValue())));
        task.messageProperty().addListener((obs, old, value) -> message.set(value + " " + name + "…"));
        task.setOnSucceeded(event -> {
            if (task == current) {
                finished();
                main.showReplay(new ReplaySession(task.getValue(), name, file));
                onSuccess.run();
            }
        });
        task.setOnFailed(event -> {
            if (task == current) {
                finished();
                Throwable problem = task.getException();
                String text = problem instanceof BadInputException ? problem.getMessage()
                        : name + ": cannot be opened: " + problem;
                problems.accept("This trace cannot be opened", text);
            }
        });
        task.setOnCancelled(event -> {
            if (task == current) {
                finished();
            }
        });
        loader.execute(task);
    }

    private void finished() {
        current = null;
        loading.set(false);
    }

    /** Gives up the trace being opened, if any; what is shown stays. */
    public void cancel() {
        if (current != null) {
            Task<ReplayModel> giving = current;
            finished();
            giving.cancel(false);
        }
    }

    /** A loading task that reports its progress through the model's callback and stops when cancelled. */
    private abstract static class LoadTask extends Task<ReplayModel> {
        ReplayModel.Progress progress() {
            return new ReplayModel.Progress() {
                @Override
                public void loading(String phase, double fraction) {
                    updateMessage(phase.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + phase.substring(1));
                    updateProgress(fraction, 1);
                }

                @Override
                public boolean cancelled() {
                    return isCancelled();
                }
            };
        }
    }
}
