package paxosviz.ui.view;

import java.util.Map;
import java.util.Objects;

import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import paxosviz.core.Ballot;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.NodeModel;

/** The selected node's state: role, ballots, leader it follows, progress, and its key-value contents. */
public final class NodePanelView {

    private final MainViewModel model;
    private ClusterFollower follower;
    private Map<String, String> shownContents = Map.of();

    @FXML private Label title;
    @FXML private Label hint;
    @FXML private GridPane facts;
    @FXML private HBox actions;
    @FXML private Label status;
    @FXML private Label role;
    @FXML private Label ballot;
    @FXML private Label promised;
    @FXML private Label follows;
    @FXML private Label applied;
    @FXML private Label behind;
    @FXML private Button crashButton;
    @FXML private Button isolateButton;
    @FXML private Label contentsTitle;
    @FXML private TableView<Map.Entry<String, String>> contents;
    @FXML private TableColumn<Map.Entry<String, String>, String> keyColumn;
    @FXML private TableColumn<Map.Entry<String, String>, String> valueColumn;


    public NodePanelView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        keyColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().getKey()));
        valueColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().getValue()));
        follower = new ClusterFollower(model, ClusterViewModel::selectedNodeProperty, this::refresh);
        crashButton.disableProperty().bind(model.replayingProperty());
        isolateButton.disableProperty().bind(model.replayingProperty());
    }

    private void refresh(ClusterViewModel cluster) {
        int index = cluster.selectedNodeProperty().get();
        boolean selected = index >= 0 && index < cluster.size();
        hint.setVisible(!selected);
        hint.setManaged(!selected);
        facts.setVisible(selected);
        actions.setVisible(selected);
        contents.setVisible(selected);
        contentsTitle.setVisible(selected);
        if (!selected) {
            title.setText("No node selected");
            return;
        }
        NodeModel node = cluster.nodes().get(index);
        title.setText("Node n" + index);
        status.setText(node.isUp() ? "up" : "crashed");
        role.setText(node.isUp() ? node.role().wireName() : "–");
        ballot.setText(text(node.ballotProperty().get()));
        promised.setText(text(node.promisedProperty().get()));
        int leader = node.leaderProperty().get();
        follows.setText(leader < 0 ? "no leader known" : leader == index ? "itself" : "n" + leader);
        applied.setText(node.applied() < 0 ? "nothing yet" : "slot " + node.applied());
        behind.setText(node.behind() == 0 ? "level" : node.behind() + (node.behind() == 1 ? " slot" : " slots"));
        crashButton.setText(node.isUp() ? "Crash" : "Restart");
        Map<String, String> current = cluster.contents(index);
        if (!Objects.equals(current, shownContents)) {
            shownContents = current;
            contents.setItems(FXCollections.observableArrayList(current.entrySet()));
        }
    }

    private static String text(Ballot ballot) {
        return ballot.equals(Ballot.ZERO) ? "none" : ballot.toString() + "  (round " + ballot.round() + ", node " + ballot.node() + ")";
    }

    @FXML
    private void toggleCrash() {
        follower.cluster().toggleCrash(follower.cluster().selectedNodeProperty().get());
    }

    @FXML
    private void isolate() {
        follower.cluster().isolate(follower.cluster().selectedNodeProperty().get());
    }
}
