package paxosviz.trace.model;

import paxosviz.scenario.Scenario;

/**
 * The first line of a trace. {@code seed} is null when unknown; {@code scenario} is null when
 * the trace does not carry one this program can read.
 */
public record TraceHeader(int version, int nodes, String runtime, Long seed, Scenario scenario) {

    public static final String FORMAT = "paxos-trace";
    public static final int VERSION = 1;
}
