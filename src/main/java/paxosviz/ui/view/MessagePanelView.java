package paxosviz.ui.view;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.MessageDot;
import paxosviz.ui.viewmodel.MessageRef;
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
        MessageRef ref = cluster.selectedMessageProperty().get();
        MessageDot message = cluster.message(ref);
        boolean flying = message != null;
        boolean live = cluster.isLive();
        holdButton.setText(flying && message.held() ? "Release" : "Hold");
        for (Button button : new Button[] {holdButton, deliverButton, dropButton, duplicateButton}) {
            button.setDisable(!flying || !live);
        }
        String text = flying ? MessageText.describe(message) + (live ? "" : "\n\n(a replay: fork a live run to act on messages)")
                : ref != null ? "Message #" + ref.id() + (ref.copy() > 0 ? " (duplicate " + ref.copy() + ")" : "")
                        + " is no longer on its way: " + (cluster.fateOf(ref) != null ? cluster.fateOf(ref) + "."
                                : "it arrived or was lost (the event log says which).")
                        + (cluster.messages().stream().anyMatch(dot -> dot.id() == ref.id())
                                ? "\nAnother copy of it is still on its way." : "")
                : "No message selected. Click a moving dot, or press N.";
        if (!text.equals(shown)) {
            shown = text;
            description.setText(text);
        }
    }

    @FXML
    private void toggleHold() {
        follower.cluster().toggleHoldSelected();
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
