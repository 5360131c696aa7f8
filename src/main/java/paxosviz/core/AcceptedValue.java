package paxosviz.core;

/** What an acceptor accepted for one slot. */
public record AcceptedValue(Ballot ballot, Command cmd) {
}
