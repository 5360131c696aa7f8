package paxosviz.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Multi-Paxos replica: acceptor, learner and, when elected, leader. The leader runs phase 1
 * once for every slot it does not know chosen, then proposes client commands in pipelined,
 * batched phase 2 rounds until a higher ballot appears or it loses touch with a majority.
 *
 * <p>Liveness rests on habits taken from production systems (etcd's raft calls the last two
 * PreVote and CheckQuorum): randomized election timeouts with backoff, so dueling candidates
 * settle; a follower that has heard its leader recently ignores other candidates; a node whose
 * leader went quiet first asks in a pre-vote whether a majority would promise it a higher
 * ballot, and promises nothing, itself included, until they say yes, so a node that was cut
 * off comes back with the ballot it left with instead of one that deposes the leader; and a
 * leader that has not heard a majority for an election timeout steps down, so a leader cut
 * off one way does not hold its followers hostage.
 *
 * <p>Peers refuse a pre-vote while they hear a live leader, when they promised a higher
 * ballot, or when the candidate applied fewer slots than they did. A refusal says how far the
 * refuser applied, and a candidate that is behind fetches the rest from it: that is how a node
 * behind one cut link keeps up through its peers.
 */
public final class PaxosNode implements Replica {

    private final int self;
    private final PaxosConfig config;
    private final NodeOutput out;
    private final Acceptor acceptor;
    private final Learner learner;
    private final Pipeline pipeline = new Pipeline();
    private final ArrayDeque<Command> queue = new ArrayDeque<>();
    /** Where to answer each client operation this leader has queued or proposed. */
    private final Map<OpId, Address> replyTo = new HashMap<>();

    private Role role = Role.FOLLOWER;
    private Ballot ballot = Ballot.ZERO;
    private int leader = -1;
    private long lastLeaderContact;
    private int backoff = 1;
    private int highestRound;

    /** The promises a candidate has collected for its ballot, by sender. */
    private final TreeMap<Integer, Message.Promise> promises = new TreeMap<>();
    private Message.Prepare campaign;

    /** The ballot this node asks a pre-vote for, while it does (else null); nothing durable changes meanwhile. */
    private Ballot preVote;
    /** The nodes that granted the current pre-vote, a bit per node. */
    private long preVoteGrants;

    private long heardMask;
    private long quorumWindowStart;

    private long catchupSentAt = Long.MIN_VALUE / 2;

    public PaxosNode(int self, PaxosConfig config, Storage storage, StateMachine machine, NodeOutput out) {
        this.self = self;
        this.config = config;
        this.out = out;
        this.acceptor = new Acceptor(storage, out);
        this.learner = new Learner(config, storage, machine, out, this::answer);
        this.highestRound = storage.promised().round();
    }

    @Override
    public void start(long now) {
        lastLeaderContact = now;
        armElection();
    }

    // ---------------------------------------------------------------- inputs

    @Override
    public void receive(Address from, Message message, long now) {
        if (message instanceof Message.ClientRequest request) {
            onClientRequest(from, request.cmd());
            return;
        }
        if (!(from instanceof Address.Node node)) {
            return;
        }
        int peer = node.index();
        if (message instanceof Message.Accept accept) {
            onAccept(peer, accept, now);
        } else if (message instanceof Message.Accepted accepted) {
            onAccepted(peer, accepted);
        } else if (message instanceof Message.Decide decide) {
            onDecide(decide);
        } else if (message instanceof Message.Heartbeat heartbeat) {
            onHeartbeat(peer, heartbeat, now);
        } else if (message instanceof Message.HeartbeatAck ack) {
            onHeartbeatAck(peer, ack, now);
        } else if (message instanceof Message.PreVote preVote) {
            onPreVote(peer, preVote, now);
        } else if (message instanceof Message.PreVoteReply reply) {
            onPreVoteReply(peer, reply, now);
        } else if (message instanceof Message.Prepare prepare) {
            onPrepare(peer, prepare, now);
        } else if (message instanceof Message.Promise promise) {
            onPromise(peer, promise, now);
        } else if (message instanceof Message.Nack nack) {
            onNack(nack);
        } else if (message instanceof Message.CatchupRequest request) {
            for (Message reply : learner.serve(request.fromSlot())) {
                out.send(from, reply);
            }
        } else if (message instanceof Message.CatchupReply reply) {
            onCatchupReply(peer, reply, now);
        } else if (message instanceof Message.SnapshotTransfer transfer) {
            onSnapshot(peer, transfer);
        }
    }

