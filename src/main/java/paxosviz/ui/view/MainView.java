package paxosviz.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.StatusBar;
import paxosviz.export.Exporter;
import paxosviz.ui.control.ClusterCanvas;
import paxosviz.ui.session.LiveControls;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.Demos;
import paxosviz.ui.viewmodel.FaultPresets;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.MessageKind;
import paxosviz.ui.viewmodel.RecentFiles;
import paxosviz.ui.viewmodel.SessionModels;

/**
 * The window's controller: binds the toolbar, the cluster picture and the side panels to the
 * main view model, pumps events to the view models once per frame, opens files (menu, recent
 * list, drag and drop), and maps keys to actions.
 */
public final class MainView {

    private static final double LOG_MIN_SPEED = Math.log10(0.02);
    private static final double LOG_MAX_SPEED = Math.log10(2);

    private final MainViewModel model;

    @FXML private Button pauseButton;
    @FXML private Button stepButton;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private HBox liveControls;
    @FXML private ChoiceBox<Integer> nodeCount;
    @FXML private MenuButton faultsMenu;
    @FXML private ToggleButton workloadToggle;
    @FXML private Label safetyLabel;
    @FXML private javafx.scene.control.Tooltip safetyTooltip;
    @FXML private ChoiceBox<Theme> themeChoice;
    @FXML private MenuButton demosMenu;
    @FXML private MenuButton fileMenu;
    @FXML private Menu recentMenu;
    @FXML private MenuItem replaySessionItem;
    @FXML private MenuItem backToLiveItem;
    @FXML private ClusterCanvas clusterCanvas;
    @FXML private FlowPane legend;
    @FXML private Label banner;
    @FXML private VBox narration;
    private Alert keys;
    @FXML private Label narrationText;
    @FXML private Label narrationHint;
    @FXML private Label modeBadge;
    @FXML private Label unsafeBadge;
    @FXML private javafx.scene.control.Tooltip unsafeTooltip;
    @FXML private Label recordBadge;
    @FXML private javafx.scene.control.Tooltip recordTooltip;
    @FXML private VBox loadingPane;
    @FXML private Label loadingLabel;
    @FXML private ProgressBar loadingBar;
    @FXML private VBox logPane;
    @FXML private javafx.scene.control.SplitPane centerSplit;
    @FXML private TabPane sideTabs;
    @FXML private ToggleButton sideToggle;
    @FXML private Tab nodeTab;
    @FXML private Tab messageTab;
    @FXML private Tab slotTab;
    @FXML private Tab eventsTab;
    @FXML private EventsPanelView eventsPanelController;
    @FXML private ReplayBarView replayBarController;
    @FXML private Tab spaceTimeTab;
    @FXML private SpaceTimePaneView spaceTimePaneController;
    @FXML private StatusBar statusBar;

