package paxosviz.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static paxosviz.ui.viewmodel.SyntheticEvents.accept;
import static paxosviz.ui.viewmodel.SyntheticEvents.applied;
import static paxosviz.ui.viewmodel.SyntheticEvents.heartbeat;
import static paxosviz.ui.viewmodel.SyntheticEvents.invoke;
import static paxosviz.ui.viewmodel.SyntheticEvents.leader;
import static paxosviz.ui.viewmodel.SyntheticEvents.ok;
import static paxosviz.ui.viewmodel.SyntheticEvents.put;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleLongProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.Wire;
import paxosviz.ui.session.Frame;
import paxosviz.ui.session.ScriptedSession;

class EventLogViewModelTest {

    private final SyntheticEvents events = new SyntheticEvents();
    private final SimpleLongProperty violationSeq = new SimpleLongProperty(-1);
    private ScriptedSession session;
    private ClusterViewModel cluster;

    @BeforeEach
    void cluster() {
        // the event log reads only the cluster picture's size and messages in flight
        session = new ScriptedSession(5, true);
        cluster = new ClusterViewModel(session);
    }

    private EventLogViewModel log(int capacity, int checkedCapacity) {
        return new EventLogViewModel(cluster, violationSeq, capacity, checkedCapacity);
    }

    /** A frame's worth of traffic: n heartbeats from n0 to n1, one ms apart. */
    private void heartbeats(EventLogViewModel log, int n) {
        for (int i = 0; i < n; i++) {
            log.accept(events.at(events.lastSeq(), events.send(0, 1, heartbeat())));
        }
        log.endBatch();
    }

    @Test
    void rowsChangeOncePerBatch() {
        EventLogViewModel log = log(1000, 1000);
        AtomicInteger changes = new AtomicInteger();
        log.rows().addListener((ListChangeListener<TraceEvent>) change -> changes.incrementAndGet());

        for (int i = 0; i < 300; i++) {
            log.accept(events.at(i, events.send(0, 1, heartbeat())));
        }
        assertThat(log.rows()).isEmpty();
        log.endBatch();

        assertThat(log.rows()).hasSize(300);
        assertThat(changes).hasValue(1);
        log.endBatch();
        assertThat(changes).as("an empty frame changes nothing").hasValue(1);
    }

    @Test
    void keepsOnlyTheLatestEvents() {
        EventLogViewModel log = log(100, 100);
        for (int frame = 0; frame < 20; frame++) {
            heartbeats(log, 50);
        }
        assertThat(log.rows()).hasSize(100);
        assertThat(log.rows().get(0).seq()).isEqualTo(901);
        assertThat(log.rows().get(99).seq()).isEqualTo(1000);
    }

    @Test
    void aBurstLargerThanTheWindowKeepsItsNewestEvents() {
        EventLogViewModel log = log(100, 100);
        heartbeats(log, 250);
        assertThat(SyntheticEvents.seqs(log.rows())).first().isEqualTo(151);
        assertThat(log.rows()).hasSize(100);
    }

    @Test
    void filtersByNodeKindAndType() {
        EventLogViewModel log = log(1000, 1000);
        Command op = put("alice", 1, "x", "1");
        EventBody.Send acceptToN2 = events.send(0, 2, accept(new Ballot(4, 0), 12, 8));
        log.accept(events.at(1, invoke(op)));
        log.accept(events.at(2, acceptToN2));
        log.accept(events.at(3, SyntheticEvents.deliver(0, 2, acceptToN2.msg().id(), acceptToN2.msg().message())));
        log.accept(events.at(4, events.send(0, 1, heartbeat())));
        log.accept(events.at(5, leader(3, new Ballot(5, 3))));
        log.accept(events.at(6, applied(2, 12, op)));
        log.accept(events.at(7, ok(op)));
        log.accept(events.at(8, new EventBody.Healed()));
        log.endBatch();
        assertThat(log.rows()).hasSize(8);

        log.setNodeFilter(2);
        assertThat(SyntheticEvents.seqs(log.rows())).as("the accept sent to n2, its delivery, n2's apply, the heal")
                .containsExactly(2, 3, 6, 8);

        log.setKindFilter(Set.of(MessageKind.ACCEPT));
        assertThat(SyntheticEvents.seqs(log.rows())).containsExactly(2, 3);

        log.setTypeFilter(Set.of("deliver"));
        assertThat(SyntheticEvents.seqs(log.rows())).containsExactly(3);

        log.setNodeFilter(-1);
        log.setKindFilter(Set.of());
        log.setTypeFilter(Set.of("leader", "invoke"));
        assertThat(SyntheticEvents.seqs(log.rows())).containsExactly(1, 5);

        log.setKindFilter(Set.of(MessageKind.HEARTBEAT));
        assertThat(log.rows()).as("a kind leaves out events without a message").isEmpty();

        log.clearFilters();
        assertThat(log.rows()).hasSize(8);
        assertThat(log.filterProperty().get()).isEqualTo(EventFilter.ANY);
    }

