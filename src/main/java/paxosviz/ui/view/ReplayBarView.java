package paxosviz.ui.view;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import paxosviz.export.TimeWindow;
import paxosviz.replay.Marker;
import paxosviz.ui.control.TimeRange;
import paxosviz.ui.control.Timeline;
import paxosviz.ui.control.TimelineMarker;
import paxosviz.ui.session.ReplaySession;
import paxosviz.ui.viewmodel.GoTo;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.SessionModels;

/**
 * The replay bar under the cluster picture: play, stop, step either way, speed, where the
 * replay is, go to a time or an event, jump between markers of a kind, fork and re-execute,
 * and the timeline over the whole trace. Dragging the timeline moves every view with it.
 */
public final class ReplayBarView {

    private static final double LOG_MIN_SPEED = Math.log10(ReplaySession.MIN_SPEED);
    private static final double LOG_MAX_SPEED = Math.log10(ReplaySession.MAX_SPEED);
    /** "any marker" in the kind chooser. */
    private static final Marker.Kind ANY = null;

    private final MainViewModel model;
    private ReplaySession shown;
    private int markersShown = -1;
    /** Set while the bar moves the timeline itself, so the move is not taken for a drag. */
    private boolean following;

    @FXML private VBox bar;
    @FXML private Button playButton;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private Label positionLabel;
    @FXML private TextField goTo;
    @FXML private ChoiceBox<Marker.Kind> markerKind;
    @FXML private Button forkButton;
    @FXML private Tooltip forkTip;
    @FXML private Button reexecuteButton;
    @FXML private Timeline timeline;

