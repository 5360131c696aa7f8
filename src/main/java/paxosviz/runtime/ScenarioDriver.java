package paxosviz.runtime;

import java.util.ArrayList;
import java.util.List;

import paxosviz.core.Address;
import paxosviz.net.LinkParams;
import paxosviz.trace.model.EventBody;
import paxosviz.scenario.Highlight;
import paxosviz.scenario.Narration;
import paxosviz.scenario.Scenario;
import paxosviz.scenario.Step;

/** Puts a scenario's steps on a cluster's clock; each step becomes the matching cluster call. */
public final class ScenarioDriver {

    private final Scenario scenario;
    private final Cluster cluster;
    private final RolePicker roles;
    private int loadClients;
    private volatile boolean faultsOn = true;

    public ScenarioDriver(Scenario scenario, Cluster cluster) {
        this.scenario = scenario;
        this.cluster = cluster;
        this.roles = new RolePicker(cluster, scenario.seed());
    }

    public static long micros(double ms) {
        return Math.round(ms * 1000);
    }

    /**
     * Schedules every step and caption up to the scenario's duration. Steps at equal times keep
     * their listed order; a caption comes after the steps of its time, so it can speak of them.
     */
    public void schedule() {
        for (Step step : scenario.timeline()) {
            if (step.at() <= scenario.durationMs()) {
                Runnable action = action(step);
                cluster.scheduleAt(micros(step.at()), action);
            }
        }
        for (Narration caption : scenario.narration()) {
            if (caption.at() <= scenario.durationMs()) {
                cluster.scheduleAt(micros(caption.at()), () -> cluster.narrate(resolve(caption)));
            }
        }
    }

    /** The caption as it shows now: "the leader" becomes the node leading at this moment. */
    private EventBody.Caption resolve(Narration caption) {
        Highlight highlight = caption.highlight();
        List<Integer> playing = highlight.roles().stream().map(roles::pick).toList();
        return new EventBody.Caption(caption.text(), caption.pause(), caption.forMs(), highlight.resolved(playing));
    }

    /** The scenario's faults still to come will not happen: from now on faults are the user's (a forked run). */
    public void stopFaults() {
        faultsOn = false;
    }

    private Runnable action(Step step) {
        Runnable action = unguarded(step);
        boolean clientStep = step instanceof Step.ClientOp || step instanceof Step.Load;
        return clientStep ? action : () -> {
            if (faultsOn) {
                action.run();
            }
        };
    }

    private Runnable unguarded(Step step) {
        if (step instanceof Step.ClientOp op) {
            ClientSession.Request request = new ClientSession.Request(op.type(), op.key(), op.value(), op.expect());
            return () -> cluster.client(op.client()).submit(request);
        }
        if (step instanceof Step.Load load) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < load.clients(); i++) {
                names.add("w" + (++loadClients));
            }
            long until = micros(Math.min(load.until(), scenario.durationMs()));
            return () -> cluster.startLoad(names, load.keys(), load.ratePerSec(), until);
        }
        if (step instanceof Step.Partition partition) {
            List<List<Address>> groups = new ArrayList<>();
            for (Step.Group group : partition.groups()) {
                List<Address> members = new ArrayList<>();
                group.nodes().forEach(node -> members.add(Address.node(node)));
                group.clients().forEach(client -> members.add(Address.client(client)));
                groups.add(members);
            }
            return () -> cluster.partition(groups);
        }
        if (step instanceof Step.Heal) {
            return cluster::heal;
        }
        if (step instanceof Step.Cut cut) {
            return () -> cluster.cut(cut.from(), cut.to(), cut.oneWay());
        }
        if (step instanceof Step.Restore restore) {
            return () -> cluster.restore(restore.from(), restore.to(), restore.oneWay());
        }
        if (step instanceof Step.Isolate isolate) {
            return () -> cluster.isolate(isolate.node());
        }
        if (step instanceof Step.Crash crash) {
            return () -> cluster.crash(crash.node());
        }
        if (step instanceof Step.Restart restart) {
            return () -> cluster.restart(restart.node());
        }
        if (step instanceof Step.ByRole byRole) {
            return () -> onRole(byRole);
        }
        if (step instanceof Step.NetworkChange change) {
            return () -> cluster.setNetwork(merge(cluster.network(), change));
        }
        throw new IllegalArgumentException("unknown step " + step);
    }

    /** Does nothing when no node plays the role then (no leader during an election, nobody down). */
    private void onRole(Step.ByRole step) {
        int node = roles.pick(step.role());
        if (node == RolePicker.NONE) {
            return;
        }
        switch (step.fault()) {
            case CRASH -> cluster.crash(node);
            case RESTART -> cluster.restart(node);
            case ISOLATE -> cluster.isolate(node);
        }
    }

    private static LinkParams merge(LinkParams current, Step.NetworkChange change) {
        return new LinkParams(
                change.minDelayMs() != null ? micros(change.minDelayMs()) : current.minDelayMicros(),
                change.maxDelayMs() != null ? micros(change.maxDelayMs()) : current.maxDelayMicros(),
                change.drop() != null ? change.drop() : current.drop(),
                change.duplicate() != null ? change.duplicate() : current.duplicate());
    }
}
