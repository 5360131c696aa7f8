package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import paxosviz.core.Command;
import paxosviz.core.OpType;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.session.ScriptedSession;
import paxosviz.viewstate.ClientsState;

class ClientOpsViewModelTest {

    private final ScriptedSession session = new ScriptedSession(3, true);
    private final ClientOpsViewModel model = new ClientOpsViewModel(session);
    private final Events events = new Events();

    /** One frame with these events. */
    private void frame(TraceEvent... fed) {
        session.feed(fed);
        model.refresh(session.frame().changed());
    }

    @Test
    void incompleteOperationsAreExplainedNotSent() {
        assertThat(model.submit("", OpType.PUT, "x", "1", null)).contains("client");
        assertThat(model.submit("carol", OpType.PUT, " ", "1", null)).contains("key");
        assertThat(model.submit("carol", OpType.APPEND, "x", "", null)).contains("append needs a value");
        assertThat(model.submit("carol", OpType.GET, "x", null, null)).isNull();

        assertThat(session.actions()).as("only the complete one reached the cluster").containsExactly("submit carol get x null null");
    }

    @Test
    void aReplayTakesNoOperations() {
        ClientOpsViewModel watching = new ClientOpsViewModel(new ScriptedSession(3, false));

        assertThat(watching.submit("carol", OpType.GET, "x", null, null)).contains("replay", "fork");
    }

    @Test
    void answersAreListedNewestFirstWithTheirLatency() {
        Command first = Command.put("carol", 1, "x", "1");
        Command second = Command.get("carol", 2, "x");
        frame(events.at(10, new EventBody.Invoke("carol", first)),
                events.at(22.5, new EventBody.Return("carol", first, Outcome.OK, Result.of(OpType.PUT))),
                events.at(30, new EventBody.Invoke("carol", second)),
                events.at(31, new EventBody.Return("carol", second, Outcome.TIMEOUT, null)));

        assertThat(model.recent()).hasSize(2);
        assertThat(model.recent().get(0)).contains("carol#2 get x", "timed out");
        assertThat(model.recent().get(1)).startsWith("12.5 ms").contains("carol#1 put x=1 → done");
    }

    @Test
    void theListStaysShort() {
        for (int i = 1; i <= 200; i++) {
            Command cmd = Command.put("carol", i, "x", "v" + i);
            session.feed(events.at(i, new EventBody.Invoke("carol", cmd)),
                    events.at(i, new EventBody.Return("carol", cmd, Outcome.OK, Result.of(OpType.PUT))));
            if (i % 7 == 0) {
                frame();
            }
        }
        frame();

        assertThat(model.recent()).hasSize(ClientsState.RECENT);
        assertThat(model.recent().get(0)).contains("carol#200");
    }
}
