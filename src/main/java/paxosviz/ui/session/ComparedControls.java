package paxosviz.ui.session;

import java.util.List;

import paxosviz.core.Address;
import paxosviz.core.OpType;

/**
 * The controls of one side of a comparison. Faults, client operations, the network and the
 * workload reach both clusters, on the same node numbers, so that both live through the same
 * experiment. A message belongs to one cluster only (its id means nothing in the other), so
 * per-message controls stay on this side. The clock is one clock shared by both clusters:
 * pausing, stepping or pacing this side moves the other too, so it is driven once, here.
 */
final class ComparedControls implements LiveControls {

    private final LiveControls own;
    private final LiveControls other;

    ComparedControls(LiveControls own, LiveControls other) {
        this.own = own;
        this.other = other;
    }

    @Override
    public void cut(int from, int to, boolean oneWay) {
        own.cut(from, to, oneWay);
        other.cut(from, to, oneWay);
    }

    @Override
    public void restore(int from, int to, boolean oneWay) {
        own.restore(from, to, oneWay);
        other.restore(from, to, oneWay);
    }

    @Override
    public void isolate(int node) {
        own.isolate(node);
        other.isolate(node);
    }

    @Override
    public void partition(List<List<Address>> groups) {
        own.partition(groups);
        other.partition(groups);
    }

    @Override
    public void heal() {
        own.heal();
        other.heal();
    }

    @Override
    public void crash(int node) {
        own.crash(node);
        other.crash(node);
    }

    @Override
    public void restart(int node) {
        own.restart(node);
        other.restart(node);
    }

    @Override
    public void hold(long id, int copy) {
        own.hold(id, copy);
    }

    @Override
    public void release(long id, int copy) {
        own.release(id, copy);
    }

    @Override
    public void deliverNow(long id, int copy) {
        own.deliverNow(id, copy);
    }

    @Override
    public void drop(long id, int copy) {
        own.drop(id, copy);
    }

    @Override
    public void duplicate(long id, int copy) {
        own.duplicate(id, copy);
    }

    @Override
    public void submit(String client, OpType type, String key, String value, String expect) {
        own.submit(client, type, key, value, expect);
        other.submit(client, type, key, value, expect);
    }

    @Override
    public void setSpeed(double speed) {
        own.setSpeed(speed);
    }

    @Override
    public void pause() {
        own.pause();
    }

    @Override
    public void resume() {
        own.resume();
    }

    @Override
    public void step() {
        own.step();
    }

    @Override
    public void setNetwork(double minDelayMs, double maxDelayMs, double drop, double duplicate) {
        own.setNetwork(minDelayMs, maxDelayMs, drop, duplicate);
        other.setNetwork(minDelayMs, maxDelayMs, drop, duplicate);
    }

    @Override
    public void setWorkload(boolean on, double ratePerSec, int clients) {
        own.setWorkload(on, ratePerSec, clients);
        other.setWorkload(on, ratePerSec, clients);
    }
}
