package paxosviz.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LeaderRulesTest {

    private final PaxosConfig config = NodeHarness.config(3);
    private final NodeHarness node = new NodeHarness(0, config);
    private final Command a = NodeHarness.put("alice", 1, "x", "a");
    private final Command b = NodeHarness.put("bob", 1, "x", "b");
    private final Command c = NodeHarness.put("carol", 1, "y", "c");

    @Test
    void electionTimeoutAsksForAPreVoteAndAGrantStartsPhaseOneWithAHigherBallot() {
        node.receive(1, new Message.Prepare(new Ballot(4, 1), 0)).drain();
        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION);

        assertThat(node.drain()).startsWith(
                "send n1 PreVote[ballot=5.0, applied=-1]",
                "send n2 PreVote[ballot=5.0, applied=-1]");

        node.receive(1, new Message.PreVoteReply(new Ballot(5, 0), true, -1, -1, new Ballot(4, 1)));

        assertThat(node.drain()).startsWith(
                "event Promised[ballot=5.0]",
                "event ElectionStarted[ballot=5.0]",
                "send n1 Prepare[ballot=5.0, fromSlot=0]",
                "send n2 Prepare[ballot=5.0, fromSlot=0]");
    }

    @Test
    void majorityOfPromisesMakesALeader() {
        node.elect(1);

        assertThat(node.node.status().role()).isEqualTo(Role.LEADER);
        assertThat(node.drain()).contains("event LeaderElected[ballot=1.0]");
    }

    @Test
    void newLeaderReproposesHighestBallotValueAndFillsHolesWithNoops() {
        node.campaign(1).drain();
        Ballot ballot = node.node.status().ballot();

        node.receive(1, new Message.Promise(ballot, 0, -1, List.of(
                new Message.Vote(0, Ballot.ZERO.equals(ballot) ? null : new Ballot(0, 1), a, false),
                new Message.Vote(2, new Ballot(0, 1), c, false))));
        // node 0 alone has nothing; node 1 saw slot 0 and slot 2. Slot 1 is a hole.
        List<Message.Accept> accepts = node.sentOf(Message.Accept.class);
        assertThat(accepts).isNotEmpty();
        assertThat(accepts.get(0).firstSlot()).isZero();
        assertThat(accepts.get(0).cmds()).containsExactly(a, Command.NOOP, c);
    }

    @Test
    void recoveryPrefersTheHigherBallotAndAValueKnownChosen() {
        NodeHarness five = new NodeHarness(0, NodeHarness.config(5));
        five.campaign(1, 2).drain();
        Ballot ballot = five.node.status().ballot();

        five.receive(1, new Message.Promise(ballot, 0, -1, List.of(
                new Message.Vote(0, new Ballot(1, 1), a, false),
                new Message.Vote(1, new Ballot(3, 1), a, false))));
        five.receive(2, new Message.Promise(ballot, 0, -1, List.of(
                new Message.Vote(0, new Ballot(2, 2), b, false),
                new Message.Vote(1, new Ballot(1, 2), b, true))));

        Message.Accept accept = five.sentOf(Message.Accept.class).get(0);
        assertThat(accept.cmds()).containsExactly(b, b);
    }

    @Test
    void leaderNeverProposesIntoSlotsAnAcceptorCompacted() {
        node.campaign(1).drain();
        Ballot ballot = node.node.status().ballot();

        node.receive(1, new Message.Promise(ballot, 0, 9, List.of(new Message.Vote(10, new Ballot(0, 1), a, false))));

        assertThat(node.sentOf(Message.Accept.class)).extracting(Message.Accept::firstSlot).containsOnly(10L);
        assertThat(node.sentOf(Message.CatchupRequest.class))
                .containsExactly(new Message.CatchupRequest(0));
    }

    @Test
    void stableLeaderSkipsPhaseOneAndBatchesRequests() {
        node.elect(1).drain();

        node.request("alice", a).request("bob", b).request("carol", c).flush();

        assertThat(node.sentKinds()).containsExactly("n1 accept", "n2 accept");
        assertThat(node.sentOf(Message.Accept.class).get(0).cmds()).containsExactly(a, b, c);
    }

    @Test
    void pipelinesSlotsWithoutWaitingForEarlierOnes() {
        node.elect(1).drain();

        node.request("alice", a).flush().request("bob", b).flush();

        assertThat(node.sentOf(Message.Accept.class)).extracting(Message.Accept::firstSlot).containsExactly(0L, 0L, 1L, 1L);
    }

    @Test
    void majorityOfAcceptsChoosesAppliesAnswersAndAnnounces() {
        node.elect(1).drain();
        node.request("alice", a).flush().drain();
        Ballot ballot = node.node.status().ballot();

        node.receive(2, new Message.Accepted(ballot, 0, 1));

        assertThat(node.drain()).containsExactly(
                "event Chosen[slot=0, cmd=alice#1 put x=a]",
                "send n1 Decide[firstSlot=0, cmds=[alice#1 put x=a]]",
                "send n2 Decide[firstSlot=0, cmds=[alice#1 put x=a]]",
                "event Applied[slot=0, cmd=alice#1 put x=a, result=done]",
                "send alice ClientReply[op=alice#1, result=done]");
    }

    @Test
    void retriedRequestAfterApplyIsAnsweredFromTheSessionTable() {
        node.elect(1).drain();
        node.request("alice", a).flush();
        node.receive(2, new Message.Accepted(node.node.status().ballot(), 0, 1)).drain();

        node.request("alice", a).flush();

        assertThat(node.drain()).containsExactly("send alice ClientReply[op=alice#1, result=done]");
    }

    @Test
    void retriedRequestStillInFlightIsNotProposedTwice() {
        node.elect(1).drain();
        node.request("alice", a).flush().drain();

        node.request("alice", a).flush();

        assertThat(node.sentOf(Message.Accept.class)).isEmpty();
    }

    @Test
    void followerRedirectsClientsToTheLeader() {
        NodeHarness follower = new NodeHarness(1, config);
        follower.receive(0, new Message.Heartbeat(new Ballot(1, 0), -1)).drain();

        follower.request("alice", a);

        assertThat(follower.drain()).containsExactly("send alice Redirect[op=alice#1, leader=0]");
    }

    @Test
    void leaderStepsDownOnANackWithAHigherBallot() {
        node.elect(1).drain();
        node.request("alice", a).flush().drain();

        node.receive(2, new Message.Nack(node.node.status().ballot(), new Ballot(7, 2)));

        assertThat(node.node.status().role()).isEqualTo(Role.FOLLOWER);
        assertThat(node.drain()).containsExactly("event SteppedDown[ballot=7.2, reason=nack]");
    }

    @Test
    void leaderThatHearsNoMajorityForAnElectionTimeoutStepsDown() {
        node.elect(1).drain();

        for (int beat = 0; beat < 4; beat++) {
            node.advance(config.heartbeatMicros()).fire(TimerKind.HEARTBEAT);
        }

        assertThat(node.node.status().role()).isEqualTo(Role.FOLLOWER);
        assertThat(node.drain()).contains("event SteppedDown[ballot=null, reason=lost quorum]");
    }

    @Test
    void leaderThatKeepsHearingAMajorityStaysLeader() {
        node.elect(1).drain();

        for (int beat = 0; beat < 10; beat++) {
            node.advance(config.heartbeatMicros()).fire(TimerKind.HEARTBEAT);
            node.receive(2, new Message.HeartbeatAck(node.node.status().ballot(), -1));
        }

        assertThat(node.node.status().role()).isEqualTo(Role.LEADER);
    }

    @Test
    void unansweredAcceptsAreSentAgainOnTheNextBeatOnlyToSilentPeers() {
        node.elect(1).drain();
        node.request("alice", a).flush();
        node.receive(1, new Message.Accepted(node.node.status().ballot(), 0, 1));
        node.request("bob", b).flush().drain();

        node.advance(config.heartbeatMicros()).fire(TimerKind.HEARTBEAT);

        assertThat(node.sentKinds()).containsExactly("n1 heartbeat", "n2 heartbeat", "n1 accept", "n2 accept");
        assertThat(node.sentOf(Message.Accept.class)).extracting(Message.Accept::firstSlot).containsExactly(1L, 1L);
    }

    @Test
    void followerThatHearsItsLeaderIgnoresOtherCandidates() {
        NodeHarness follower = new NodeHarness(1, config);
        follower.receive(0, new Message.Heartbeat(new Ballot(1, 0), -1)).drain();

        follower.advance(config.heartbeatMicros()).receive(2, new Message.Prepare(new Ballot(2, 2), 0));
        assertThat(follower.drain()).isEmpty();

        follower.advance(config.electionMinMicros()).receive(2, new Message.Prepare(new Ballot(2, 2), 0));
        assertThat(follower.sentKinds()).containsExactly("n2 promise");
    }

    @Test
    void failedElectionsBackOff() {
        node.campaign(1);
        long first = node.timers.get(TimerKind.ELECTION);
        node.campaign(1);
        node.campaign(1);

        assertThat(node.node.status().role()).isEqualTo(Role.CANDIDATE);
        assertThat(node.timers.get(TimerKind.ELECTION)).isEqualTo(4 * first);
    }

    @Test
    void failedPreVotesDoNotBackOff() {
        node.advance(config.electionMaxMicros()).fire(TimerKind.ELECTION);
        long first = node.timers.get(TimerKind.ELECTION);
        node.advance(first).fire(TimerKind.ELECTION);
        node.advance(first).fire(TimerKind.ELECTION);

        assertThat(node.timers.get(TimerKind.ELECTION)).isEqualTo(first);
    }
}
