package paxosviz.ui.view;

import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import paxosviz.export.Exporter;
import paxosviz.export.TimeWindow;
import paxosviz.ui.viewmodel.MainViewModel;

/**
 * The export dialogs: which part (all of it, or the window selected on the timeline), where
 * to, then the export runs in the background and says how it went.
 */
final class ExportActions {

    private static final String ALL = "The whole session";

    private final MainViewModel model;
    private final Supplier<Window> window;
    private final BiConsumer<String, String> problems;
    private final Consumer<String> tell;

    ExportActions(MainViewModel model, Supplier<Window> window, BiConsumer<String, String> problems, Consumer<String> tell) {
        this.model = model;
        this.window = window;
        this.problems = problems;
        this.tell = tell;
    }

    void exportTrace() {
        Optional<Boolean> part = choosePart();
        if (part.isEmpty()) {
            return;
        }
        FileChooser chooser = chooser("Export the trace", "session.jsonl.gz");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Gzipped trace (*.jsonl.gz)", "*.jsonl.gz"),
                new FileChooser.ExtensionFilter("Trace (*.jsonl)", "*.jsonl"));
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            report(model.exports().exportTrace(file.toPath(), part.get()));
        }
    }

    void exportAs(Exporter.Format format) {
        Optional<Boolean> part = choosePart();
        if (part.isEmpty()) {
            return;
        }
        FileChooser chooser = chooser("Export as " + format.label(), "session." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            report(model.exports().exportAs(format, file.toPath(), part.get()));
        }
    }

    void replayLiveSession() {
        if (model.replay() != null) {
            tell.accept("A replay is shown already; File › Back to live first.");
            return;
        }
        model.replayLiveSession();
    }

    private FileChooser chooser(String title, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        return chooser;
    }

    /** Empty if the user cancelled; true for the selected window only. */
    private Optional<Boolean> choosePart() {
        TimeWindow selected = model.replay() != null ? model.exports().selectionProperty().get() : null;
        if (selected == null) {
            return Optional.of(false);
        }
        String part = String.format(java.util.Locale.ROOT, "The window selected on the timeline (%.3f s – %.3f s)",
                selected.from() / 1000, selected.until() / 1000);
        ChoiceDialog<String> dialog = new ChoiceDialog<>(part, List.of(part, ALL));
        dialog.setTitle("Export");
        dialog.setHeaderText("Export which part?");
        dialog.initOwner(window.get());
        return dialog.showAndWait().map(choice -> !choice.equals(ALL));
    }

    private void report(CompletableFuture<String> done) {
        tell.accept("Exporting…");
        done.whenComplete((told, problem) -> {
            if (problem != null) {
                problems.accept("The export failed", problem.getMessage());
            } else {
                tell.accept(told);
            }
        });
    }
}
