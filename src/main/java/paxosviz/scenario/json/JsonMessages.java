package paxosviz.scenario.json;

/** Jackson's error texts, shortened for people. */
final class JsonMessages {

    private JsonMessages() {
    }

    /** Drops Jackson's hints at its own configuration methods, which a user cannot act on. */
    static String plain(String message) {
        return message == null ? "" : message.replaceAll(", from `[^`]*`", "").replaceAll(" \\(from `[^`]*`\\)", "");
    }
}