    private ExportActions exports;
    private String notice;
    private long noticeUntil;

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            model.onFrame();
            refreshStatus();
        }
    };

    public MainView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        pauseButton.textProperty().bind(Bindings.when(model.pausedProperty()).then("▶ Play").otherwise("❚❚ Pause"));
        bindSpeed();
        nodeCount.getItems().setAll(3, 5, 7);
        nodeCount.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer nodes) {
                return nodes == null ? "" : nodes + " nodes";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.split(" ")[0]);
            }
        });
        workloadToggle.selectedProperty().bindBidirectional(model.workloadProperty());
        buildLegend();
        banner.textProperty().bind(Bindings.when(model.unsafeProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("⚠ UNSAFE on purpose: ", model.unsafeProperty(), ".  "))
                .concat(Bindings.when(model.scenarioDescriptionProperty().isEmpty())
                        .then(Bindings.when(model.replayingProperty()).then(REPLAY_STEPS).otherwise(FIRST_STEPS))
                        .otherwise(model.scenarioDescriptionProperty())));
        unsafeBadge.visibleProperty().bind(model.unsafeProperty().isNotEmpty());
        unsafeBadge.managedProperty().bind(unsafeBadge.visibleProperty());
        unsafeTooltip.textProperty().bind(Bindings.concat("Unsafe on purpose, for teaching: ", model.unsafeProperty()));
        // the first steps are for a first look; on a small screen the picture needs the room more
        // while a caption tells the story the description steps aside, so the picture keeps its room
        banner.visibleProperty().bind(model.caption().showingProperty().not().and(
                model.scenarioDescriptionProperty().isNotEmpty().or(model.replayingProperty())
                        .or(clusterCanvas.heightProperty().greaterThan(360))));
        banner.managedProperty().bind(banner.visibleProperty());
        javafx.scene.control.CheckMenuItem simulator = new javafx.scene.control.CheckMenuItem(
                "Run on the deterministic simulator (same every time; the trace re-runs and forks)");
        simulator.selectedProperty().bindBidirectional(model.onSimulatorProperty());
        javafx.scene.control.CheckMenuItem stops = new javafx.scene.control.CheckMenuItem(
                "Stop at the captions that ask to (Space or Enter goes on)");
        stops.selectedProperty().bindBidirectional(model.stopAtCaptionsProperty());
        demosMenu.getItems().addAll(simulator, stops, new javafx.scene.control.SeparatorMenuItem());
        demosMenu.getItems().addAll(DemoMenu.items(Demos.all(), model::openDemo));
        bindNarration();
        addComparisons();
        model.modelsProperty().addListener((obs, old, models) -> bindSession(models));
        if (model.models() != null) {
            bindSession(model.models());
        }
        eventsPanelController.setShown(eventsTab.isSelected());
        eventsTab.selectedProperty().addListener((obs, was, selected) -> eventsPanelController.setShown(selected));
        spaceTimePaneController.shownProperty().bind(spaceTimeTab.selectedProperty());
        bindThemes();
        bindReplayMode();
        bindLoading();
        showRecording();
        fitSidePanel();
        javafx.scene.control.SplitPane.setResizableWithParent(logPane, false);
        centerSplit.heightProperty().addListener((obs, old, height) -> {
            if (old.doubleValue() == 0 && height.doubleValue() > 0) {
                fitLogPane();
            }
        });
        exports = new ExportActions(model, this::window, this::showProblem, this::tell);
        fileMenu.setOnShowing(event -> fillRecent());
        model.onProblem(this::showProblem);
        frames.start();
    }

    /** The caption band over the cluster: large, above the picture rather than on it, so it hides no node. */
    private void bindNarration() {
        narrationText.textProperty().bind(model.caption().textProperty());
        narration.visibleProperty().bind(model.caption().showingProperty());
        narration.managedProperty().bind(narration.visibleProperty());
        narrationHint.visibleProperty().bind(model.caption().waitingProperty());
        narrationHint.managedProperty().bind(narrationHint.visibleProperty());
    }

    /** The comparisons open in a window of their own: a demo under two protocols side by side. */
    private void addComparisons() {
        demosMenu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        for (paxosviz.ui.viewmodel.Comparisons.Preset preset : paxosviz.ui.viewmodel.Comparisons.all()) {
            MenuItem item = new MenuItem(preset.label());
            item.setOnAction(event -> CompareWindow.open(window(), preset));
            demosMenu.getItems().add(item);
        }
    }

    private void buildLegend() {
        for (MessageKind kind : MessageKind.values()) {
            if (kind != MessageKind.OTHER) {
                Circle dot = new Circle(5);
                dot.setStyle("-fx-fill: " + kind.color() + ";");
                dot.getStyleClass().addAll("legend-dot", kind.styleClass());
                Label label = new Label(kind.label(), dot);
                label.getStyleClass().add("legend-item");
                legend.getChildren().add(label);
            }
        }
        legend.setMouseTransparent(true);
    }

    private void bindThemes() {
        themeChoice.getItems().setAll(Theme.values());
        themeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Theme theme) {
                return theme == null ? "" : theme.label();
            }

            @Override
            public Theme fromString(String text) {
                return Theme.valueOf(text);
            }
        });
        themeChoice.setValue(Theme.LIGHT);
        themeChoice.valueProperty().addListener((obs, old, theme) -> {
            Theme.apply(pauseButton.getScene(), theme);
            presentFullScreen(theme == Theme.PRESENTER);
            // a theme has its own cell size: lay the window out in it, then fit the log to its rows
            pauseButton.getScene().getRoot().applyCss();
            pauseButton.getScene().getRoot().layout();
            fitLogPane();
        });
    }

    /** Presenter mode fills the projector; F11 leaves or enters full screen, Escape stays for the selection. */
    private void presentFullScreen(boolean full) {
        if (window() instanceof javafx.stage.Stage stage) {
            stage.setFullScreenExitKeyCombination(new javafx.scene.input.KeyCodeCombination(KeyCode.F11));
            stage.setFullScreenExitHint(full ? "F11 leaves full screen · T changes the theme" : null);
            stage.setFullScreen(full);
        }
    }

    /** In a replay the live-only controls step aside and a badge says what is shown. */
    private void bindReplayMode() {
        liveControls.visibleProperty().bind(model.replayingProperty().not());
        liveControls.managedProperty().bind(model.replayingProperty().not());
        for (Node live : List.of(speedSlider, speedLabel)) {
            live.visibleProperty().bind(model.replayingProperty().not());
            live.managedProperty().bind(model.replayingProperty().not());
        }
        modeBadge.visibleProperty().bind(model.replayingProperty());
        modeBadge.managedProperty().bind(model.replayingProperty());
        backToLiveItem.disableProperty().bind(model.replayingProperty().not());
        replaySessionItem.disableProperty().bind(model.replayingProperty());
        stepButton.textProperty().bind(Bindings.when(model.replayingProperty()).then("Step ▶").otherwise("Step"));
    }

    private void bindLoading() {
        loadingPane.visibleProperty().bind(model.opener().loadingProperty());
        loadingPane.managedProperty().bind(model.opener().loadingProperty());
        loadingBar.progressProperty().bind(model.opener().progressProperty());
        loadingLabel.textProperty().bind(model.opener().messageProperty());
    }

    /** The side panel takes at most a third of the window (the presenter theme asks for a wide one), or nothing when hidden. */
    private void fitSidePanel() {
        sideTabs.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                sideTabs.maxWidthProperty().bind(scene.widthProperty().multiply(0.34));
            }
        });
        sideToggle.selectedProperty().addListener((obs, was, shown) -> {
            sideTabs.setVisible(shown);
            sideTabs.setManaged(shown);
        });
    }

    /** With --record, a badge says the live session is being written, and where. */
    private void showRecording() {
        Path file = model.recordingTo();
        recordBadge.setVisible(file != null);
        recordBadge.setManaged(file != null);
        if (file != null) {
            recordTooltip.setText("Recording the live session's trace to " + file.toAbsolutePath()
                    + " (it starts over with each new cluster, and is complete when the window closes)");
        }
    }

    /** The speed slider moves on a log scale: the slow end, where lectures live, gets most of its travel. */
    private void bindSpeed() {
        speedSlider.setMin(LOG_MIN_SPEED);
        speedSlider.setMax(LOG_MAX_SPEED);
        speedSlider.setValue(Math.log10(model.speedProperty().get()));
        speedSlider.valueProperty().addListener((obs, old, value) -> model.speedProperty().set(Math.pow(10, value.doubleValue())));
        model.speedProperty().addListener((obs, old, value) -> speedSlider.setValue(Math.log10(value.doubleValue())));
        speedLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.2fx", model.speedProperty()));
    }

    /**
     * Gives the log the height its rows ask for and the cluster picture the rest; from then on a
     * resized window changes the picture, not the log. A new cluster of another size refits it.
     */
    private void fitLogPane() {
        double total = centerSplit.getHeight();
        if (total <= 0) {
            return;
        }
        double wanted = logPane.prefHeight(logPane.getWidth() > 0 ? logPane.getWidth() : -1) + 6;
        centerSplit.setDividerPositions(Math.max(0.55, Math.min(0.8, 1 - wanted / total)));
    }

    private void bindSession(SessionModels models) {
        boolean resized = clusterCanvas.getViewModel() == null || clusterCanvas.getViewModel().size() != models.cluster().size();
        clusterCanvas.setViewModel(models.cluster());
        if (resized) {
            javafx.application.Platform.runLater(this::fitLogPane);
        }
        nodeCount.setOnAction(null);
        nodeCount.setValue(models.cluster().size());
        nodeCount.setOnAction(event -> {
            Integer chosen = nodeCount.getValue();
            if (chosen != null && chosen != model.models().cluster().size()) {
                model.startCluster(chosen);
            }
        });
        safetyLabel.textProperty().bind(models.safety().textProperty());
        safetyTooltip.textProperty().bind(models.safety().detailProperty());
        models.safety().safeProperty().addListener((obs, old, safe) -> styleSafety(safe));
        styleSafety(models.safety().safeProperty().get());
        models.cluster().selectedMessageProperty().addListener((obs, old, ref) -> {
            // picking a send in the event log selects its message too; the log stays in front
            if (ref != null && !models.events().isPickedSend(ref.id())) {
                sideTabs.getSelectionModel().select(messageTab);
            }
        });
        models.cluster().selectedNodeProperty().addListener((obs, old, node) -> {
            if (node.intValue() >= 0 && sideTabs.getSelectionModel().getSelectedItem() != eventsTab) {
                sideTabs.getSelectionModel().select(nodeTab);
            }
        });
        models.inspector().slotProperty().addListener((obs, old, slot) -> {
            if (slot.longValue() >= 0) {
                sideTabs.getSelectionModel().select(slotTab);
            }
        });
    }

    private void styleSafety(boolean safe) {
        safetyLabel.getStyleClass().removeAll("safety-ok", "safety-broken");
        safetyLabel.getStyleClass().add(safe ? "safety-ok" : "safety-broken");
    }

    private void refreshStatus() {
        SessionModels models = model.models();
        if (models == null) {
            return;
        }
        if (notice != null && System.nanoTime() < noticeUntil) {
            statusBar.setText(notice);
            return;
        }
        notice = null;
        ClusterViewModel cluster = models.cluster();
        int leader = cluster.leader();
        String scenario = model.scenarioNameProperty().get();
        int flying = cluster.messages().size();
        String where = models.isReplay()
                ? String.format(Locale.ROOT, "replay  ·  event %,d of %,d  ·  ", model.replay().position(), model.replay().size())
                : "";
        statusBar.setText(String.format(Locale.ROOT, "%s%scluster time %.3f s  ·  %d nodes  ·  %s  ·  %d %s on the way%s",
                where, scenario.isEmpty() ? "" : (models.isReplay() ? "trace " : "scenario ") + scenario + "  ·  ",
                model.clusterMillisProperty().get() / 1000, cluster.size(),
                leader >= 0 ? (cluster.nodes().get(leader).role() == paxosviz.core.Role.PRIMARY ? "primary n" : "leader n") + leader
                        : "no leader",
                flying, flying == 1 ? "message" : "messages",
                model.pausedProperty().get() ? "  ·  PAUSED" : ""));
    }

    /** Shows a line in the status bar for a few seconds. */
    void tell(String text) {
        notice = text;
        noticeUntil = System.nanoTime() + 4_000_000_000L;
        statusBar.setText(text);
    }

    // ---------------------------------------------------------------- actions

    @FXML
    private void togglePause() {
        model.togglePause();
    }

    @FXML
    private void step() {
        model.step();
    }

    /** The live controls, or null with a word to the user in a replay. */
    private LiveControls live() {
        SessionModels models = model.models();
        LiveControls controls = models == null ? null : models.session().live();
        if (controls == null) {
            tell("This is a replay: fork a live run from here (F) to change what happens.");
        }
        return controls;
    }

    private int size() {
        return model.models().cluster().size();
    }

    @FXML
    private void majorityMinority() {
        LiveControls controls = live();
        if (controls != null) {
            FaultPresets.majorityMinority(controls, size());
        }
    }

    @FXML
    private void isolateLeader() {
        LiveControls controls = live();
        int leader = model.models().cluster().leader();
        if (controls != null && leader >= 0) {
            FaultPresets.isolate(controls, leader);
        } else if (controls != null) {
            tell("No leader to isolate right now.");
        }
    }

    @FXML
    private void isolateSelected() {
        LiveControls controls = live();
        int selected = model.models().cluster().selectedNodeProperty().get();
        if (controls != null && selected >= 0) {
            FaultPresets.isolate(controls, selected);
        }
    }

    @FXML
    private void bridge() {
        LiveControls controls = live();
        if (controls != null) {
            FaultPresets.bridge(controls, size());
        }
    }

    @FXML
    private void ring() {
        LiveControls controls = live();
        if (controls != null) {
            FaultPresets.ring(controls, size());
        }
    }

    @FXML
    private void crashSelected() {
        int selected = model.models().cluster().selectedNodeProperty().get();
        if (selected >= 0 && live() != null) {
            model.models().cluster().toggleCrash(selected);
        }
    }

    @FXML
    private void healAll() {
        LiveControls controls = live();
        if (controls != null) {
            controls.heal();
        }
    }

    // ---------------------------------------------------------------- files

    @FXML
    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario or a trace");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Scenarios and traces", "*.json", "*.jsonl", "*.jsonl.gz", "*.gz"),
                new FileChooser.ExtensionFilter("Any file", "*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Opens a scenario (it runs live) or a trace (it replays), told apart by content; a file that cannot be used gets a dialog. */
    public void open(Path file) {
        String problem = model.open(file);
        if (problem != null) {
            showProblem("This file cannot be opened", problem);
        }
    }

    /** Kept for callers that know they hold a scenario. */
    public void openScenario(Path file) {
        open(file);
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        List<Path> recent = RecentFiles.list();
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem("(nothing opened yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
        for (Path file : recent) {
            MenuItem item = new MenuItem(file.getFileName() + "   —   " + file.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> open(file));
            recentMenu.getItems().add(item);
        }
    }

    @FXML
    private void replaySession() {
        exports.replayLiveSession();
    }

    @FXML
    private void backToLive() {
        model.backToLive();
    }

    @FXML
    private void exportTrace() {
        exports.exportTrace();
    }

    @FXML
    private void exportShiviz() {
        exports.exportAs(Exporter.Format.SHIVIZ);
    }

    @FXML
    private void exportSvg() {
        exports.exportAs(Exporter.Format.SVG);
    }

    @FXML
    private void exportPng() {
        exports.exportAs(Exporter.Format.PNG);
    }

    @FXML
    private void exportHistory() {
        exports.exportAs(Exporter.Format.HISTORY);
    }

    /** Closes the window; with --record, the session's end state is recorded first. */
    @FXML
    private void quit() {
        javafx.application.Platform.exit();
    }

    @FXML
    private void cancelLoading() {
        model.opener().cancel();
    }

    private void showProblem(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.setHeaderText(header);
        alert.initOwner(window());
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }

    private javafx.stage.Window window() {
        return pauseButton.getScene().getWindow();
    }

    /** The safety indicator's click: the event log, unfiltered, at the event where safety broke (in a replay, the point of it). */
    @FXML
    private void jumpToViolation() {
        sideTabs.getSelectionModel().select(eventsTab);
        if (model.replay() != null && model.replay().jumpToFirstViolation()) {
            model.onFrame(); // the event log takes in the events up to the violation before it looks for it
        }
        eventsPanelController.revealViolation();
    }

    // ---------------------------------------------------------------- drag and drop, keys

    /** Files dropped on the window open as if chosen from the menu: the first one. */
    public void installDragAndDrop(Scene scene) {
        scene.addEventFilter(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, event -> {
            List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                open(files.get(0).toPath());
            }
            event.setDropCompleted(!files.isEmpty());
            event.consume();
        });
    }

    /**
     * Keys for everything clickable. They work whichever panel has the focus, except while
     * typing in a field meant for typing (the message text is for reading, so keys work there).
     */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (isTyping(event.getTarget())) {
                return;
            }
            if (handleKey(event)) {
                event.consume();
            }
        });
    }

    private static boolean isTyping(Object target) {
        return target instanceof TextInputControl input && input.isEditable()
                || target instanceof Node node && node.getParent() instanceof Spinner<?>;
    }

    private boolean handleKey(KeyEvent event) {
        ClusterViewModel cluster = model.models().cluster();
        KeyCode code = event.getCode();
        if (code.isDigitKey() && event.isAltDown()) {
            return toggleLinkFromSelected(cluster, digit(code) - 1, event.isShiftDown());
        }
        if (code.isDigitKey() && event.isShortcutDown()) {
            int size = digit(code);
            if (size == 3 || size == 5 || size == 7) {
                model.startCluster(size);
                return true;
            }
            return false;
        }
        if (code.isDigitKey() && !event.isShiftDown()) {
            int node = digit(code) - 1;
            if (node >= 0 && node < cluster.size()) {
                cluster.selectedNodeProperty().set(node);
                return true;
            }
            return false;
        }
        if (event.isShortcutDown()) {
            return shortcutKey(code);
        }
        if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            faster();
            return true;
        }
        if (model.replay() != null && replayKey(event)) {
            return true;
        }
        if (event.isShiftDown()) {
            return shiftedKey(cluster, code);
        }
        return plainKey(cluster, code);
    }

    private static int digit(KeyCode code) {
        return Integer.parseInt(code.getChar());
    }

    private boolean shortcutKey(KeyCode code) {
        switch (code) {
            case O -> openFile();
            case E -> exportTrace();
            case R -> replaySession();
            case L -> backToLive();
            case Q -> quit();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** In a replay: arrows step, brackets jump between markers, F forks, Escape leaves for the live session. */
    private boolean replayKey(KeyEvent event) {
        switch (event.getCode()) {
            case LEFT, COMMA -> model.stepBack();
            case RIGHT, PERIOD -> model.step();
            case HOME -> model.replay().seek(0);
            case END -> model.replay().seek(model.replay().size());
            case ENTER -> nextCaption();
            case OPEN_BRACKET -> replayBarController.previousMarker();
            case CLOSE_BRACKET -> replayBarController.nextMarker();
            case F -> {
                String problem = model.forkHere();
                if (problem != null) {
                    tell(problem);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean shiftedKey(ClusterViewModel cluster, KeyCode code) {
        switch (code) {
            case H -> cluster.toggleHoldSelected();
            case D -> cluster.deliverSelected();
            case U -> cluster.duplicateSelected();
            default -> {
                return false;
            }
        }
        tellRefusal(cluster);
        return true;
    }

    private boolean plainKey(ClusterViewModel cluster, KeyCode code) {
        switch (code) {
            case SPACE -> togglePause();
            case PERIOD -> step();
            case MINUS, SUBTRACT -> slower();
            case C -> crashSelected();
            case I -> isolateSelected();
            case L -> isolateLeader();
            case M -> majorityMinority();
            case B -> bridge();
            case R -> ring();
            case H -> healAll();
            case W -> model.workloadProperty().set(!model.workloadProperty().get());
            case N -> cluster.selectNextMessage();
            case D -> demosMenu.show();
            case S -> sideToggle.setSelected(!sideToggle.isSelected());
            case G -> legend.setVisible(!legend.isVisible());
            case ENTER -> nextCaption();
            case PAGE_DOWN -> openNeighbourDemo(1);
            case PAGE_UP -> openNeighbourDemo(-1);
            case F11 -> {
                if (window() instanceof javafx.stage.Stage stage) {
                    stage.setFullScreen(!stage.isFullScreen());
                }
            }
            case T -> themeChoice.setValue(Theme.values()[(themeChoice.getValue().ordinal() + 1) % Theme.values().length]);
            case F1 -> showKeys();
            case DELETE, BACK_SPACE -> {
                cluster.dropSelected();
                tellRefusal(cluster);
            }
            case ESCAPE -> {
                cluster.selectedNodeProperty().set(-1);
                cluster.selectedMessageProperty().set(null);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Live: a run waiting on a caption goes on. Replay: the next caption of the trace. */
    private void nextCaption() {
        if (model.replay() != null) {
            paxosviz.replay.Marker next = model.replay().nextMarker(java.util.EnumSet.of(paxosviz.replay.Marker.Kind.CAPTION));
            if (next != null) {
                model.replay().jumpTo(next);
            }
        } else if (model.caption().waitingProperty().get()) {
            togglePause();
        }
    }

    /** The demo after (or before) the one running, in the lecture's order: a clicker's Page Down and Page Up. */
    private void openNeighbourDemo(int step) {
        List<Demos.Demo> demos = Demos.all();
        int current = -1;
        for (int i = 0; i < demos.size(); i++) {
            if (demos.get(i).name().equals(model.scenarioNameProperty().get())) {
                current = i;
            }
        }
        int next = Math.floorMod(current + step, demos.size());
        model.openDemo(demos.get(current < 0 && step < 0 ? demos.size() - 1 : next));
    }

    private void tellRefusal(ClusterViewModel cluster) {
        if (cluster.refusal() != null) {
            tell(cluster.refusal());
        }
    }

    private void faster() {
        if (model.replay() != null) {
            model.replaySpeedProperty().set(Math.min(100, model.replaySpeedProperty().get() * 1.5));
        } else {
            model.speedProperty().set(Math.min(2, model.speedProperty().get() * 1.5));
        }
    }

    private void slower() {
        if (model.replay() != null) {
            model.replaySpeedProperty().set(Math.max(0.1, model.replaySpeedProperty().get() / 1.5));
        } else {
            model.speedProperty().set(Math.max(0.02, model.speedProperty().get() / 1.5));
        }
    }

    /** Alt+digit: the link between the selected node and that one; with Shift, only from the selected node. */
    private boolean toggleLinkFromSelected(ClusterViewModel cluster, int other, boolean oneWay) {
        int selected = cluster.selectedNodeProperty().get();
        if (selected < 0 || other < 0 || other >= cluster.size() || other == selected) {
            tell("Select a node first (1–7), then Alt+digit toggles its link to that node.");
            return true;
        }
        cluster.toggleLink(selected, other, oneWay);
        tellRefusal(cluster);
        return true;
    }

    @FXML
    /** F1 or "?" shows every key beside the window, and hides it again; it never blocks the window. */
    private void showKeys() {
        if (keys != null && keys.isShowing()) {
            keys.close();
            return;
        }
        keys = new Alert(Alert.AlertType.INFORMATION, KEYS);
        keys.setTitle("Keyboard");
        keys.setHeaderText("Every action has a key (F1 again hides this)");
        keys.initOwner(window());
        keys.initModality(javafx.stage.Modality.NONE);
        keys.getDialogPane().setMinWidth(600);
        keys.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.F1) {
                keys.close();
            }
        });
        keys.show();
    }

    private static final String FIRST_STEPS = "Click a link to cut it · right-click a node to crash it · click a message"
            + " to hold or drop it · Space pauses · F1: every key";

    private static final String REPLAY_STEPS = "A replay: drag the timeline, or ← → to step one event, Space to play"
            + " · [ ] jump between markers · F forks a live run from here · Ctrl+L back to the live session";

    private static final String KEYS = String.join("\n",
            "Space  pause or play            .  single step (while paused)",
            "-  +   slower, faster            W  workload on or off",
            "1–7    select a node             C  crash or restart the selected node",
            "I      isolate the selected node  L  isolate the leader",
            "M      majority | minority       B  bridge       R  majorities ring",
            "H      heal all                  Alt+digit  cut or restore the link from the selected node",
            "Alt+Shift+digit  cut or restore one direction only",
            "N      select the next message in flight    Shift+H  hold or release it",
            "Shift+D  deliver it now          Delete  drop it        Shift+U  duplicate it",
            "Ctrl+3, Ctrl+5, Ctrl+7  a new cluster of that size",
            "D      the demos menu            Ctrl+O  open a scenario or a trace  T  next theme",
            "S      show or hide the side panel   G  show or hide the legend   F11  full screen",
            "Enter  next caption (a narrated demo waits on it)   PgDn PgUp  next, previous demo",
            "Ctrl+R  replay this session so far        Ctrl+E  export the trace     Ctrl+L  back to live",
            "Ctrl+Q  quit (a recorded session gets its end state)",
            "In a replay:  ← →  one event back, forward     Home End  start, end",
            "              [ ]  previous, next marker        F  fork a live run from here",
            "Esc    clear the selection",
            "F1     show or hide this list");

    /** Stops the frame pump (the window is closing). */
    public void stop() {
        frames.stop();
    }
}