    @Test
    void newEventsPassTheFilterToo() {
        EventLogViewModel log = log(1000, 1000);
        log.setTypeFilter(Set.of("leader"));
        heartbeats(log, 10);
        log.accept(events.at(20, leader(1, new Ballot(2, 1))));
        log.endBatch();
        assertThat(log.rows()).extracting(TraceEvent::type).containsExactly("leader");
    }

    @Test
    void whileNotFollowingTheRowsStayAndNewOnesAreCounted() {
        EventLogViewModel log = log(100, 100);
        heartbeats(log, 30);
        log.followProperty().set(false);
        heartbeats(log, 500);

        assertThat(SyntheticEvents.seqs(log.rows())).as("still the 30 rows shown before").hasSize(30).first().isEqualTo(1);
        assertThat(log.unseenProperty().get()).isEqualTo(500);

        log.followProperty().set(true);
        assertThat(log.rows()).hasSize(100);
        assertThat(log.rows().get(99).seq()).isEqualTo(530);
        assertThat(log.unseenProperty().get()).isZero();
    }

    @Test
    void selectingAnEventSelectsItsNodeAndStopsFollowing() {
        EventLogViewModel log = log(100, 100);
        cluster.selectedMessageProperty().set(MessageRef.of(77));
        TraceEvent elected = events.at(1, leader(3, new Ballot(5, 3)));
        log.accept(elected);
        log.endBatch();

        log.select(elected);

        assertThat(cluster.selectedNodeProperty().get()).isEqualTo(3);
        assertThat(cluster.selectedMessageProperty().get()).as("nothing on its way is about a leader event").isNull();
        assertThat(log.selectedSeqProperty().get()).isEqualTo(elected.seq());
        assertThat(log.selectedDetailsProperty().get()).contains("n3 leads with ballot 5.3");
        assertThat(log.followProperty().get()).isFalse();

        log.select(null);
        assertThat(log.selectedSeqProperty().get()).isEqualTo(-1);
    }

    @Test
    void selectingTheSendOfAMessageStillOnItsWaySelectsTheMessage() {
        Wire held = Wire.of(41, heartbeat());
        Wire arrived = Wire.of(42, heartbeat());
        TraceEvent sent = events.at(1, new EventBody.Send(Address.node(2), Address.node(4), held, 5));
        TraceEvent sentToo = events.at(1, new EventBody.Send(Address.node(2), Address.node(3), arrived, 5));
        // the user held the first on its way; the second arrived
        session.feed(sent, sentToo, events.at(2, new EventBody.Hold(Address.node(2), Address.node(4), held, EventBody.ANY_COPY)),
                events.at(5, new EventBody.Deliver(Address.node(3), Address.node(2), arrived)));
        session.setNow(6);
        cluster.refresh(session.frame().changed());
        EventLogViewModel log = new EventLogViewModel(cluster, violationSeq);
        assertThat(cluster.messages()).singleElement().satisfies(dot -> {
            assertThat(dot.id()).isEqualTo(41);
            assertThat(dot.held()).isTrue();
        });

        log.select(sent);

        assertThat(cluster.selectedMessageProperty().get()).isEqualTo(MessageRef.of(41));
        assertThat(cluster.selectedDot().id()).isEqualTo(41);
        assertThat(log.isPickedSend(41)).isTrue();
        assertThat(cluster.selectedNodeProperty().get()).isEqualTo(2);

        log.select(sentToo);
        assertThat(cluster.selectedMessageProperty().get()).as("it arrived: nothing to select").isNull();
        assertThat(log.isPickedSend(41)).isFalse();
        assertThat(log.isPickedSend(42)).isTrue();
    }

