package paxosviz;

/**
 * A file the user gave cannot be used: missing, not JSON, wrong field type, out of range,
 * truncated. The message is complete and meant for a person: it names the file and the line
 * or field, so the command line prints it as is and the app shows it in a dialog.
 */
public class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
