package paxosviz.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import paxosviz.core.Command;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.session.ScriptedSession;
import paxosviz.ui.viewmodel.ChartsViewModel;
import paxosviz.ui.viewmodel.MainViewModel;

/** The charts panel on a headless screen, fed a few seconds of client operations. */
@ExtendWith(ApplicationExtension.class)
class ChartsPanelViewTest {

    private final ScriptedSession session = new ScriptedSession(3, true);
    private ChartsViewModel charts;
    private long seq;

    private Stage stage;

    /** A node of this test's window (a query over all windows may find one left over from an earlier test). */
    private javafx.scene.Node find(String selector) {
        return stage.getScene().lookup(selector);
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        MainViewModel model = new MainViewModel(null); // no session: the test binds charts of its own
        FXMLLoader loader = new FXMLLoader(getClass().getResource("/fxml/ChartsPanel.fxml"));
        loader.setControllerFactory(type -> new ChartsPanelView(model));
        Scene scene = new Scene(loader.load(), 420, 700);
        Theme.apply(scene, Theme.LIGHT);
        charts = new ChartsViewModel(session);
        ((ChartsPanelView) loader.getController()).bind(charts);
        stage.setScene(scene);
        stage.show();
    }

    private void at(double t, EventBody body) {
        session.feed(new TraceEvent(++seq, t, body));
    }

    @Test
    void plotsOperationsAndLatencyPerSecond(FxRobot robot) {
        robot.interact(() -> {
            for (int second = 0; second < 3; second++) {
                for (int i = 0; i <= second; i++) {
                    Command op = Command.put("c" + second, i, "x", "1");
                    at(second * 1000 + 100 * i, new EventBody.Invoke(op.client(), op));
                    at(second * 1000 + 100 * i + 40, new EventBody.Return(op.client(), op, Outcome.OK, Result.of(op.type())));
                }
            }
            at(3000, new EventBody.Healed()); // second 3 begins: second 2 is finished
            charts.refresh(session.frame().changed(), false);
        });

        XYChart.Series<Number, Number> throughput = chart(robot, ".throughput-chart").getData().get(0);
        assertThat(throughput.getData()).extracting(point -> point.getYValue().intValue()).containsExactly(1, 2, 3);
        LineChart<Number, Number> latency = chart(robot, ".latency-chart");
        assertThat(latency.getData()).extracting(XYChart.Series::getName).containsExactly("mean", "p95");
        assertThat(latency.getData().get(0).getData()).extracting(point -> point.getYValue().doubleValue())
                .containsExactly(40.0, 40.0, 40.0);
        assertThat(((Label) find("#throughputLabel")).getText()).isEqualTo("3 ops answered in second 2");
        assertThat(((Label) find("#latencyLabel")).getText()).startsWith("mean 40.0 ms · p95 40.");
        NumberAxis time = (NumberAxis) chart(robot, ".throughput-chart").getXAxis();
        assertThat(time.getLowerBound()).isZero();
        assertThat(time.getUpperBound()).isEqualTo(30);
    }

    @Test
    void aNewSecondAppendsOnePointAndKeepsTheOthers(FxRobot robot) {
        robot.interact(() -> {
            for (int second = 0; second < 3; second++) {
                Command op = Command.put("c", second + 1, "x", "1");
                at(second * 1000 + 100, new EventBody.Invoke(op.client(), op));
                at(second * 1000 + 140, new EventBody.Return(op.client(), op, Outcome.OK, Result.of(op.type())));
            }
            at(3000, new EventBody.Healed());
            charts.refresh(session.frame().changed(), true);
        });
        XYChart.Series<Number, Number> throughput = chart(robot, ".throughput-chart").getData().get(0);
        XYChart.Data<Number, Number> first = throughput.getData().get(0);

        robot.interact(() -> {
            at(4000, new EventBody.Healed()); // second 3 is over, with nothing answered
            charts.refresh(session.frame().changed(), true);
        });

        assertThat(throughput.getData()).hasSize(4);
        assertThat(throughput.getData().get(0)).as("the points already drawn stay").isSameAs(first);
        assertThat(throughput.getData().get(3).getYValue().intValue()).isZero();
    }

    @SuppressWarnings("unchecked")
    private LineChart<Number, Number> chart(FxRobot robot, String styleClass) {
        return ((LineChart) find(styleClass));
    }
}
