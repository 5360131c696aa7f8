package paxosviz.cli;

/** The exit codes every subcommand shares (CONTRACTS.md). */
final class ExitCodes {

    static final int OK = 0;
    /** A safety violation or a failed expectation. */
    static final int VIOLATION = 1;
    /** The input could not be used. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
