package paxosviz.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AcceptorRulesTest {

    private final NodeHarness acceptor = new NodeHarness(1, NodeHarness.config(3));
    private final Command x1 = NodeHarness.put("alice", 1, "x", "1");

    @Test
    void promisesHigherBallotDurablyBeforeReplying() {
        acceptor.drain();
        acceptor.receive(0, new Message.Prepare(new Ballot(2, 0), 0));

        assertThat(acceptor.drain()).containsExactly(
                "event Promised[ballot=2.0]",
                "send n0 Promise[ballot=2.0, fromSlot=0, compactedUpTo=-1, votes=[]]");
        assertThat(acceptor.storage.promised()).isEqualTo(new Ballot(2, 0));
    }

    @Test
    void refusesPrepareBelowItsPromise() {
        acceptor.receive(0, new Message.Prepare(new Ballot(2, 0), 0)).drain();
        acceptor.receive(2, new Message.Prepare(new Ballot(1, 2), 0));

        assertThat(acceptor.drain()).containsExactly("send n2 Nack[rejected=1.2, promised=2.0]");
    }

    @Test
    void refusesAcceptBelowItsPromiseAndAcceptsAtOrAbove() {
        acceptor.receive(0, new Message.Prepare(new Ballot(2, 0), 0)).drain();

        acceptor.receive(2, new Message.Accept(new Ballot(1, 2), 0, List.of(x1)));
        assertThat(acceptor.drain()).containsExactly("send n2 Nack[rejected=1.2, promised=2.0]");
        assertThat(acceptor.storage.accepted(0)).isNull();

        acceptor.receive(0, new Message.Accept(new Ballot(2, 0), 0, List.of(x1)));
        assertThat(acceptor.drain()).containsExactly(
                "event Accepted[slot=0, ballot=2.0, cmd=alice#1 put x=1]",
                "send n0 Accepted[ballot=2.0, firstSlot=0, count=1]");
        assertThat(acceptor.storage.accepted(0)).isEqualTo(new AcceptedValue(new Ballot(2, 0), x1));
    }

    @Test
    void acceptUnderHigherBallotRaisesThePromise() {
        acceptor.receive(0, new Message.Accept(new Ballot(3, 0), 0, List.of(x1)));

        assertThat(acceptor.storage.promised()).isEqualTo(new Ballot(3, 0));
        acceptor.drain();
        acceptor.receive(2, new Message.Prepare(new Ballot(2, 2), 0));
        assertThat(acceptor.sentKinds()).containsExactly("n2 nack");
    }

    @Test
    void restartedAcceptorKeepsPromiseAndAcceptedValues() {
        acceptor.receive(0, new Message.Accept(new Ballot(2, 0), 0, List.of(x1)));

        acceptor.boot(); // a crash discards the replica; the storage survives
        acceptor.drain();
        acceptor.receive(2, new Message.Prepare(new Ballot(1, 2), 0));
        assertThat(acceptor.drain()).containsExactly("send n2 Nack[rejected=1.2, promised=2.0]");

        acceptor.receive(2, new Message.Prepare(new Ballot(3, 2), 0));
        Message.Promise promise = acceptor.sentOf(Message.Promise.class).get(0);
        assertThat(promise.votes()).containsExactly(new Message.Vote(0, new Ballot(2, 0), x1, false));
    }

    @Test
    void promiseReportsValuesKnownChosen() {
        acceptor.receive(0, new Message.Accept(new Ballot(2, 0), 0, List.of(x1)));
        acceptor.receive(0, new Message.Decide(0, List.of(x1)));
        acceptor.drain();

        acceptor.advance(NodeHarness.config(3).electionMaxMicros());
        acceptor.receive(2, new Message.Prepare(new Ballot(3, 2), 0));

        Message.Promise promise = acceptor.sentOf(Message.Promise.class).get(0);
        assertThat(promise.votes()).containsExactly(new Message.Vote(0, new Ballot(2, 0), x1, true));
    }

    @Test
    void repliesAgainToARepeatedPrepare() {
        acceptor.receive(0, new Message.Prepare(new Ballot(2, 0), 0)).drain();
        acceptor.receive(0, new Message.Prepare(new Ballot(2, 0), 0));

        assertThat(acceptor.sentKinds()).containsExactly("n0 promise");
    }
}
