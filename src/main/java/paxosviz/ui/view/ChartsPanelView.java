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
        showSeries(throughput, points, point -> true, ChartPoint::answered);
        showSeries(mean, points, ChartPoint::hasLatency, ChartPoint::meanMs);
        showSeries(p95, points, ChartPoint::hasLatency, ChartPoint::p95Ms);
        showTimeSpan(points);
        showLatest(points);
    }

    /**
     * Brings a series to {@code points}: when the window only moved on (new seconds at the end,
     * old ones gone at the start) it removes and appends just those, so the chart re-lays out a
     * few points rather than all of them; anything else (a replay's jump) replaces them all.
     */
    private static void showSeries(XYChart.Series<Number, Number> series, List<ChartPoint> points,
            java.util.function.Predicate<ChartPoint> shown, java.util.function.ToDoubleFunction<ChartPoint> value) {
        List<XYChart.Data<Number, Number>> wanted = new ArrayList<>(points.size());
        for (ChartPoint point : points) {
            if (shown.test(point)) {
                wanted.add(new XYChart.Data<>(point.second(), value.applyAsDouble(point)));
            }
        }
        javafx.collections.ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        int drop = data.isEmpty() || wanted.isEmpty() ? -1 : indexOfSecond(data, wanted.get(0).getXValue().longValue());
        boolean movedOn = drop >= 0 && sameFrom(data, drop, wanted);
        if (!movedOn) {
            data.setAll(wanted);
            return;
        }
        if (drop > 0) {
            data.remove(0, drop);
        }
        if (wanted.size() > data.size()) {
            data.addAll(wanted.subList(data.size(), wanted.size()));
        }
    }

    private static int indexOfSecond(List<XYChart.Data<Number, Number>> data, long second) {
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).getXValue().longValue() == second) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the series from {@code from} on is the start of {@code wanted}, point for point. */
    private static boolean sameFrom(List<XYChart.Data<Number, Number>> data, int from, List<XYChart.Data<Number, Number>> wanted) {
        if (data.size() - from > wanted.size()) {
            return false;
        }
        for (int i = from; i < data.size(); i++) {
            XYChart.Data<Number, Number> had = data.get(i);
            XYChart.Data<Number, Number> want = wanted.get(i - from);
            if (had.getXValue().longValue() != want.getXValue().longValue()
                    || had.getYValue().doubleValue() != want.getYValue().doubleValue()) {
                return false;
            }
        }
        return true;
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