    @Override
    public void timer(TimerKind kind, long now) {
        if (kind == TimerKind.ELECTION) {
            onElectionTimer(now);
        } else {
            onHeartbeatTimer(now);
        }
    }

    @Override
    public void flush(long now) {
        if (role != Role.LEADER) {
            return;
        }
        while (!queue.isEmpty() && pipeline.size() < config.maxInflight()) {
            int count = Math.min(queue.size(), Math.min(config.maxBatch(), config.maxInflight() - pipeline.size()));
            List<Command> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                batch.add(queue.poll());
            }
            propose(pipeline.claim(count), List.copyOf(batch), now);
        }
    }

    // ---------------------------------------------------------------- clients

    private void onClientRequest(Address client, Command cmd) {
        OpId op = cmd.id();
        if (role != Role.LEADER) {
            out.send(client, new Message.Redirect(op, role == Role.FOLLOWER ? leader : -1));
            return;
        }
        Result done = learner.machine().resultIfApplied(op);
        if (done != null) {
            out.send(client, new Message.ClientReply(op, done));
            return;
        }
        if (learner.machine().isStale(op)) {
            return;
        }
        if (replyTo.put(op, client) == null) {
            queue.add(cmd);
        }
    }

    /** Called for every applied slot: answers the client if this replica took its request. */
    private void answer(long slot, Command cmd, Result result) {
        if (cmd.isNoop()) {
            return;
        }
        Address client = replyTo.remove(cmd.id());
        if (client != null) {
            out.send(client, new Message.ClientReply(cmd.id(), result));
        }
    }

    // ---------------------------------------------------------------- phase 1

    private void onElectionTimer(long now) {
        if (role != Role.LEADER && now - lastLeaderContact >= config.electionMinMicros()) {
            if (role == Role.CANDIDATE) {
                backoff = Math.min(backoff * 2, config.maxBackoff());
            }
            startPreVote(now);
        }
        armElection();
    }

    /**
     * Asks every peer whether it would promise the next ballot. Unlike phase 1 this changes
     * nothing durable, here or at the peers: a node cut off from the majority can ask again and
     * again and still come back with the ballot it left with.
     */
    private void startPreVote(long now) {
        leader = -1; // silent for an election timeout: no longer a leader to send clients to
        preVote = new Ballot(Math.max(highestRound, acceptor.promised().round()) + 1, self);
        preVoteGrants = 1L << self;
        if (Long.bitCount(preVoteGrants) >= config.quorum()) {
            startElection(now);
            return;
        }
        broadcast(new Message.PreVote(preVote, learner.applied()));
    }

    /**
     * Would this node promise {@code preVote.ballot()}? Not while it hears a live leader (or is
     * one), not if it promised higher, not if the candidate applied less than it did. Answering
     * changes nothing here: no promise, no ballot seen, no timer reset.
     */
    private void onPreVote(int from, Message.PreVote preVote, long now) {
        Ballot promised = acceptor.promised();
        boolean hearsLeader = leaderAlive(now) && from != leader;
        boolean granted = !hearsLeader && !preVote.ballot().lessThan(promised)
                && preVote.applied() >= learner.applied();
        out.send(Address.node(from), new Message.PreVoteReply(preVote.ballot(), granted,
                hearsLeader ? leader : -1, learner.applied(), promised));
    }

    private void onPreVoteReply(int from, Message.PreVoteReply reply, long now) {
        observe(reply.promised());
        if (!reply.granted() && reply.applied() > learner.applied()) {
            requestCatchup(from, now); // the log is chosen further than this node knows: fetch it
        }
        if (preVote == null || !reply.ballot().equals(preVote)) {
            return;
        }
        if (reply.granted()) {
            preVoteGrants |= 1L << from;
            if (Long.bitCount(preVoteGrants) >= config.quorum()) {
                startElection(now);
            }
        }
    }

    private void cancelPreVote() {
        preVote = null;
    }

    private void armElection() {
        out.setTimer(TimerKind.ELECTION, config.electionMinMicros() * backoff, config.electionMaxMicros() * backoff);
    }

    private void startElection(long now) {
        cancelPreVote();
        highestRound = Math.max(highestRound, acceptor.promised().round());
        ballot = new Ballot(highestRound + 1, self);
        highestRound = ballot.round();
        role = Role.CANDIDATE;
        leader = -1;
        lastLeaderContact = now;
        acceptor.promise(ballot);
        out.event(new NodeEvent.ElectionStarted(ballot));
        long fromSlot = learner.applied() + 1;
        promises.clear();
        promises.put(self, acceptor.report(ballot, fromSlot, learner));
        campaign = new Message.Prepare(ballot, fromSlot);
        broadcast(campaign);
        if (promises.size() >= config.quorum()) {
            becomeLeader(now);
        } else {
            out.setTimer(TimerKind.HEARTBEAT, config.heartbeatMicros(), config.heartbeatMicros());
        }
    }

    private void onPrepare(int from, Message.Prepare prepare, long now) {
        Ballot proposed = prepare.ballot();
        observe(proposed);
        Ballot promised = acceptor.promised();
        if (proposed.lessThan(promised)) {
            out.send(Address.node(from), new Message.Nack(proposed, promised));
            return;
        }
        if (proposed.greaterThan(promised) && from != leader && leaderAlive(now)) {
            return; // a live leader is known: do not let a candidate that cannot hear it depose it
        }
        if (role != Role.FOLLOWER && proposed.greaterThan(ballot)) {
            stepDown(proposed, "higher prepare");
        }
        if (proposed.greaterThan(promised)) {
            // give the new candidate time to finish; a repeated prepare must not, or a candidate
            // that cannot hear the promises would hold off every other election forever
            leader = -1;
            lastLeaderContact = now;
            cancelPreVote();
        }
        acceptor.promise(proposed);
        out.send(Address.node(from), acceptor.report(proposed, prepare.fromSlot(), learner));
    }

    private boolean leaderAlive(long now) {
        return role == Role.LEADER
                || (leader >= 0 && now - lastLeaderContact < config.electionMinMicros());
    }

    private void onPromise(int from, Message.Promise promise, long now) {
        if (role != Role.CANDIDATE || !promise.ballot().equals(ballot)) {
            return;
        }
        promises.put(from, promise);
        if (promises.size() >= config.quorum()) {
            becomeLeader(now);
        }
    }

    private void onNack(Message.Nack nack) {
        observe(nack.promised());
        if (role != Role.FOLLOWER && nack.rejected().equals(ballot) && nack.promised().greaterThan(ballot)) {
            stepDown(nack.promised(), "nack");
        }
    }

    /**
     * Phase 1 is done. For every slot the promises mention, re-propose the value known chosen
     * or else the highest-ballot accepted value; fill the holes with no-ops. Slots some
     * acceptor has compacted are chosen: never propose there, fetch them instead.
     */
    private void becomeLeader(long now) {
        cancelPreVote();
        role = Role.LEADER;
        leader = self;
        backoff = 1;
        long maxCompacted = -1;
        int compactedBy = -1;
        TreeMap<Long, Message.Vote> best = new TreeMap<>();
        for (Map.Entry<Integer, Message.Promise> received : promises.entrySet()) {
            Message.Promise promise = received.getValue();
            if (promise.compactedUpTo() > maxCompacted) {
                maxCompacted = promise.compactedUpTo();
                compactedBy = received.getKey();
            }
            for (Message.Vote vote : promise.votes()) {
                best.merge(vote.slot(), vote, PaxosNode::stronger);
            }
        }
        promises.clear();
        long known = learner.applied() + 1;
        long first = Math.max(known, maxCompacted + 1);
        long last = best.isEmpty() ? first - 1 : Math.max(first - 1, best.lastKey());
        pipeline.reset(first);
        pipeline.claim((int) (last - first + 1));
        out.event(new NodeEvent.LeaderElected(ballot));
        heardMask = 0;
        quorumWindowStart = now;
        broadcast(new Message.Heartbeat(ballot, learner.applied()));
        out.setTimer(TimerKind.HEARTBEAT, config.heartbeatMicros(), config.heartbeatMicros());
        if (maxCompacted >= known && compactedBy != self) {
            catchupSentAt = now;
            out.send(Address.node(compactedBy), new Message.CatchupRequest(known));
        }
        recover(first, last, best, now);
    }

    private static Message.Vote stronger(Message.Vote a, Message.Vote b) {
        if (a.chosen() != b.chosen()) {
            return a.chosen() ? a : b;
        }
        return a.ballot().compareTo(b.ballot()) >= 0 ? a : b;
    }

    /** Proposes the recovered values for slots first..last in runs, skipping slots known chosen. */
    private void recover(long first, long last, TreeMap<Long, Message.Vote> best, long now) {
        long runStart = first;
        List<Command> run = new ArrayList<>();
        for (long slot = first; slot <= last + 1; slot++) {
            boolean skip = slot > last || learner.isChosen(slot);
            if (!skip) {
                Message.Vote vote = best.get(slot);
                run.add(vote != null ? vote.cmd() : Command.NOOP);
            }
            if ((skip || run.size() == config.maxBatch()) && !run.isEmpty()) {
                propose(runStart, List.copyOf(run), now);
                run.clear();
            }
            if (skip || run.isEmpty()) {
                runStart = slot + 1;
            }
        }
    }

    // ---------------------------------------------------------------- phase 2

    private void propose(long firstSlot, List<Command> cmds, long now) {
        if (acceptor.promised().greaterThan(ballot)) {
            stepDown(acceptor.promised(), "promised higher");
            return;
        }
        pipeline.add(firstSlot, cmds, now);
        int skipped = acceptor.accept(ballot, firstSlot, cmds);
        broadcast(new Message.Accept(ballot, firstSlot, cmds));
        if (skipped >= 0) {
            countAccepts(self, firstSlot + skipped, cmds.size() - skipped);
        }
    }

    private void onAccept(int from, Message.Accept accept, long now) {
        Ballot proposed = accept.ballot();
        observe(proposed);
        if (!acceptor.promise(proposed)) {
            out.send(Address.node(from), new Message.Nack(proposed, acceptor.promised()));
            return;
        }
        if (role != Role.FOLLOWER && proposed.greaterThan(ballot)) {
            stepDown(proposed, "higher accept");
        }
        follow(from, now);
        int skipped = acceptor.accept(proposed, accept.firstSlot(), accept.cmds());
        if (skipped < 0) {
            requestCatchup(from, now);
            return;
        }
        int count = accept.cmds().size() - skipped;
        if (count > 0) {
            out.send(Address.node(from), new Message.Accepted(proposed, accept.firstSlot() + skipped, count));
        }
        if (skipped > 0) {
            // the leader is proposing slots this replica knows chosen: tell it what they hold
            for (Message reply : learner.serve(accept.firstSlot())) {
                out.send(Address.node(from), reply);
            }
        }
    }

    private void onAccepted(int from, Message.Accepted accepted) {
        if (role != Role.LEADER || !accepted.ballot().equals(ballot)) {
            return;
        }
        heardMask |= 1L << from;
        countAccepts(from, accepted.firstSlot(), accepted.count());
    }

    /** Records acceptances; slots that reach a majority are chosen, applied and announced. */
    private void countAccepts(int from, long firstSlot, int count) {
        long bit = 1L << from;
        long runStart = -1;
        List<Command> run = null;
        for (long slot = firstSlot; slot < firstSlot + count; slot++) {
            Pipeline.Proposal proposal = pipeline.get(slot);
            if (proposal == null) {
                continue;
            }
            proposal.acks |= bit;
            if (Long.bitCount(proposal.acks) < config.quorum()) {
                continue;
            }
            pipeline.remove(slot);
            learner.learn(slot, proposal.cmd);
            if (run != null && slot != runStart + run.size()) {
                broadcast(new Message.Decide(runStart, List.copyOf(run)));
                run = null;
            }
            if (run == null) {
                runStart = slot;
                run = new ArrayList<>();
            }
            run.add(proposal.cmd);
        }
        if (run != null) {
            broadcast(new Message.Decide(runStart, List.copyOf(run)));
            learner.applyReady();
        }
    }

    // ---------------------------------------------------------------- learning

    private void onDecide(Message.Decide decide) {
        learnAll(decide.firstSlot(), decide.cmds());
    }

    private void learnAll(long firstSlot, List<Command> cmds) {
        for (int i = 0; i < cmds.size(); i++) {
            long slot = firstSlot + i;
            if (learner.learn(slot, cmds.get(i))) {
                pipeline.remove(slot); // a leader learning its slot elsewhere stops proposing it
            }
        }
        learner.applyReady();
    }

    private void onHeartbeat(int from, Message.Heartbeat heartbeat, long now) {
        Ballot proposed = heartbeat.ballot();
        observe(proposed);
        if (proposed.lessThan(acceptor.promised())) {
            out.send(Address.node(from), new Message.Nack(proposed, acceptor.promised()));
            return;
        }
        if (role != Role.FOLLOWER && proposed.greaterThan(ballot)) {
            stepDown(proposed, "higher heartbeat");
        }
        follow(from, now);
        out.send(Address.node(from), new Message.HeartbeatAck(proposed, learner.applied()));
        if (heartbeat.chosenUpTo() > learner.applied()) {
            requestCatchup(from, now);
        }
    }

    private void onHeartbeatAck(int from, Message.HeartbeatAck ack, long now) {
        if (role == Role.LEADER && ack.ballot().equals(ballot)) {
            heardMask |= 1L << from;
            if (ack.chosenUpTo() > learner.applied()) {
                requestCatchup(from, now); // a new leader may lag a follower that kept up
            }
        }
    }

    private void requestCatchup(int from, long now) {
        if (now - catchupSentAt < config.heartbeatMicros()) {
            return;
        }
        catchupSentAt = now;
        out.send(Address.node(from), new Message.CatchupRequest(learner.applied() + 1));
    }

    private void onCatchupReply(int from, Message.CatchupReply reply, long now) {
        learnAll(reply.firstSlot(), reply.cmds());
        if (reply.chosenUpTo() > learner.applied() && !reply.cmds().isEmpty()) {
            catchupSentAt = Long.MIN_VALUE / 2;
            requestCatchup(from, now);
        }
    }

    private void onSnapshot(int from, Message.SnapshotTransfer transfer) {
        if (!learner.install(transfer.snapshot(), from)) {
            return;
        }
        pipeline.removeThrough(transfer.snapshot().upTo(), slot -> { });
        for (Iterator<Map.Entry<OpId, Address>> it = replyTo.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<OpId, Address> waiting = it.next();
            Result result = learner.machine().resultIfApplied(waiting.getKey());
            if (result != null) {
                out.send(waiting.getValue(), new Message.ClientReply(waiting.getKey(), result));
                it.remove();
            }
        }
    }

    // ---------------------------------------------------------------- leadership upkeep

    private void onHeartbeatTimer(long now) {
        if (preVote != null) {
            return; // a pre-vote is asked again at the next election timeout, not on every beat
        }
        if (role == Role.CANDIDATE) {
            // on a lossy network one lost prepare or promise must not cost a whole election timeout
            for (int peer = 0; peer < config.nodes(); peer++) {
                if (!promises.containsKey(peer)) {
                    out.send(Address.node(peer), campaign);
                }
            }
            out.setTimer(TimerKind.HEARTBEAT, config.heartbeatMicros(), config.heartbeatMicros());
            return;
        }
        if (role != Role.LEADER) {
            return;
        }
        if (now - quorumWindowStart >= config.electionMinMicros()) {
            if (Long.bitCount(heardMask | (1L << self)) < config.quorum()) {
                stepDown(null, "lost quorum");
                lastLeaderContact = now - config.electionMinMicros();
                return;
            }
            heardMask = 0;
            quorumWindowStart = now;
        }
        broadcast(new Message.Heartbeat(ballot, learner.applied()));
        retransmit(now);
        out.setTimer(TimerKind.HEARTBEAT, config.heartbeatMicros(), config.heartbeatMicros());
    }

    /** Re-sends accepts that a heartbeat later still lack an acceptor's answer. */
    private void retransmit(long now) {
        for (Pipeline.Run run : pipeline.stale(now - config.heartbeatMicros())) {
            Message.Accept accept = new Message.Accept(ballot, run.firstSlot(), run.cmds());
            for (int peer = 0; peer < config.nodes(); peer++) {
                if (peer != self && run.missing(peer)) {
                    out.send(Address.node(peer), accept);
                }
            }
            for (Pipeline.Proposal proposal : run.proposals()) {
                proposal.sentAt = now;
            }
        }
    }

    private void follow(int from, long now) {
        leader = from;
        lastLeaderContact = now;
        backoff = 1;
        cancelPreVote();
    }

    private void stepDown(Ballot higher, String reason) {
        if (role == Role.FOLLOWER) {
            return;
        }
        role = Role.FOLLOWER;
        leader = -1;
        cancelPreVote();
        pipeline.reset(learner.applied() + 1);
        queue.clear();
        replyTo.clear();
        promises.clear();
        out.event(new NodeEvent.SteppedDown(higher, reason));
    }

    private void observe(Ballot seen) {
        highestRound = Math.max(highestRound, seen.round());
    }

    private void broadcast(Message message) {
        for (int peer = 0; peer < config.nodes(); peer++) {
            if (peer != self) {
                out.send(Address.node(peer), message);
            }
        }
    }

    // ---------------------------------------------------------------- status

    @Override
    public ReplicaStatus status() {
        return new ReplicaStatus(role, ballot, acceptor.promised(), leader, learner.applied(),
                acceptor.compactedUpTo(), learner.lastSnapshot(), learner.machine().digest());
    }
}
