package paxosviz.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import paxosviz.core.Ballot;
import paxosviz.core.ReplicaStatus;
import paxosviz.core.Role;
import paxosviz.scenario.Step;

/**
 * Finds the node a step or a caption names by role, as the runtime sees the cluster at that
 * moment: the leader (or primary), some follower (or backup), or a node that is down.
 */
final class RolePicker {

    private static final Comparator<Ballot> BALLOTS = Comparator.nullsFirst(Comparator.naturalOrder());

    /** No node plays the role now. */
    static final int NONE = -1;

    private final Cluster cluster;
    /** Apart from the runtime's own randomness, so naming a follower does not change the rest of the run. */
    private final SplittableRandom random;

    RolePicker(Cluster cluster, long seed) {
        this.cluster = cluster;
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    int pick(Step.NodeRole role) {
        return switch (role) {
            case LEADER -> leader();
            case FOLLOWER -> follower();
            case CRASHED -> crashed();
        };
    }

    /** Of the nodes that think they lead, the one with the highest ballot: a deposed leader may not know yet. */
    private int leader() {
        int best = NONE;
        Ballot bestBallot = null;
        for (int node = 0; node < cluster.spec().nodes(); node++) {
            ReplicaStatus status = cluster.status(node);
            if (status == null || !(status.role() == Role.LEADER || status.role() == Role.PRIMARY)) {
                continue;
            }
            if (best == NONE || BALLOTS.compare(status.ballot(), bestBallot) > 0) {
                best = node;
                bestBallot = status.ballot();
            }
        }
        return best;
    }

    private int follower() {
        List<Integer> followers = new ArrayList<>();
        for (int node = 0; node < cluster.spec().nodes(); node++) {
            ReplicaStatus status = cluster.status(node);
            if (status != null && (status.role() == Role.FOLLOWER || status.role() == Role.CANDIDATE
                    || status.role() == Role.BACKUP)) {
                followers.add(node);
            }
        }
        return followers.isEmpty() ? NONE : followers.get(random.nextInt(followers.size()));
    }

    private int crashed() {
        for (int node = 0; node < cluster.spec().nodes(); node++) {
            if (!cluster.isUp(node)) {
                return node;
            }
        }
        return NONE;
    }
}
