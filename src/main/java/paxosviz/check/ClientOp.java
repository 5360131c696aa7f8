package paxosviz.check;

import paxosviz.core.Command;
import paxosviz.core.Result;
import paxosviz.trace.model.Outcome;

/**
 * One client operation, (client, seq), as the trace tells it: its first invoke, its latest
 * return, and where the replay of the agreed log first holds it. Compared by identity: the
 * history makes one per operation.
 */
final class ClientOp {

    /** The operation as invoked; null until an invoke names it. */
    Command invoked;
    long invokeSeq = -1;

    /** The latest return: null outcome until one arrives. */
    Command returned;
    long returnSeq = -1;
    Outcome outcome;
    Result result;

    /** Set when the replay of the agreed log reaches the operation's first slot. */
    Command logged;
    long slot = -1;
    long loggedAtSeq = -1;
    /** The key's value (a {@link ValueTable} id of the log's replay) just before the operation ran. */
    int valueBefore;

    boolean acknowledged() {
        return outcome == Outcome.OK;
    }

    boolean inLog() {
        return slot >= 0;
    }
}
