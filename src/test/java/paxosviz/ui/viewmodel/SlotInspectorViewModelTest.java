package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.session.ScriptedSession;
import paxosviz.viewstate.SlotReport;

/**
 * A live session's inspector: the scan of the spool runs while frames keep coming, and the
 * report joins both without doubling an event, showing the slot as of the last folded event
 * even when the spool is ahead of the frames.
 */
class SlotInspectorViewModelTest {

    private static final Ballot BALLOT = new Ballot(1, 0);
    private static final Command X = Command.put("alice", 1, "k", "x");

    private final ScriptedSession session = new ScriptedSession(3, true);
    private final List<TraceEvent> spool = new ArrayList<>();
    private final List<Runnable> scans = new ArrayList<>();
    private final SlotInspectorViewModel inspector =
            new SlotInspectorViewModel(session, () -> sink -> spool.forEach(sink::accept), scans::add, Runnable::run);

    private TraceEvent event(NodeEvent what, int node) {
        TraceEvent event = new TraceEvent(spool.size() + 1, spool.size() * 5.0, new EventBody.NodeStep(node, what));
        spool.add(event);
        return event;
    }

    /** The cluster emits events (spooled at once); the views fold them a frame later. */
    private void frameWith(TraceEvent... folded) {
        session.feed(folded);
        inspector.refresh(session.frame());
    }

    @Test
    void theScanAndTheFramesThatCameMeanwhileMakeOneHistoryShownAsOfTheLastFoldedEvent() {
        frameWith(event(new NodeEvent.Promised(BALLOT), 0), event(new NodeEvent.Accepted(0, BALLOT, X), 0));
        inspector.slotProperty().set(0);
        assertThat(inspector.statusProperty().get()).contains("Reading");
        assertThat(inspector.reportProperty().get()).isNull();

        frameWith(event(new NodeEvent.Accepted(0, BALLOT, X), 1));
        TraceEvent chosen = event(new NodeEvent.Chosen(0, X), 0);
        scans.remove(0).run();

        SlotReport report = inspector.reportProperty().get();
        assertThat(inspector.statusProperty().get()).isEmpty();
        assertThat(report.accepts()).extracting(SlotReport.Accept::node).containsExactly(0, 1);
        assertThat(report.counts()).singleElement().satisfies(count -> assertThat(count.reachedMajority()).isTrue());
        assertThat(report.learned()).as("spooled, not folded yet").isEmpty();

        frameWith(chosen);

        assertThat(inspector.reportProperty().get().learned()).extracting(SlotReport.Learned::node).containsExactly(0);
        assertThat(inspector.reportProperty().get().accepts()).hasSize(2);
    }

    @Test
    void aScanForASlotNoLongerPickedIsDropped() {
        frameWith(event(new NodeEvent.Accepted(0, BALLOT, X), 0));
        inspector.slotProperty().set(0);
        inspector.slotProperty().set(1);

        scans.remove(0).run();
        assertThat(inspector.reportProperty().get()).isNull();
        scans.remove(0).run();

        assertThat(inspector.reportProperty().get().slot()).isEqualTo(1);
        assertThat(inspector.reportProperty().get().accepts()).isEmpty();
    }
}
