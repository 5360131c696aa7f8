package paxosviz.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The pre-vote, input by input: a node whose leader went quiet asks before it campaigns; a
 * peer says yes only if it hears no live leader, has not promised higher, and has not applied
 * more than the candidate; and asking or answering changes no durable state anywhere.
 */
class PreVoteRulesTest {

    private final PaxosConfig config = NodeHarness.config(5);
    private final Ballot leaderBallot = new Ballot(1, 0);
    private final Command a = NodeHarness.put("alice", 1, "x", "a");
    private final Command b = NodeHarness.put("bob", 1, "x", "b");

    /** Node 1 following node 0's ballot 1.0, having heard it just now (a heartbeat is no promise). */
    private NodeHarness follower() {
        NodeHarness follower = new NodeHarness(1, config);
        follower.receive(0, new Message.Heartbeat(leaderBallot, -1)).drain();
        return follower;
    }

    private static Message.PreVoteReply reply(NodeHarness node) {
        List<Message.PreVoteReply> replies = node.sentOf(Message.PreVoteReply.class);
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    // ---------------------------------------------------------------- answering

    @Test
    void refusesWhileItHearsALiveLeader() {
        NodeHarness follower = follower();

        follower.advance(config.heartbeatMicros()).receive(2, new Message.PreVote(new Ballot(2, 2), -1));

        assertThat(follower.sentKinds()).containsExactly("n2 prevote-reply");
        assertThat(reply(follower)).isEqualTo(new Message.PreVoteReply(new Ballot(2, 2), false, 0, -1, Ballot.ZERO));
    }

    @Test
    void grantsOnceTheLeaderWasSilentForAnElectionTimeout() {
        NodeHarness follower = follower();

        follower.advance(config.electionMinMicros()).receive(2, new Message.PreVote(new Ballot(2, 2), -1));

        assertThat(reply(follower)).isEqualTo(new Message.PreVoteReply(new Ballot(2, 2), true, -1, -1, Ballot.ZERO));
    }

    @Test
    void grantsItsOwnLeaderThatStoppedLeading() {
        NodeHarness follower = follower();

        follower.advance(config.heartbeatMicros()).receive(0, new Message.PreVote(new Ballot(2, 0), -1));

        assertThat(reply(follower).granted()).isTrue();
    }

    @Test
    void refusesACandidateThatAppliedLessAndSaysHowFarItGot() {
        NodeHarness follower = follower();
        follower.receive(0, new Message.Decide(0, List.of(a, b))).drain();

        follower.advance(config.electionMinMicros()).receive(2, new Message.PreVote(new Ballot(2, 2), 0));

        assertThat(reply(follower)).isEqualTo(new Message.PreVoteReply(new Ballot(2, 2), false, -1, 1, Ballot.ZERO));
    }

    @Test
    void grantsACandidateThatAppliedAsMuchOrMore() {
        NodeHarness follower = follower();
        follower.receive(0, new Message.Decide(0, List.of(a))).drain();
        follower.advance(config.electionMinMicros());

        follower.receive(2, new Message.PreVote(new Ballot(2, 2), 0));
        assertThat(reply(follower).granted()).isTrue();
        follower.drain();
        follower.receive(3, new Message.PreVote(new Ballot(2, 3), 7));
        assertThat(reply(follower).granted()).isTrue();
    }

    @Test
    void refusesABallotBelowItsPromise() {
        NodeHarness follower = new NodeHarness(1, config);
        follower.receive(3, new Message.Prepare(new Ballot(5, 3), 0)).drain();

        follower.advance(config.electionMaxMicros()).receive(2, new Message.PreVote(new Ballot(4, 2), -1));

        assertThat(reply(follower)).isEqualTo(new Message.PreVoteReply(new Ballot(4, 2), false, -1, -1, new Ballot(5, 3)));
    }

    @Test
    void aLeaderRefuses() {
        NodeHarness leader = new NodeHarness(0, config).elect(1, 2);
        Ballot ballot = leader.node.status().ballot();
        leader.drain();

        leader.receive(3, new Message.PreVote(new Ballot(ballot.round() + 1, 3), 100));

        assertThat(reply(leader)).isEqualTo(new Message.PreVoteReply(new Ballot(ballot.round() + 1, 3), false, 0, -1, ballot));
        assertThat(leader.node.status().role()).isEqualTo(Role.LEADER);
    }

    @Test
    void answeringChangesNoDurableState() {
        NodeHarness follower = new NodeHarness(1, config);
        follower.receive(0, new Message.Accept(leaderBallot, 0, List.of(a))).drain();
        follower.advance(config.electionMaxMicros());
        MemoryStorage before = follower.storage;
        Ballot promised = before.promised();

        follower.receive(2, new Message.PreVote(new Ballot(9, 2), 5));

        assertThat(reply(follower).granted()).isTrue();
        assertThat(follower.out).containsExactly("send n2 " + reply(follower));
        assertThat(follower.storage.promised()).isEqualTo(promised);
        assertThat(follower.storage.accepted(0)).isEqualTo(new AcceptedValue(leaderBallot, a));
        ReplicaStatus status = follower.node.status();
        assertThat(status.promised()).isEqualTo(leaderBallot);
        assertThat(status.role()).isEqualTo(Role.FOLLOWER);
        // a grant is no promise: the leader's next accept is still taken
        follower.drain();
        follower.receive(0, new Message.Accept(leaderBallot, 1, List.of(b)));
        assertThat(follower.sentKinds()).containsExactly("n0 accepted");
    }

    // ---------------------------------------------------------------- asking

    @Test
    void aQuietLeaderMakesAFollowerAskForAPreVoteFirst() {
        NodeHarness follower = follower();

        follower.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION);

        assertThat(follower.sentKinds()).containsExactly("n0 prevote", "n2 prevote", "n3 prevote", "n4 prevote");
        assertThat(follower.sentOf(Message.PreVote.class)).containsOnly(new Message.PreVote(new Ballot(2, 1), -1));
        assertThat(follower.node.status().role()).isEqualTo(Role.FOLLOWER);
        assertThat(follower.drain()).noneMatch(line -> line.startsWith("event"));
    }

