package paxosviz.trace.model;

/**
 * A read or a comparison stopped before its end because it was asked to ({@link
 * ReadProgress#cancelRequested()}) or its thread was interrupted (the interrupt flag is then
 * set again). Not a problem with the file: nothing needs to be reported.
 */
public final class ReadCancelledException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReadCancelledException(String message) {
        super(message);
    }
}