    @Test
    void aFrameBringsItsFreshEventsAndAJumpStartsOverFromTheHistory() {
        EventLogViewModel log = log(100, 100);
        List<TraceEvent> first = List.of(events.at(1, events.send(0, 1, heartbeat())), events.at(2, leader(1, new Ballot(2, 1))));
        log.refresh(new Frame(first, false, true), () -> {
            throw new AssertionError("no history needed for fresh events");
        });
        assertThat(log.rows()).containsExactlyElementsOf(first);

        List<TraceEvent> history = List.of(events.at(3, new EventBody.Healed()), events.at(4, new EventBody.Crash(3)));
        log.refresh(new Frame(List.of(), true, true), () -> history);

        assertThat(log.rows()).as("a replay jumped: the rows are its history").containsExactlyElementsOf(history);
        assertThat(log.find(first.get(0).seq())).as("what was shown before is forgotten").isNull();
    }

    @Test
    void theEventThatBrokeSafetyStaysFindableAfterLeavingTheWindow() {
        EventLogViewModel log = log(100, 1000);
        heartbeats(log, 10);
        Command op = put("bob", 4, "y", "2");
        TraceEvent culprit = events.at(11, applied(1, 40, op));
        log.accept(culprit);
        log.endBatch();
        heartbeats(log, 500); // the culprit left the window of 100; the checker's report comes late

        violationSeq.set(culprit.seq());
        log.setTypeFilter(Set.of("leader"));
        TraceEvent revealed = log.revealViolation();

        assertThat(revealed).isSameAs(culprit);
        assertThat(log.filterProperty().get()).isEqualTo(EventFilter.ANY);
        assertThat(log.rows().get(log.indexOf(culprit.seq()))).isSameAs(culprit);
        assertThat(log.selectedSeqProperty().get()).isEqualTo(culprit.seq());
        assertThat(log.isViolation(culprit)).isTrue();

        log.followProperty().set(true);
        heartbeats(log, 5000); // far past both windows: it is pinned now
        assertThat(log.rows().get(0)).as("pinned at the top, older than every other row").isSameAs(culprit);
        assertThat(log.rows()).hasSize(101);
        assertThat(log.revealViolation()).isSameAs(culprit);
    }

    @Test
    void aViolationReportedBeforeItsEventArrivesIsKeptWhenItDoes() {
        EventLogViewModel log = log(100, 100);
        heartbeats(log, 10);
        violationSeq.set(events.lastSeq() + 3); // the checker runs ahead of the frames

        heartbeats(log, 5);
        heartbeats(log, 1000);

        TraceEvent revealed = log.revealViolation();
        assertThat(revealed).isNotNull();
        assertThat(revealed.seq()).isEqualTo(13);
    }

    @Test
    void anEventLongGoneCannotBeRevealed() {
        EventLogViewModel log = log(100, 100);
        heartbeats(log, 1000);
        violationSeq.set(5);
        assertThat(log.revealViolation()).isNull();
        violationSeq.set(-1);
        assertThat(log.revealViolation()).isNull();
    }

    @Test
    void memoryStaysBoundedUnderALongRun() {
        EventLogViewModel log = log(100, 200);
        Command op = put("alice", 1, "x", "1");
        for (int frame = 0; frame < 200; frame++) {
            for (int i = 0; i < 50; i++) {
                log.accept(events.at(events.lastSeq(), i % 2 == 0 ? applied(0, i, op) : events.send(0, 1, heartbeat())));
            }
            log.endBatch();
        }
        assertThat(log.rows()).hasSize(100);
        assertThat(log.find(events.lastSeq() - 151)).as("an older apply is still in the checked window").isNotNull();
        assertThat(log.find(events.lastSeq() - 451)).as("nothing is kept for ever unless pinned").isNull();
    }
}
