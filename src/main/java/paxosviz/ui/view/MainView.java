package paxosviz.ui.view;

import java.io.File;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.StatusBar;
import paxosviz.ui.control.ClusterCanvas;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.Demos;
import paxosviz.ui.viewmodel.FaultPresets;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.MessageKind;
import paxosviz.ui.viewmodel.SessionModels;

/**
 * The window's controller: binds the toolbar, the cluster picture and the side panels to the
 * main view model, pumps events to the view models once per frame, and maps keys to actions.
 */
public final class MainView {

    private static final double LOG_MIN_SPEED = Math.log10(0.02);
    private static final double LOG_MAX_SPEED = Math.log10(2);

    private final MainViewModel model;

    @FXML private Button pauseButton;
    @FXML private Button stepButton;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private ChoiceBox<Integer> nodeCount;
    @FXML private ToggleButton workloadToggle;
    @FXML private Slider workloadSlider;
    @FXML private Label workloadLabel;
    @FXML private Label safetyLabel;
    @FXML private javafx.scene.control.Tooltip safetyTooltip;
    @FXML private ChoiceBox<Theme> themeChoice;
    @FXML private javafx.scene.control.MenuButton demosMenu;
    @FXML private ClusterCanvas clusterCanvas;
    @FXML private FlowPane legend;
    @FXML private Label banner;
    @FXML private VBox logPane;
    @FXML private TabPane sideTabs;
    @FXML private Tab messageTab;
    @FXML private Tab eventsTab;
    @FXML private EventsPanelView eventsPanelController;
    @FXML private StatusBar statusBar;

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
        workloadToggle.selectedProperty().bindBidirectional(model.workloadProperty());
        workloadSlider.setMin(1);
        workloadSlider.setMax(200);
        workloadSlider.valueProperty().bindBidirectional(model.workloadRateProperty());
        workloadLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f/s", model.workloadRateProperty()));
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
        banner.textProperty().bind(Bindings.when(model.scenarioDescriptionProperty().isEmpty())
                .then(FIRST_STEPS).otherwise(model.scenarioDescriptionProperty()));
        for (Demos.Demo demo : Demos.all()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(demo.name());
            item.setOnAction(event -> model.openDemo(demo));
            demosMenu.getItems().add(item);
        }
        model.modelsProperty().addListener((obs, old, models) -> bindSession(models));
        if (model.models() != null) {
            bindSession(model.models());
        }
        eventsPanelController.setShown(eventsTab.isSelected());
        eventsTab.selectedProperty().addListener((obs, was, selected) -> eventsPanelController.setShown(selected));
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
        themeChoice.valueProperty().addListener((obs, old, theme) -> Theme.apply(pauseButton.getScene(), theme));
        frames.start();
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

