package paxosviz.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.MainViewModel;

/** The delay range and the drop and duplicate rates of every link. */
public final class NetworkPanelView {

    private final MainViewModel model;

    @FXML private Slider minDelay;
    @FXML private Slider maxDelay;
    @FXML private Slider drop;
    @FXML private Slider duplicate;
    @FXML private Label minDelayLabel;
    @FXML private Label maxDelayLabel;
    @FXML private Label dropLabel;
    @FXML private Label duplicateLabel;
    @FXML private javafx.scene.control.ListView<String> cuts;
    private List<String> shownCuts = List.of();

    public NetworkPanelView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        minDelay.valueProperty().bindBidirectional(model.minDelayMsProperty());
        maxDelay.valueProperty().bindBidirectional(model.maxDelayMsProperty());
        drop.valueProperty().bindBidirectional(model.dropProperty());
        duplicate.valueProperty().bindBidirectional(model.duplicateProperty());
        minDelayLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f ms", model.minDelayMsProperty()));
        maxDelayLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f ms", model.maxDelayMsProperty()));
        dropLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f%%", model.dropProperty().multiply(100)));
        duplicateLabel.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f%%", model.duplicateProperty().multiply(100)));
        for (Slider slider : List.of(minDelay, maxDelay, drop, duplicate)) {
            slider.disableProperty().bind(model.replayingProperty());
        }
        new ClusterFollower(model, ClusterViewModel::selectedNodeProperty, this::showCuts);
    }

    /** Each direction cut, one per line; a link cut both ways is one line. */
    private void showCuts(ClusterViewModel cluster) {
        List<String> lines = new ArrayList<>();
        for (int[] cut : cluster.cuts()) {
            int from = cut[0];
            int to = cut[1];
            boolean back = !cluster.isLinkUp(to, from);
            if (back && from > to) {
                continue;
            }
            lines.add(back ? "n" + from + " ⇄ n" + to + "   both ways" : "n" + from + " → n" + to + "   one way (n" + to + " → n" + from + " works)");
        }
        if (!lines.equals(shownCuts)) {
            shownCuts = lines;
            cuts.getItems().setAll(lines);
        }
    }
}
