package paxosviz.ui.session;

import java.util.ArrayList;
import java.util.List;

import paxosviz.check.CheckReport;
import paxosviz.core.Address;
import paxosviz.core.OpType;
import paxosviz.scenario.Protocol;
import paxosviz.trace.model.TraceEvent;
import paxosviz.viewstate.ViewState;

/**
 * A session fed by hand, for view-model tests: events given to {@link #feed} are folded at the
 * next frame, the clock is set by the test, and every control is written down in {@link #actions()}
 * instead of reaching a cluster. With {@code live} false it has no controls, as a replay.
 */
public final class ScriptedSession implements Session, LiveControls {

    private final SessionInfo info;
    private final ViewState state;
    private final boolean live;
    private final List<TraceEvent> queued = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();
    private double nowMillis;
    private CheckReport report;

    public ScriptedSession(int nodes, boolean live) {
        this(nodes, Protocol.MULTIPAXOS, live);
    }

    public ScriptedSession(int nodes, Protocol protocol, boolean live) {
        this.info = new SessionInfo(live ? SessionInfo.Kind.LIVE : SessionInfo.Kind.REPLAY, "scripted", "", nodes, protocol,
                "scripted", null, "");
        this.state = new ViewState(nodes, protocol);
        this.live = live;
    }

    /** Events for the next frame. */
    public ScriptedSession feed(TraceEvent... events) {
        queued.addAll(List.of(events));
        return this;
    }

    public void setNow(double millis) {
        nowMillis = millis;
    }

    public void setReport(CheckReport report) {
        this.report = report;
    }

    /** The controls used so far, in words: "crash 2", "cut 0 1 oneWay=false". */
    public List<String> actions() {
        return actions;
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public Frame frame() {
        List<TraceEvent> fresh = new ArrayList<>(queued);
        queued.clear();
        fresh.forEach(state::apply);
        return new Frame(fresh, false, true);
    }

    @Override
    public ViewState state() {
        return state;
    }

    @Override
    public double nowMillis() {
        return nowMillis;
    }

    @Override
    public Safety safety() {
        return new Safety(report, null, false);
    }

    @Override
    public LiveControls live() {
        return live ? this : null;
    }

    @Override
    public ReplaySession replay() {
        return null;
    }

    @Override
    public void close() {
    }

    private void did(String action) {
        actions.add(action);
    }

    @Override
    public void cut(int from, int to, boolean oneWay) {
        did("cut " + from + " " + to + " oneWay=" + oneWay);
    }

    @Override
    public void restore(int from, int to, boolean oneWay) {
        did("restore " + from + " " + to + " oneWay=" + oneWay);
    }

    @Override
    public void isolate(int node) {
        did("isolate " + node);
    }

    @Override
    public void partition(List<List<Address>> groups) {
        did("partition " + groups);
    }

    @Override
    public void heal() {
        did("heal");
    }

    @Override
    public void crash(int node) {
        did("crash " + node);
    }

    @Override
    public void restart(int node) {
        did("restart " + node);
    }

    @Override
    public void hold(long id, int copy) {
        did("hold " + id + "/" + copy);
    }

    @Override
    public void release(long id, int copy) {
        did("release " + id + "/" + copy);
    }

    @Override
    public void deliverNow(long id, int copy) {
        did("deliver " + id + "/" + copy);
    }

    @Override
    public void drop(long id, int copy) {
        did("drop " + id + "/" + copy);
    }

    @Override
    public void duplicate(long id, int copy) {
        did("duplicate " + id + "/" + copy);
    }

    @Override
    public void submit(String client, OpType type, String key, String value, String expect) {
        did("submit " + client + " " + type.wireName() + " " + key + " " + value + " " + expect);
    }

    @Override
    public void setSpeed(double speed) {
        did("speed " + speed);
    }

    @Override
    public void pause() {
        did("pause");
    }

    @Override
    public void resume() {
        did("resume");
    }

    @Override
    public void step() {
        did("step");
    }

    @Override
    public void setNetwork(double minDelayMs, double maxDelayMs, double drop, double duplicate) {
        did("network " + minDelayMs + " " + maxDelayMs + " " + drop + " " + duplicate);
    }

    @Override
    public void setWorkload(boolean on, double ratePerSec, int clients) {
        did("workload " + on + " " + ratePerSec + " " + clients);
    }
}