    public ReplayBarView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        bar.visibleProperty().bind(model.replayingProperty());
        bar.managedProperty().bind(model.replayingProperty());
        playButton.textProperty().bind(Bindings.when(model.pausedProperty()).then("▶ Play").otherwise("❚❚ Stop"));
        speedSlider.setMin(LOG_MIN_SPEED);
        speedSlider.setMax(LOG_MAX_SPEED);
        speedSlider.setValue(Math.log10(model.replaySpeedProperty().get()));
        speedSlider.valueProperty().addListener((obs, old, value) -> model.replaySpeedProperty().set(Math.pow(10, value.doubleValue())));
        model.replaySpeedProperty().addListener((obs, old, value) -> speedSlider.setValue(Math.log10(value.doubleValue())));
        speedLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.1fx", model.replaySpeedProperty()));
        List<Marker.Kind> kinds = new ArrayList<>();
        kinds.add(ANY);
        kinds.addAll(EnumSet.allOf(Marker.Kind.class));
        markerKind.getItems().setAll(kinds);
        markerKind.setValue(ANY);
        markerKind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Marker.Kind kind) {
                return kind == null ? "any marker" : kind.label();
            }

            @Override
            public Marker.Kind fromString(String text) {
                return null;
            }
        });
        timeline.positionProperty().addListener((obs, old, millis) -> {
            if (!following && shown != null) {
                shown.seekTime(millis.doubleValue());
            }
        });
        timeline.selectionProperty().addListener((obs, old, range) -> model.exports().selectionProperty()
                .set(range == null ? null : new TimeWindow(range.from(), range.until())));
        model.modelsProperty().addListener((obs, old, models) -> bind(models));
        model.frameProperty().addListener((obs, old, frame) -> follow());
        bind(model.models());
    }

    private void bind(SessionModels models) {
        shown = models == null ? null : models.session().replay();
        markersShown = -1;
        timeline.setSelection(null);
        if (shown == null) {
            timeline.getMarkers().clear();
            return;
        }
        following = true;
        try {
            timeline.setRange(shown.trace().startMillis(), Math.max(shown.trace().endMillis(), shown.trace().startMillis() + 1));
            timeline.zoomToFit();
            timeline.setPosition(shown.nowMillis());
        } finally {
            following = false;
        }
        showForkable();
        reexecuteButton.setDisable(shown.whyNoReexecution() != null);
        reexecuteButton.setTooltip(new Tooltip(shown.whyNoReexecution() != null ? shown.whyNoReexecution()
                : "Run the trace's scenario again with its seed and compare every event with the recorded ones"));
        showMarkers();
    }

    /** Whether a fork can start at the point shown (not after an action by hand), and why not. */
    private void showForkable() {
        String why = shown.whyNoFork();
        forkButton.setDisable(why != null);
        forkTip.setText(why != null ? why
                : "Continue live from this point: the simulator re-runs the trace's scenario with its seed up to here, then it is yours (F)");
    }

    /** Each frame: the timeline and the labels follow the replay; markers come in once the checker has judged. */
    private void follow() {
        if (shown == null) {
            return;
        }
        following = true;
        try {
            timeline.setPosition(shown.nowMillis());
        } finally {
            following = false;
        }
        positionLabel.setText(String.format(Locale.ROOT, "%s · event %,d of %,d", timeline.formatTime(shown.nowMillis()),
                shown.position(), shown.size()));
        showForkable();
        if (shown.markers().size() != markersShown) {
            showMarkers();
        }
    }

    private void showMarkers() {
        List<Marker> markers = shown.markers();
        List<TimelineMarker> drawn = new ArrayList<>(markers.size());
        for (Marker marker : markers) {
            long seq = shown.trace().event(Math.min(marker.index(), shown.size() - 1)).seq();
            drawn.add(TimelineMarker.of(marker.millis(), seq, category(marker.kind()), marker.label()));
        }
        timeline.getMarkers().setAll(drawn);
        markersShown = markers.size();
    }

    private static String category(Marker.Kind kind) {
        return switch (kind) {
            case BY_HAND -> TimelineMarker.BY_HAND;
            case CRASH -> TimelineMarker.CRASH;
            case RESTART -> TimelineMarker.RESTART;
            case LINK -> TimelineMarker.LINK;
            case PARTITION -> TimelineMarker.PARTITION;
            case LEADER -> TimelineMarker.LEADER;
            case INSTALL -> TimelineMarker.INSTALL;
            case VIOLATION -> TimelineMarker.VIOLATION;
            case ANSWER -> TimelineMarker.ANSWER;
            case CAPTION -> TimelineMarker.CAPTION;
        };
    }

    // ---------------------------------------------------------------- actions

    @FXML
    private void backToLive() {
        model.backToLive();
    }

    @FXML
    private void toStart() {
        if (shown != null) {
            shown.pause();
            shown.seek(0);
        }
    }

    @FXML
    private void toEnd() {
        if (shown != null) {
            shown.pause();
            shown.seek(shown.size());
        }
    }

    @FXML
    private void stepBack() {
        model.stepBack();
    }

    @FXML
    private void stepForward() {
        model.step();
    }

    @FXML
    private void togglePlay() {
        model.togglePause();
    }

    @FXML
    private void goTo() {
        if (shown == null) {
            return;
        }
        GoTo target = GoTo.parse(goTo.getText());
        if (target == null) {
            goTo.setTooltip(new Tooltip("Not a time or an event: try 12.5 s, 1250 ms or #812"));
            goTo.getStyleClass().add("invalid");
            return;
        }
        goTo.getStyleClass().remove("invalid");
        shown.pause();
        if (target.seq() != null) {
            shown.jumpToSeq(target.seq());
        } else {
            shown.seekTime(target.millis());
        }
    }

    /** The next marker of the chosen kind: ']' or the button. */
    @FXML
    void nextMarker() {
        jump(shown == null ? null : shown.nextMarker(kinds()));
    }

    /** The previous marker of the chosen kind: '[' or the button. */
    @FXML
    void previousMarker() {
        jump(shown == null ? null : shown.previousMarker(kinds()));
    }

    private EnumSet<Marker.Kind> kinds() {
        Marker.Kind kind = markerKind.getValue();
        return kind == ANY ? EnumSet.allOf(Marker.Kind.class) : EnumSet.of(kind);
    }

    private void jump(Marker marker) {
        if (marker != null) {
            shown.jumpTo(marker);
        }
    }

    @FXML
    private void fork() {
        String problem = model.forkHere();
        if (problem != null) {
            forkTip.setText(problem);
        }
    }

    @FXML
    private void reexecute() {
        reexecuteButton.setDisable(true);
        reexecuteButton.setText("Re-executing…");
        model.reexecute().whenComplete((told, problem) -> {
            reexecuteButton.setDisable(false);
            reexecuteButton.setText("Re-execute");
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(problem == null
                    ? javafx.scene.control.Alert.AlertType.INFORMATION : javafx.scene.control.Alert.AlertType.WARNING,
                    problem == null ? told : problem.getMessage());
            alert.setHeaderText(problem == null ? "Re-execution" : "This trace cannot be re-executed");
            alert.initOwner(bar.getScene().getWindow());
            alert.getDialogPane().setMinWidth(560);
            alert.show();
        });
    }

    /** The timeline, for tests. */
    Timeline timeline() {
        return timeline;
    }

    /** The selection on the timeline, as the exports read it. */
    TimeRange selection() {
        return timeline.getSelection();
    }
}