    @Test
    void aFollowerThatAsksForAPreVoteNoLongerSendsClientsToItsSilentLeader() {
        NodeHarness follower = follower();
        follower.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION).drain();

        follower.request("alice", a);

        assertThat(follower.drain()).containsExactly("send alice Redirect[op=alice#1, leader=-1]");
    }

    @Test
    void askingAgainAndAgainChangesNoDurableState() {
        NodeHarness away = follower();
        Ballot promised = away.storage.promised();

        for (int timeout = 0; timeout < 20; timeout++) {
            away.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION);
            away.advance(config.heartbeatMicros()).fire(TimerKind.HEARTBEAT);
        }

        assertThat(away.storage.promised()).isEqualTo(promised);
        assertThat(away.sentOf(Message.PreVote.class)).extracting(Message.PreVote::ballot).containsOnly(new Ballot(2, 1));
        assertThat(away.sentOf(Message.Prepare.class)).isEmpty();
        assertThat(away.drain()).noneMatch(line -> line.startsWith("event"));
        // back in touch, it takes the leader's messages as before: nothing to nack
        away.receive(0, new Message.Heartbeat(leaderBallot, -1));
        assertThat(away.sentKinds()).containsExactly("n0 heartbeat-ack");
    }

    @Test
    void aMajorityOfGrantsStartsPhaseOne() {
        NodeHarness node = follower();
        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION).drain();
        Ballot asked = new Ballot(2, 1);

        node.receive(2, new Message.PreVoteReply(asked, true, -1, -1, leaderBallot));
        assertThat(node.drain()).isEmpty();
        node.receive(3, new Message.PreVoteReply(asked, true, -1, -1, leaderBallot));

        assertThat(node.drain()).startsWith("event Promised[ballot=2.1]", "event ElectionStarted[ballot=2.1]",
                "send n0 Prepare[ballot=2.1, fromSlot=0]");
        assertThat(node.node.status().role()).isEqualTo(Role.CANDIDATE);
    }

    @Test
    void refusalsAndStaleGrantsStartNothing() {
        NodeHarness node = follower();
        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION).drain();
        Ballot asked = new Ballot(2, 1);

        node.receive(2, new Message.PreVoteReply(asked, false, 0, -1, leaderBallot));
        node.receive(3, new Message.PreVoteReply(asked, false, 0, -1, leaderBallot));
        node.receive(4, new Message.PreVoteReply(new Ballot(1, 1), true, -1, -1, leaderBallot));
        node.receive(4, new Message.PreVoteReply(new Ballot(3, 1), true, -1, -1, leaderBallot));

        assertThat(node.drain()).isEmpty();
        assertThat(node.node.status().role()).isEqualTo(Role.FOLLOWER);
    }

    @Test
    void aRefusalFromAPeerThatAppliedMoreFetchesTheMissingSlotsFromIt() {
        NodeHarness behind = follower();
        behind.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION).drain();

        behind.receive(3, new Message.PreVoteReply(new Ballot(2, 1), false, 0, 41, leaderBallot));

        assertThat(behind.sentKinds()).containsExactly("n3 catchup");
        assertThat(behind.sentOf(Message.CatchupRequest.class)).containsExactly(new Message.CatchupRequest(0));
        behind.drain();
        behind.receive(3, new Message.CatchupReply(0, List.of(a, b), 1));
        assertThat(behind.node.status().applied()).isEqualTo(1);
    }

    @Test
    void aRefusalNamingAHigherPromiseRaisesTheNextBallotAsked() {
        NodeHarness node = follower();
        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION).drain();

        node.receive(2, new Message.PreVoteReply(new Ballot(2, 1), false, -1, -1, new Ballot(6, 4)));
        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION);

        assertThat(node.sentOf(Message.PreVote.class)).extracting(Message.PreVote::ballot).containsOnly(new Ballot(7, 1));
        assertThat(node.storage.promised()).isEqualTo(Ballot.ZERO);
    }

    @Test
    void aPreVoteIsAskedAgainAtTheNextElectionTimeoutNotOnEveryBeat() {
        NodeHarness node = follower();
        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION).drain();
        node.receive(2, new Message.PreVoteReply(new Ballot(2, 1), false, 0, -1, Ballot.ZERO));
        node.receive(3, new Message.PreVoteReply(new Ballot(2, 1), true, -1, -1, Ballot.ZERO)).drain();

        node.advance(config.heartbeatMicros()).fire(TimerKind.HEARTBEAT);
        assertThat(node.drain()).isEmpty();

        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION);
        assertThat(node.sentKinds()).containsExactly("n0 prevote", "n2 prevote", "n3 prevote", "n4 prevote");
        node.drain();
        // a new round: the earlier grant from n3 no longer counts
        node.receive(4, new Message.PreVoteReply(new Ballot(2, 1), true, -1, -1, Ballot.ZERO));
        assertThat(node.drain()).isEmpty();
    }

    @Test
    void hearingTheLeaderAgainEndsThePreVote() {
        NodeHarness node = follower();
        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION);
        node.receive(0, new Message.Heartbeat(leaderBallot, -1)).drain();

        node.receive(2, new Message.PreVoteReply(new Ballot(2, 1), true, -1, -1, leaderBallot));
        node.receive(3, new Message.PreVoteReply(new Ballot(2, 1), true, -1, -1, leaderBallot));
        node.advance(config.heartbeatMicros()).fire(TimerKind.HEARTBEAT);

        assertThat(node.drain()).isEmpty();
        assertThat(node.node.status().role()).isEqualTo(Role.FOLLOWER);
    }

    @Test
    void aSingleNodeNeedsNoPeerToStartPhaseOne() {
        NodeHarness alone = new NodeHarness(0, NodeHarness.config(1));

        alone.advance(NodeHarness.config(1).electionMaxMicros()).fire(TimerKind.ELECTION);

        assertThat(alone.node.status().role()).isEqualTo(Role.LEADER);
    }
}
