package paxosviz.ui.view;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import paxosviz.core.OpType;
import paxosviz.ui.viewmodel.ClientOpsViewModel;
import paxosviz.ui.viewmodel.MainViewModel;

/** A form to send one put, get, append or cas through a chosen client, and the answers clients got. */
public final class ClientPanelView {

    private final MainViewModel model;
    private ClientOpsViewModel clients;

    @FXML private ComboBox<String> client;
    @FXML private ChoiceBox<OpType> operation;
    @FXML private TextField key;
    @FXML private TextField value;
    @FXML private TextField expect;
    @FXML private Button send;
    @FXML private Label error;
    @FXML private ListView<String> answers;
    @FXML private javafx.scene.control.ToggleButton workloadToggle;
    @FXML private javafx.scene.control.Spinner<Integer> workloadClients;
    @FXML private javafx.scene.control.Slider workloadSlider;
    @FXML private Label workloadLabel;

    public ClientPanelView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        workloadToggle.selectedProperty().bindBidirectional(model.workloadProperty());
        workloadSlider.valueProperty().bindBidirectional(model.workloadRateProperty());
        workloadLabel.textProperty().bind(javafx.beans.binding.Bindings.format(java.util.Locale.ROOT, "%.0f/s",
                model.workloadRateProperty()));
        workloadClients.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1, 16,
                model.workloadClientsProperty().get()));
        workloadClients.valueProperty().addListener((obs, old, count) -> model.workloadClientsProperty().set(count));
        model.workloadClientsProperty().addListener((obs, old, count) -> workloadClients.getValueFactory().setValue(count.intValue()));
        client.getItems().setAll("carol", "dave", "alice", "bob");
        client.setValue("carol");
        operation.getItems().setAll(OpType.PUT, OpType.GET, OpType.APPEND, OpType.CAS);
        operation.setValue(OpType.PUT);
        operation.valueProperty().addListener((obs, old, type) -> enableFields(type));
        enableFields(OpType.PUT);
        model.modelsProperty().addListener((obs, old, models) -> bind(models.clients()));
        if (model.models() != null) {
            bind(model.models().clients());
        }
    }

    private void bind(ClientOpsViewModel next) {
        clients = next;
        answers.setItems(clients.recent());
    }

    private void enableFields(OpType type) {
        value.setDisable(type == OpType.GET);
        expect.setDisable(type != OpType.CAS);
    }

    @FXML
    private void send() {
        String problem = clients.submit(client.getEditor().getText(), operation.getValue(), key.getText(), value.getText(), expect.getText());
        error.setText(problem == null ? "" : problem);
    }
}
