package paxosviz.core;

/**
 * What applying a command returned. A get carries the value read (null when the key is
 * missing); a cas carries whether it swapped; put, append and no-op carry nothing.
 */
public record Result(OpType type, String value, boolean ok) {

    public static Result of(OpType type) {
        return new Result(type, null, false);
    }

    public static Result read(String value) {
        return new Result(OpType.GET, value, false);
    }

    public static Result swapped(boolean ok) {
        return new Result(OpType.CAS, null, ok);
    }

    @Override
    public String toString() {
        return switch (type) {
            case GET -> "value=" + value;
            case CAS -> "ok=" + ok;
            default -> "done";
        };
    }
}
