package paxosviz.viewstate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Command;
import paxosviz.trace.model.EventBody;

/** What the charts' fold keeps: a window of seconds, and only the invokes that may still be charted. */
class ChartsStateTest {

    @Test
    void keepsTheLastWindowOfSecondsAndForgetsOldInvokes() {
        ChartsState charts = new ChartsState();
        for (int s = 0; s < 500; s++) {
            Command never = Command.put("client" + s, 1, "k", "v"); // never answered
            charts.accept(s * 1000.0, new EventBody.Invoke(never.client(), never));
            charts.accept(s * 1000.0 + 1, new EventBody.Healed());
        }

        assertThat(charts.points()).hasSize(ChartsState.WINDOW);
        assertThat(charts.points().get(0).second()).isEqualTo(499 - ChartsState.WINDOW);
        assertThat(charts.openInvokes()).isLessThanOrEqualTo(ChartsState.WINDOW + 1);
    }

    @Test
    void aCopyGoesOnByItself() {
        ChartsState charts = new ChartsState();
        Command op = Command.put("alice", 1, "x", "1");
        charts.accept(100, new EventBody.Invoke("alice", op));
        ChartsState copy = charts.copy();
        assertThat(copy).isEqualTo(charts);

        copy.accept(150, new EventBody.Return("alice", op, paxosviz.trace.model.Outcome.OK, paxosviz.core.Result.of(op.type())));
        copy.accept(1000, new EventBody.Healed());

        assertThat(copy.points()).singleElement().satisfies(point -> assertThat(point.answered()).isEqualTo(1));
        assertThat(charts.points()).isEmpty();
        assertThat(charts.openInvokes()).isEqualTo(1);
        assertThat(copy).isNotEqualTo(charts);
    }
}