    private void bindSession(SessionModels models) {
        clusterCanvas.setViewModel(models.cluster());
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
        models.cluster().selectedMessageProperty().addListener((obs, old, id) -> {
            // picking a send in the event log selects its message too; the log stays in front
            if (id.longValue() >= 0 && !models.events().isPickedSend(id.longValue())) {
                sideTabs.getSelectionModel().select(messageTab);
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
        ClusterViewModel cluster = models.cluster();
        int leader = cluster.leader();
        String scenario = model.scenarioNameProperty().get();
        int flying = cluster.messages().size();
        statusBar.setText(String.format(Locale.ROOT, "%scluster time %.1f s  ·  %d nodes  ·  %s  ·  %d %s on the way%s",
                scenario.isEmpty() ? "" : "scenario " + scenario + "  ·  ",
                model.clusterMillisProperty().get() / 1000, cluster.size(),
                leader >= 0 ? "leader n" + leader : "no leader",
                flying, flying == 1 ? "message" : "messages",
                model.pausedProperty().get() ? "  ·  PAUSED" : ""));
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

    @FXML
    private void majorityMinority() {
        command(FaultPresets::majorityMinority);
    }

    @FXML
    private void isolateLeader() {
        int leader = model.models().cluster().leader();
        if (leader >= 0) {
            command(cluster -> FaultPresets.isolate(cluster, leader));
        } else {
            statusBar.setText("No leader to isolate right now.");
        }
    }

    @FXML
    private void isolateSelected() {
        int selected = model.models().cluster().selectedNodeProperty().get();
        if (selected >= 0) {
            command(cluster -> FaultPresets.isolate(cluster, selected));
        }
    }

    @FXML
    private void bridge() {
        command(FaultPresets::bridge);
    }

    @FXML
    private void ring() {
        command(FaultPresets::ring);
    }

    @FXML
    private void crashSelected() {
        int selected = model.models().cluster().selectedNodeProperty().get();
        if (selected >= 0) {
            model.models().cluster().toggleCrash(selected);
        }
    }

    @FXML
    private void healAll() {
        command(cluster -> cluster.heal());
    }

    private void command(java.util.function.Consumer<paxosviz.runtime.threads.ThreadedCluster> action) {
        model.models().session().command(action);
    }

    @FXML
    private void openScenario() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios (*.json)", "*.json"));
        File file = chooser.showOpenDialog(pauseButton.getScene().getWindow());
        if (file != null) {
            openScenario(file.toPath());
        }
    }

    /** Loads a scenario; a file that cannot be used gets a dialog, and the current session goes on. */
    public void openScenario(java.nio.file.Path file) {
        String problem = model.openScenario(file);
        if (problem != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, problem);
            alert.setHeaderText("This scenario cannot be loaded");
            alert.initOwner(pauseButton.getScene().getWindow());
            alert.show();
        }
    }

    /** The safety indicator's click: the event log, unfiltered, at the event where safety broke. */
    @FXML
    private void jumpToViolation() {
        sideTabs.getSelectionModel().select(eventsTab);
        eventsPanelController.revealViolation();
    }

    // ---------------------------------------------------------------- keys

    /** Keys for everything clickable; letters work unless a text field has the focus. */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getTarget() instanceof javafx.scene.control.TextInputControl) {
                return;
            }
            if (handleKey(event)) {
                event.consume();
            }
        });
    }

    private boolean handleKey(KeyEvent event) {
        ClusterViewModel cluster = model.models().cluster();
        KeyCode code = event.getCode();
        if (code.isDigitKey() && event.isAltDown()) {
            return toggleLinkFromSelected(cluster, Integer.parseInt(code.getChar()) - 1, event.isShiftDown());
        }
        if (code.isDigitKey() && event.isControlDown()) {
            int size = Integer.parseInt(code.getChar());
            if (size == 3 || size == 5 || size == 7) {
                model.startCluster(size);
                return true;
            }
            return false;
        }
        if (code.isDigitKey() && !event.isShiftDown()) {
            int node = Integer.parseInt(code.getChar()) - 1;
            if (node >= 0 && node < cluster.size()) {
                cluster.selectedNodeProperty().set(node);
                return true;
            }
            return false;
        }
        if (event.isControlDown() && code == KeyCode.O) {
            openScenario();
            return true;
        }
        if (event.isShiftDown()) {
            switch (code) {
                case H -> toggleHold(cluster);
                case D -> cluster.deliverSelected();
                case U -> cluster.duplicateSelected();
                default -> {
                    return false;
                }
            }
            return true;
        }
        switch (code) {
            case SPACE -> togglePause();
            case PERIOD -> step();
            case MINUS, SUBTRACT -> model.speedProperty().set(Math.max(0.02, model.speedProperty().get() / 1.5));
            case PLUS, EQUALS, ADD -> model.speedProperty().set(Math.min(2, model.speedProperty().get() * 1.5));
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
            case T -> themeChoice.setValue(Theme.values()[(themeChoice.getValue().ordinal() + 1) % Theme.values().length]);
            case F1 -> showKeys();
            case DELETE, BACK_SPACE -> cluster.dropSelected();
            case ESCAPE -> {
                cluster.selectedNodeProperty().set(-1);
                cluster.selectedMessageProperty().set(-1);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Alt+digit: the link between the selected node and that one; with Shift, only from the selected node. */
    private boolean toggleLinkFromSelected(ClusterViewModel cluster, int other, boolean oneWay) {
        int selected = cluster.selectedNodeProperty().get();
        if (selected < 0 || other < 0 || other >= cluster.size() || other == selected) {
            statusBar.setText("Select a node first (1–7), then Alt+digit toggles its link to that node.");
            return true;
        }
        cluster.toggleLink(selected, other, oneWay);
        return true;
    }

    @FXML
    private void showKeys() {
        Alert keys = new Alert(Alert.AlertType.INFORMATION, KEYS);
        keys.setTitle("Keyboard");
        keys.setHeaderText("Every action has a key");
        keys.initOwner(pauseButton.getScene().getWindow());
        keys.getDialogPane().setMinWidth(560);
        keys.show();
    }

    private static final String FIRST_STEPS = "Click a link to cut it (again to restore it) · right-click a node to crash it"
            + " · click a message to hold or drop it · Space pauses · Demos has the lecture's experiments · F1 lists every key";

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
            "D      the demos menu            Ctrl+O  open a scenario  T  next theme",
            "Esc    clear the selection",
            "F1     this list");

    private static void toggleHold(ClusterViewModel cluster) {
        var selected = cluster.message(cluster.selectedMessageProperty().get());
        if (selected != null && selected.held()) {
            cluster.releaseSelected();
        } else {
            cluster.holdSelected();
        }
    }

    /** Stops the frame pump (the window is closing). */
    public void stop() {
        frames.stop();
    }
}
