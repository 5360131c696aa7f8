package paxosviz.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import paxosviz.viewstate.ChartPoint;
import paxosviz.ui.viewmodel.ChartsViewModel;
import paxosviz.ui.viewmodel.MainViewModel;

/** Throughput and commit latency per second of cluster time, as two line charts over the same time axis. */
public final class ChartsPanelView {

    /** The time axis spans at least this many seconds, so the first points do not fill the width. */
    private static final int MIN_SPAN_SECONDS = 30;

    private final MainViewModel model;
    private ChartsViewModel charts;
    private final XYChart.Series<Number, Number> throughput = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> mean = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p95 = new XYChart.Series<>();
    private final ListChangeListener<ChartPoint> onPoints = change -> show();

    @FXML private Label throughputLabel;
    @FXML private LineChart<Number, Number> throughputChart;
    @FXML private NumberAxis throughputTime;
    @FXML private Label latencyLabel;
    @FXML private LineChart<Number, Number> latencyChart;
    @FXML private NumberAxis latencyTime;

    public ChartsPanelView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        throughput.setName("answered ops/s");
        mean.setName("mean");
        p95.setName("p95");
        throughputChart.getData().add(throughput);
        latencyChart.getData().add(mean);
        latencyChart.getData().add(p95);
        model.modelsProperty().addListener((obs, old, models) -> bind(models.charts()));
        if (model.models() != null) {
            bind(model.models().charts());
        }
    }

    void bind(ChartsViewModel next) {
        if (charts != null) {
            charts.points().removeListener(onPoints);
        }
        charts = next;
        charts.points().addListener(onPoints);
        show();
    }

    private void show() {
        List<ChartPoint> points = charts.points();
        List<XYChart.Data<Number, Number>> answered = new ArrayList<>(points.size());
        List<XYChart.Data<Number, Number>> means = new ArrayList<>(points.size());
        List<XYChart.Data<Number, Number>> tails = new ArrayList<>(points.size());
        for (ChartPoint point : points) {
            answered.add(new XYChart.Data<>(point.second(), point.answered()));
            if (point.hasLatency()) {
                means.add(new XYChart.Data<>(point.second(), point.meanMs()));
                tails.add(new XYChart.Data<>(point.second(), point.p95Ms()));
            }
        }
        throughput.getData().setAll(answered);
        mean.getData().setAll(means);
        p95.getData().setAll(tails);
        showTimeSpan(points);
        showLatest(points);
    }

    private void showTimeSpan(List<ChartPoint> points) {
        long first = points.isEmpty() ? 0 : points.get(0).second();
        long last = points.isEmpty() ? 0 : points.get(points.size() - 1).second();
        long upper = Math.max(last, first + MIN_SPAN_SECONDS);
        double tick = upper - first > 60 ? 20 : 5;
        for (NumberAxis axis : List.of(throughputTime, latencyTime)) {
            axis.setLowerBound(first);
            axis.setUpperBound(upper);
            axis.setTickUnit(tick);
        }
    }

    private void showLatest(List<ChartPoint> points) {
        if (points.isEmpty()) {
            throughputLabel.setText("Waiting for the first full second of cluster time…");
            latencyLabel.setText("");
            return;
        }
        ChartPoint latest = points.get(points.size() - 1);
        throughputLabel.setText(String.format(Locale.ROOT, "%d ops answered in second %d", latest.answered(), latest.second()));
        latencyLabel.setText(latest.hasLatency()
                ? String.format(Locale.ROOT, "mean %.1f ms · p95 %.1f ms in second %d", latest.meanMs(), latest.p95Ms(), latest.second())
                : "no operation answered in second " + latest.second());
    }
}
