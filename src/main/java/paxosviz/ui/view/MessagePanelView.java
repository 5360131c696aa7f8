package paxosviz.ui.view;

import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.MessageDot;
import paxosviz.ui.viewmodel.MessageText;

/** The selected message: what it carries, and holding, delivering, dropping or duplicating it. */
public final class MessagePanelView {

    private final MainViewModel model;
    private ClusterViewModel cluster;
    private String shown = "";

    @FXML private TextArea description;
    @FXML private Button holdButton;
    @FXML private Button deliverButton;
    @FXML private Button dropButton;
    @FXML private Button duplicateButton;

    private final ChangeListener<Number> onFrame = (obs, old, frame) -> refresh();

    public MessagePanelView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        model.modelsProperty().addListener((obs, old, models) -> bind(models.cluster()));
        if (model.models() != null) {
            bind(model.models().cluster());
        }
    }

    private void bind(ClusterViewModel next) {
        if (cluster != null) {
            cluster.frameProperty().removeListener(onFrame);
        }
        cluster = next;
        cluster.frameProperty().addListener(onFrame);
        cluster.selectedMessageProperty().addListener((obs, old, id) -> refresh());
        refresh();
    }

    private void refresh() {
        long id = cluster.selectedMessageProperty().get();
        MessageDot message = cluster.message(id);
        boolean flying = message != null;
        holdButton.setText(flying && message.held() ? "Release" : "Hold");
        for (Button button : new Button[] {holdButton, deliverButton, dropButton, duplicateButton}) {
            button.setDisable(!flying);
        }
        String text = flying ? MessageText.describe(message)
                : id >= 0 ? "Message #" + id + " has arrived or was lost." : "No message selected.";
        if (!text.equals(shown)) {
            shown = text;
            description.setText(text);
        }
    }

    @FXML
    private void toggleHold() {
        MessageDot message = cluster.message(cluster.selectedMessageProperty().get());
        if (message != null && message.held()) {
            cluster.releaseSelected();
        } else {
            cluster.holdSelected();
        }
    }

    @FXML
    private void deliver() {
        cluster.deliverSelected();
    }

    @FXML
    private void drop() {
        cluster.dropSelected();
    }

    @FXML
    private void duplicate() {
        cluster.duplicateSelected();
    }
}
