package paxosviz.ui.view;

import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.util.StringConverter;
import paxosviz.scenario.Protocol;
import paxosviz.ui.control.ClusterCanvas;
import paxosviz.ui.control.LogStrip;
import paxosviz.ui.viewmodel.CompareViewModel;
import paxosviz.ui.viewmodel.Demos;
import paxosviz.ui.viewmodel.FaultPresets;
import paxosviz.ui.viewmodel.ProtocolNames;

/**
 * The comparison window's controller: the choice of experiment and protocols, the shared clock,
 * and the two sides, each bound to its own view models. Events reach both once per frame.
 */
public final class CompareView {

    private static final String HINT = "Both clusters run the same experiment on one clock · click a link to cut it on both"
            + " · right-click a node to crash it on both";

    private final CompareViewModel model;
    private CompareSideView left;
    private CompareSideView right;
    private CompareViewModel.Sides bound;

    @FXML private ChoiceBox<Demos.Demo> demoChoice;
    @FXML private ChoiceBox<Protocol> leftChoice;
    @FXML private ChoiceBox<Protocol> rightChoice;
    @FXML private Button pauseButton;
    @FXML private Slider speedSlider;
    @FXML private Label speedLabel;
    @FXML private Label clockLabel;
    @FXML private Label banner;
    @FXML private Label leftTitle;
    @FXML private Label leftUnsafe;
    @FXML private Label leftSafety;
    @FXML private ClusterCanvas leftCanvas;
    @FXML private LogStrip leftLog;
    @FXML private Label rightTitle;
    @FXML private Label rightUnsafe;
    @FXML private Label rightSafety;
    @FXML private ClusterCanvas rightCanvas;
    @FXML private LogStrip rightLog;

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            model.onFrame();
        }
    };

    public CompareView(CompareViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        left = new CompareSideView(leftTitle, leftUnsafe, leftSafety, leftCanvas, leftLog);
        right = new CompareSideView(rightTitle, rightUnsafe, rightSafety, rightCanvas, rightLog);
        bindChoices();
        pauseButton.textProperty().bind(Bindings.when(model.pausedProperty()).then("▶ Play").otherwise("❚❚ Pause"));
        speedSlider.setMin(Math.log10(0.02));
        speedSlider.setMax(Math.log10(2));
        speedSlider.setValue(Math.log10(model.speedProperty().get()));
        speedSlider.valueProperty().addListener((obs, old, value) -> model.speedProperty().set(Math.pow(10, value.doubleValue())));
        speedLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.2fx", model.speedProperty()));
        clockLabel.textProperty().bind(Bindings.format(Locale.ROOT, "cluster time %.3f s on both",
                model.clusterMillisProperty().divide(1000)));
        model.sidesProperty().addListener((obs, old, sides) -> bindSides(sides));
        bindSides(model.sides());
        frames.start();
    }

    private void bindChoices() {
        demoChoice.getItems().setAll(Demos.all());
        demoChoice.setConverter(converter(Demos.Demo::name));
        demoChoice.valueProperty().bindBidirectional(model.demoProperty());
        for (ChoiceBox<Protocol> choice : java.util.List.of(leftChoice, rightChoice)) {
            choice.getItems().setAll(Protocol.values());
            choice.setConverter(converter(ProtocolNames::shortName));
        }
        leftChoice.valueProperty().bindBidirectional(model.leftProtocolProperty());
        rightChoice.valueProperty().bindBidirectional(model.rightProtocolProperty());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list only");
            }
        };
    }

    private void bindSides(CompareViewModel.Sides sides) {
        if (bound != null) {
            left.unbind(bound.left());
            right.unbind(bound.right());
        }
        bound = sides;
        left.bind(sides.left());
        right.bind(sides.right());
        String description = sides.left().session().info().description();
        banner.setText(description.isEmpty() ? HINT : description + "\n" + HINT);
    }

    @FXML
    private void run() {
        model.run();
    }

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
        FaultPresets.majorityMinority(model.both(), model.size());
    }

    @FXML
    private void healAll() {
        model.both().heal();
    }

    /** Space pauses or plays both, a period steps both, wherever the focus is (there is nothing to type here). */
    void installKeys(javafx.scene.Scene scene) {
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case SPACE -> model.togglePause();
                case PERIOD -> model.step();
                default -> {
                    return;
                }
            }
            event.consume();
        });
    }

    /** Stops the frame pump and both clusters: the window is closing. */
    void stop() {
        frames.stop();
        model.close();
    }
}
