package paxosviz.ui.view;

import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.SlotInspectorText;
import paxosviz.ui.viewmodel.SlotInspectorViewModel;
import paxosviz.viewstate.SlotReport;

/** The quorum inspector: the slot picked in the log, how it was decided, as of the point shown. */
public final class SlotPanelView {

    private final MainViewModel model;
    private final InvalidationListener onChange = obs -> show();
    private SlotInspectorViewModel inspector;
    /** What the status line says while nothing is in the way: how to pick a slot. */
    private String hint;

    @FXML private Label slotTitle;
    @FXML private Label slotStatus;
    @FXML private ScrollPane scroll;
    @FXML private LineChart<Number, Number> countChart;
    @FXML private NumberAxis countAxis;
    @FXML private Label majority;
    @FXML private Label why;
    @FXML private Label accepts;
    @FXML private Label learned;
    @FXML private Label promises;

    public SlotPanelView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        hint = slotStatus.getText();
        model.modelsProperty().addListener((obs, old, models) -> bind(models.inspector()));
        if (model.models() != null) {
            bind(model.models().inspector());
        }
    }

    private void bind(SlotInspectorViewModel next) {
        if (inspector != null) {
            inspector.reportProperty().removeListener(onChange);
            inspector.statusProperty().removeListener(onChange);
        }
        inspector = next;
        inspector.reportProperty().addListener(onChange);
        inspector.statusProperty().addListener(onChange);
        show();
    }

    private void show() {
        SlotReport report = inspector.reportProperty().get();
        long slot = inspector.slotProperty().get();
        String problem = inspector.statusProperty().get();
        scroll.setVisible(report != null);
        slotStatus.setVisible(!problem.isEmpty() || slot < 0);
        slotStatus.setManaged(slotStatus.isVisible());
        slotStatus.setText(problem.isEmpty() ? hint : problem);
        if (report == null) {
            slotTitle.setText(slot < 0 ? "No slot picked" : "Slot " + slot);
            return;
        }
        int nodes = inspector.nodes();
        slotTitle.setText(SlotInspectorText.title(report, nodes));
        majority.setText(SlotInspectorText.majority(report));
        why.setText(SlotInspectorText.why(report));
        accepts.setText(SlotInspectorText.accepts(report));
        learned.setText(SlotInspectorText.learned(report, nodes));
        promises.setText(SlotInspectorText.promises(report));
        chart(report, nodes);
    }

    /** The majority as a flat dashed line (series 0, styled so), then one step line per ballot: distinct acceptors over time. */
    private void chart(SlotReport report, int nodes) {
        countChart.getData().clear();
        countAxis.setUpperBound(nodes);
        double first = report.accepts().stream().mapToDouble(SlotReport.Accept::t).min().orElse(Double.NaN);
        double last = report.accepts().stream().mapToDouble(SlotReport.Accept::t).max().orElse(Double.NaN);
        if (Double.isNaN(first)) {
            return;
        }
        double pad = Math.max(1, (last - first) * 0.05);
        XYChart.Series<Number, Number> quorum = new XYChart.Series<>();
        quorum.setName("majority (" + report.quorum() + ")");
        quorum.getData().add(new XYChart.Data<>(first - pad, report.quorum()));
        quorum.getData().add(new XYChart.Data<>(last + pad, report.quorum()));
        countChart.getData().add(quorum);
        for (SlotReport.BallotCount count : report.counts()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName("ballot " + count.ballot());
            int previous = 0;
            for (SlotReport.CountStep step : count.steps()) {
                series.getData().add(new XYChart.Data<>(step.t(), previous));
                series.getData().add(new XYChart.Data<>(step.t(), step.count()));
                previous = step.count();
            }
            countChart.getData().add(series);
        }
    }
}
