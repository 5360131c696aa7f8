package paxosviz.kv;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import paxosviz.core.Command;
import paxosviz.core.OpId;
import paxosviz.core.Result;
import paxosviz.core.SnapshotData;
import paxosviz.core.StateMachine;

/**
 * The replicated key-value map: put sets, append concatenates (missing is empty), get reads
 * (missing is null), cas sets only if the current value equals the expected one (null means
 * missing). A session table remembers each client's latest operation and its result, so a
 * retried operation takes effect once and an older one not at all.
 */
public final class KvStore implements StateMachine {

    /** A client's latest applied operation. */
    record Session(long seq, Result result) {
    }

    private final HashMap<String, String> data = new HashMap<>();
    private final HashMap<String, Session> sessions = new HashMap<>();

    @Override
    public Result apply(Command cmd) {
        if (cmd.isNoop()) {
            return Result.of(cmd.type());
        }
        Session last = sessions.get(cmd.client());
        if (last != null && cmd.seq() <= last.seq()) {
            return cmd.seq() == last.seq() ? last.result() : Result.of(cmd.type());
        }
        Result result = execute(cmd);
        sessions.put(cmd.client(), new Session(cmd.seq(), result));
        return result;
    }

    private Result execute(Command cmd) {
        String current = data.get(cmd.key());
        switch (cmd.type()) {
            case PUT:
                putOrRemove(cmd.key(), cmd.value());
                return Result.of(cmd.type());
            case APPEND:
                data.put(cmd.key(), (current == null ? "" : current) + (cmd.value() == null ? "" : cmd.value()));
                return Result.of(cmd.type());
            case GET:
                return Result.read(current);
            case CAS:
                boolean swap = Objects.equals(current, cmd.expect());
                if (swap) {
                    putOrRemove(cmd.key(), cmd.value());
                }
                return Result.swapped(swap);
            default:
                throw new IllegalArgumentException("not a client operation: " + cmd);
        }
    }

    /** Setting a key to null (missing) removes it. */
    private void putOrRemove(String key, String value) {
        if (value == null) {
            data.remove(key);
        } else {
            data.put(key, value);
        }
    }

    @Override
    public Result resultIfApplied(OpId op) {
        Session last = sessions.get(op.client());
        return last != null && last.seq() == op.seq() ? last.result() : null;
    }

    @Override
    public boolean isStale(OpId op) {
        Session last = sessions.get(op.client());
        return last != null && op.seq() < last.seq();
    }

    @Override
    public SnapshotData snapshot() {
        return new KvSnapshot(Map.copyOf(data), Map.copyOf(sessions));
    }

    @Override
    public void restore(SnapshotData snapshot) {
        KvSnapshot image = (KvSnapshot) snapshot;
        data.clear();
        data.putAll(image.data());
        sessions.clear();
        sessions.putAll(image.sessions());
    }

    /** SHA-256 over the sorted contents and sessions, shortened to 16 hex digits. */
    @Override
    public String digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(data).entrySet()) {
            feed(sha, "k", entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, Session> entry : new TreeMap<>(sessions).entrySet()) {
            feed(sha, "s", entry.getKey(), Long.toString(entry.getValue().seq()));
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static void feed(MessageDigest sha, String tag, String key, String value) {
        sha.update((tag + key.length() + ':' + key + '=' + value + '\n').getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, String> contents() {
        return new TreeMap<>(data);
    }

    /** An immutable image of the store. */
    record KvSnapshot(Map<String, String> data, Map<String, Session> sessions) implements SnapshotData {
        @Override
        public int size() {
            return data.size();
        }
    }
}
