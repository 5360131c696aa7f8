package paxosviz.runtime.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import paxosviz.core.Address;
import paxosviz.core.OpType;
import paxosviz.core.Role;
import paxosviz.runtime.ClientSession;
import paxosviz.runtime.ClusterSpec;
import paxosviz.runtime.EventStream;
import paxosviz.runtime.InFlight;
import paxosviz.scenario.Protocol;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.TraceEvent;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadedClusterTest {

    private final EventStream events = new EventStream();
    private final List<TraceEvent> seen = Collections.synchronizedList(new ArrayList<>());
    private ThreadedCluster cluster;

    private ThreadedCluster start(int nodes) {
        events.subscribe(seen::add);
        cluster = new ThreadedCluster(ClusterSpec.defaults(nodes, Protocol.MULTIPAXOS), events);
        cluster.start();
        return cluster;
    }

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void pausingHaltsAllProgress() throws Exception {
        start(5).startBackgroundLoad(List.of("a", "b", "c"), List.of("x"), 200);
        Thread.sleep(600);

        cluster.pause();
        long frozenAt = cluster.now();
        int eventsAtPause = seen.size();
        Thread.sleep(400);

        assertThat(seen).hasSize(eventsAtPause);
        assertThat(cluster.now()).isEqualTo(frozenAt);
        assertThat(eventsAtPause).isGreaterThan(100);

        cluster.resume();
        Thread.sleep(300);
        assertThat(seen.size()).isGreaterThan(eventsAtPause);
    }

    @Test
    void eachStepDeliversAtMostOneMessageOrFiresOneTimer() throws Exception {
        start(3).startBackgroundLoad(List.of("a"), List.of("x"), 100);
        Thread.sleep(500);
        cluster.pause();

        int deliveringSteps = 0;
        for (int step = 0; step < 60; step++) {
            int before = seen.size();
            assertThat(cluster.step()).isTrue();
            List<TraceEvent> all = snapshot();
            List<TraceEvent> caused = all.subList(before, all.size());
            long delivers = caused.stream().filter(e -> e.body() instanceof EventBody.Deliver).count();
            assertThat(delivers).as("step %d caused %s", step, caused).isLessThanOrEqualTo(1);
            deliveringSteps += (int) delivers;
        }
        assertThat(deliveringSteps).isGreaterThan(20);
    }

    @Test
    void aHeldMessageWaitsUntilDeliveredByHand() throws Exception {
        start(3);
        InFlight message = pauseOnAMessageBetweenNodes();
        assertThat(cluster.hold(message.id(), EventBody.ANY_COPY)).isTrue();
        assertThat(snapshot()).anyMatch(e -> e.body() instanceof EventBody.Hold hold && hold.msg().id() == message.id()
                && hold.from().equals(message.from()) && hold.to().equals(message.to()));
        cluster.resume();
        Thread.sleep(200);
        assertThat(deliveriesOf(message.id())).isZero();
        assertThat(cluster.inFlight()).anyMatch(m -> m.id() == message.id() && m.held());

        cluster.deliverNow(message.id(), EventBody.ANY_COPY);
        Thread.sleep(100);
        assertThat(deliveriesOf(message.id())).isEqualTo(1);
        assertThat(snapshot()).anyMatch(e -> e.body() instanceof EventBody.Release release
                && release.msg().id() == message.id());
    }

    @Test
    void aReleasedMessageArrivesOnItsOwn() throws Exception {
        start(3);
        InFlight message = pauseOnAMessageBetweenNodes();
        cluster.hold(message.id(), EventBody.ANY_COPY);
        cluster.resume();
        Thread.sleep(200);
        assertThat(deliveriesOf(message.id())).isZero();

        assertThat(cluster.release(message.id(), EventBody.ANY_COPY)).isTrue();
        Thread.sleep(200);

        assertThat(snapshot()).anyMatch(e -> e.body() instanceof EventBody.Release release
                && release.msg().id() == message.id() && !Double.isNaN(release.dueMs()));
        assertThat(deliveriesOf(message.id())).isEqualTo(1);
        assertThat(cluster.inFlight()).noneMatch(m -> m.id() == message.id());
    }

    @Test
    void aDroppedMessageNeverArrives() throws Exception {
        start(3);
        InFlight message = pauseOnAMessageBetweenNodes();

        assertThat(cluster.drop(message.id(), EventBody.ANY_COPY)).isTrue();
        cluster.resume();
        Thread.sleep(200);

        assertThat(deliveriesOf(message.id())).isZero();
        assertThat(snapshot()).anyMatch(e -> e.body() instanceof EventBody.Drop drop && drop.msg().id() == message.id()
                && drop.reason().equals(paxosviz.net.Transmission.MANUAL));
    }

    @Test
    void aDuplicatedMessageArrivesTwice() throws Exception {
        start(3);
        InFlight message = pauseOnAMessageBetweenNodes();

        assertThat(cluster.duplicate(message.id(), EventBody.ANY_COPY)).isTrue();
        assertThat(snapshot()).anyMatch(e -> e.body() instanceof EventBody.Duplicate duplicate
                && duplicate.msg().id() == message.id() && duplicate.copy() == 1 && !Double.isNaN(duplicate.dueMs())
                && duplicate.dueMs() >= message.sentAt() / 1000.0);
        assertThat(cluster.inFlight()).filteredOn(m -> m.id() == message.id()).extracting(InFlight::copy)
                .containsExactlyInAnyOrder(0, 1);
        cluster.resume();
        Thread.sleep(200);

        assertThat(deliveriesOf(message.id())).isEqualTo(2);
    }

    @Test
    void droppingOneCopyOfADuplicatedMessageLeavesTheOther() throws Exception {
        start(3);
        InFlight message = pauseOnAMessageBetweenNodes();
        assertThat(cluster.duplicate(message.id(), EventBody.ANY_COPY)).isTrue();

        assertThat(cluster.drop(message.id(), 1)).isTrue();

        assertThat(snapshot()).anyMatch(e -> e.body() instanceof EventBody.Drop drop && drop.msg().id() == message.id()
                && drop.copy() == 1 && drop.reason().equals(paxosviz.net.Transmission.MANUAL));
        assertThat(snapshot()).noneMatch(e -> e.body() instanceof EventBody.Drop drop && drop.msg().id() == message.id()
                && drop.copy() != 1);
        assertThat(cluster.inFlight()).filteredOn(m -> m.id() == message.id()).extracting(InFlight::copy)
                .containsExactly(0);

        cluster.resume();
        Thread.sleep(200);
        assertThat(deliveriesOf(message.id())).isEqualTo(1);
    }

    @Test
    void aCrashedNodeLosesItsThreadAndItsMessages() throws Exception {
        start(3).startBackgroundLoad(List.of("a"), List.of("x"), 100);
        Thread.sleep(500);

        cluster.crash(1);
        assertThat(cluster.isUp(1)).isFalse();
        assertThat(cluster.status(1)).isNull();
        assertThat(liveThreads()).doesNotContain("node-1");
        Thread.sleep(300);
        assertThat(snapshot()).anyMatch(e -> e.body() instanceof EventBody.Drop drop && drop.to().equals(Address.node(1))
                && drop.reason().equals("crashed"));

        cluster.restart(1);
        Thread.sleep(800);
        assertThat(cluster.status(1).applied()).isGreaterThan(0);
    }

    @Test
    void clientsAreAnsweredThroughTheLeader() throws Exception {
        start(3);
        Thread.sleep(600);
        cluster.submit("alice", new ClientSession.Request(OpType.PUT, "x", "1", null));
        cluster.submit("alice", new ClientSession.Request(OpType.GET, "x", null, null));
        Thread.sleep(300);

        List<EventBody.Return> returns = snapshot().stream().map(TraceEvent::body).filter(EventBody.Return.class::isInstance)
                .map(EventBody.Return.class::cast).collect(Collectors.toList());
        assertThat(returns).hasSize(2);
        assertThat(returns.get(1).result().value()).isEqualTo("1");
        long leaders = java.util.stream.IntStream.range(0, 3).filter(n -> cluster.status(n).role() == Role.LEADER).count();
        assertThat(leaders).isEqualTo(1);
    }

    @Test
    void closingAPausedClusterLeavesNoThreads() throws Exception {
        start(5).startBackgroundLoad(List.of("a", "b"), List.of("x"), 100);
        Thread.sleep(300);
        cluster.pause();

        cluster.close();
        cluster = null;

        assertThat(liveThreads()).noneMatch(name -> name.startsWith("node-") || name.equals("timekeeper") || name.equals("clients"));
    }

    @Test
    void slowingTheClockSlowsEverything() throws Exception {
        start(3);
        cluster.setSpeed(0.1);
        long before = cluster.now();
        Thread.sleep(500);
        long elapsed = cluster.now() - before;
        assertThat(elapsed).isBetween(30_000L, 80_000L);
    }

    /** Once a leader beats, slows the clock, pauses as soon as a node-to-node message is in flight and returns it. */
    private InFlight pauseOnAMessageBetweenNodes() throws Exception {
        awaitLeader();
        cluster.setSpeed(0.05);
        for (int attempt = 0; attempt < 400; attempt++) {
            Thread.sleep(10);
            cluster.pause();
            for (InFlight message : cluster.inFlight()) {
                if (message.from() instanceof Address.Node && message.to() instanceof Address.Node) {
                    return message;
                }
            }
            cluster.resume();
        }
        throw new AssertionError("no message between nodes was ever in flight");
    }

    private void awaitLeader() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (int node = 0; node < cluster.spec().nodes(); node++) {
                if (cluster.status(node) != null && cluster.status(node).role() == Role.LEADER) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no leader within 2 s");
    }

    private long deliveriesOf(long id) {
        return snapshot().stream().filter(e -> e.body() instanceof EventBody.Deliver d && d.msg().id() == id).count();
    }

    /** The events so far; the cluster keeps appending from its threads. */
    private List<TraceEvent> snapshot() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private static Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
    }
}
