package paxosviz.trace.model;

import paxosviz.scenario.Scenario;

/**
 * The first line of a trace. {@code seed} is null when unknown; {@code scenario} is null when
 * the trace does not carry one this program can read; {@code window} is null unless the trace
 * was exported as a time window of a longer one.
 */
public record TraceHeader(int version, int nodes, String runtime, Long seed, Scenario scenario, Window window) {

    public static final String FORMAT = "paxos-trace";
    public static final int VERSION = 1;

    /**
     * The part of a longer trace an exported window shows, in milliseconds. Before {@code from}
     * the window keeps every event but the message traffic that was over by then, so the state
     * at {@code from} and the checker's verdict come out as in the whole trace.
     */
    public record Window(double fromMillis, double untilMillis) {
    }

    public TraceHeader(int version, int nodes, String runtime, Long seed, Scenario scenario) {
        this(version, nodes, runtime, seed, scenario, null);
    }

    public TraceHeader withWindow(Window shown) {
        return new TraceHeader(version, nodes, runtime, seed, scenario, shown);
    }
}
