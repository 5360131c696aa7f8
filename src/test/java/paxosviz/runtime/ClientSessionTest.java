package paxosviz.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import paxosviz.core.Address;
import paxosviz.core.Message;
import paxosviz.core.OpType;
import paxosviz.core.Result;
import paxosviz.trace.model.EventBody;
import paxosviz.trace.model.Outcome;

/** A client's patience: retries after timeouts, redirects followed, answers taken once. */
class ClientSessionTest {

    private static final long TIMEOUT = 150_000;
    private static final long RETRY = 50_000;

    /** A host whose time moves only when the test says so. */
    private static final class ManualHost implements ClientHost {
        final Agenda<Runnable> agenda = new Agenda<>();
        final List<Integer> sentTo = new ArrayList<>();
        final List<EventBody> emitted = new ArrayList<>();
        long now;

        @Override
        public long now() {
            return now;
        }

        @Override
        public void send(Address.Client from, int node, Message message) {
            sentTo.add(node);
        }

        @Override
        public void schedule(long delayMicros, Runnable action) {
            agenda.add(now + delayMicros, action);
        }

        @Override
        public void emit(EventBody body) {
            emitted.add(body);
        }

        @Override
        public int random(int bound) {
            return 0;
        }

        void advanceTo(long micros) {
            while (!agenda.isEmpty() && agenda.peekTime() <= micros) {
                now = agenda.peekTime();
                agenda.poll().run();
            }
            now = micros;
        }
    }

    private final ManualHost host = new ManualHost();
    private final ClientSession client = new ClientSession("alice", 3, host, new ClientTiming(TIMEOUT, RETRY));

    private static ClientSession.Request put(String value) {
        return new ClientSession.Request(OpType.PUT, "x", value, null);
    }

    @Test
    void anUnansweredRequestIsRetriedOnTheNextReplicaAfterTheTimeout() {
        client.submit(put("1"));
        host.advanceTo(TIMEOUT - 1);
        assertThat(host.sentTo).containsExactly(0);

        host.advanceTo(TIMEOUT);
        host.advanceTo(2 * TIMEOUT);

        assertThat(host.sentTo).containsExactly(0, 1, 2);
    }

    @Test
    void aRedirectIsFollowedAndTheLeaderGetsOneMoreChanceAfterATimeout() {
        client.submit(put("1"));
        client.receive(new Message.Redirect(client.current().id(), 2));
        host.advanceTo(TIMEOUT);

        assertThat(host.sentTo).containsExactly(0, 2, 2);
    }

    @Test
    void withNoLeaderKnownItWaitsBrieflyThenKeepsRetrying() {
        client.submit(put("1"));
        client.receive(new Message.Redirect(client.current().id(), -1));
        host.advanceTo(RETRY);
        assertThat(host.sentTo).containsExactly(0, 1);

        host.advanceTo(RETRY + TIMEOUT);
        host.advanceTo(RETRY + 2 * TIMEOUT);

        assertThat(host.sentTo).containsExactly(0, 1, 2, 0);
    }

    @Test
    void anAnswerEndsTheOperationAndStartsTheNextQueuedOne() {
        client.submit(put("1"));
        client.submit(put("2"));
        client.receive(new Message.ClientReply(client.current().id(), Result.of(OpType.PUT)));

        assertThat(client.current().seq()).isEqualTo(2);
        host.advanceTo(TIMEOUT / 2);
        client.receive(new Message.ClientReply(client.current().id(), Result.of(OpType.PUT)));
        host.advanceTo(10 * TIMEOUT);

        assertThat(client.busy()).isFalse();
        assertThat(host.sentTo).as("no retry after the answers").containsExactly(0, 0);
        assertThat(host.emitted).filteredOn(EventBody.Return.class::isInstance).hasSize(2);
    }

    @Test
    void anAnswerToAnOlderOperationIsIgnored() {
        client.submit(put("1"));
        client.receive(new Message.ClientReply(client.current().id(), Result.of(OpType.PUT)));
        client.submit(put("2"));

        client.receive(new Message.ClientReply(new paxosviz.core.OpId("alice", 1), Result.of(OpType.PUT)));

        assertThat(client.busy()).isTrue();
    }

    @Test
    void abandoningReportsTheOperationInFlightAsTimedOut() {
        client.submit(put("1"));
        client.abandon();

        EventBody.Return last = (EventBody.Return) host.emitted.get(host.emitted.size() - 1);
        assertThat(last.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(client.busy()).isFalse();
    }
}
