package paxosviz.ui.view;

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
    private ClusterFollower follower;
    private String shown = "";

    @FXML private TextArea description;
    @FXML private Button holdButton;
    @FXML private Button deliverButton;
    @FXML private Button dropButton;
    @FXML private Button duplicateButton;


    public MessagePanelView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        follower = new ClusterFollower(model, ClusterViewModel::selectedMessageProperty, this::refresh);
    }

    private void refresh(ClusterViewModel cluster) {
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
        MessageDot message = follower.cluster().message(follower.cluster().selectedMessageProperty().get());
        if (message != null && message.held()) {
            follower.cluster().releaseSelected();
        } else {
            follower.cluster().holdSelected();
        }
    }

    @FXML
    private void deliver() {
        follower.cluster().deliverSelected();
    }

    @FXML
    private void drop() {
        follower.cluster().dropSelected();
    }

    @FXML
    private void duplicate() {
        follower.cluster().duplicateSelected();
    }
}
