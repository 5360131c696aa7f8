package paxosviz.trace.json;

import java.util.List;
import java.util.Objects;

import paxosviz.core.Address;
import paxosviz.core.Ballot;
import paxosviz.core.Command;
import paxosviz.core.NodeEvent;
import paxosviz.core.OpType;
import paxosviz.core.Result;
import paxosviz.trace.model.Wire;

/**
 * Hands out one instance of each immutable value seen recently while a trace is read, so that a
 * trace kept in memory holds a command once rather than in each of the dozen events that carry
 * it (request, accept, chosen and apply on every node, decide, return), a message once for its
 * send and its deliver, and a client's name once. Each table is direct-mapped and bounded: a
 * value that collides replaces the one there, which only costs some sharing.
 *
 * <p>The decoding threads of one read share the tables without locks. That is safe because
 * every value put in them is immutable with final fields only (strings, records, lists from
 * {@link List#copyOf}): a thread that reads a slot another one wrote sees either an older value,
 * nothing, or the whole new value.
 */
final class Shared {

    /** Texts longer than this are rarely repeated; they are not looked up. */
    private static final int MAX_SHARED_CHARS = 64;

    private final String[] texts = new String[1 << 14];
    // Object[] rather than Ballot[] and so on: a store into an Object[] needs no type check.
    private final Object[] ballots = new Object[1 << 10];
    private final Object[] clients = new Object[1 << 10];
    private final Object[] commands = new Object[1 << 15];
    private final Object[] commandLists = new Object[1 << 13];
    private final Object[] results = new Object[1 << 10];
    private final Object[] wires = new Object[1 << 13];
    private final Object[] nodeEvents = new Object[1 << 15];

    /** The string of these characters, the one seen before if there was one. */
    String text(char[] chars, int offset, int length) {
        if (length > MAX_SHARED_CHARS) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = mix(hash) & (texts.length - 1);
        String seen = texts[slot];
        if (seen != null && seen.length() == length && same(seen, chars, offset)) {
            return seen;
        }
        String text = new String(chars, offset, length);
        texts[slot] = text;
        return text;
    }

    private static boolean same(String text, char[] chars, int offset) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    Ballot ballot(int round, int node) {
        int slot = mix(round * 31 + node) & (ballots.length - 1);
        if (ballots[slot] instanceof Ballot seen && seen.round() == round && seen.node() == node) {
            return seen;
        }
        Ballot ballot = new Ballot(round, node);
        ballots[slot] = ballot;
        return ballot;
    }

    Address.Client client(String name) {
        int slot = mix(name.hashCode()) & (clients.length - 1);
        if (clients[slot] instanceof Address.Client seen && seen.name().equals(name)) {
            return seen;
        }
        Address.Client client = Address.client(name);
        clients[slot] = client;
        return client;
    }

    /** The command with these fields; compared field by field, so a command seen before costs no allocation. */
    Command command(String client, long seq, OpType type, String key, String value, String expect) {
        int hash = ((((Objects.hashCode(client) * 31 + Long.hashCode(seq)) * 31 + type.ordinal()) * 31
                + Objects.hashCode(key)) * 31 + Objects.hashCode(value)) * 31 + Objects.hashCode(expect);
        int slot = mix(hash) & (commands.length - 1);
        if (commands[slot] instanceof Command seen && seen.seq() == seq && seen.type() == type && same(seen.client(), client)
                && same(seen.key(), key) && same(seen.value(), value) && same(seen.expect(), expect)) {
            return seen;
        }
        Command command = new Command(client, seq, type, key, value, expect);
        commands[slot] = command;
        return command;
    }

    private static boolean same(String a, String b) {
        return a == b || a != null && a.equals(b);
    }

    /** An unmodifiable copy of the list, the one seen before if it was equal. */
    List<Command> commands(List<Command> list) {
        int slot = mix(list.hashCode()) & (commandLists.length - 1);
        Object seen = commandLists[slot];
        if (list.equals(seen)) {
            @SuppressWarnings("unchecked")
            List<Command> same = (List<Command>) seen;
            return same;
        }
        List<Command> copy = List.copyOf(list);
        commandLists[slot] = copy;
        return copy;
    }

    Result result(OpType type, String value, boolean ok) {
        int slot = mix((type.ordinal() * 31 + Objects.hashCode(value)) * 2 + (ok ? 1 : 0)) & (results.length - 1);
        if (results[slot] instanceof Result seen && seen.type() == type && seen.ok() == ok && same(seen.value(), value)) {
            return seen;
        }
        Result result = new Result(type, value, ok);
        results[slot] = result;
        return result;
    }

    /** A message is usually read twice, sent and delivered, under the same id. */
    Wire wire(Wire wire) {
        int slot = mix(Long.hashCode(wire.id())) & (wires.length - 1);
        Object seen = wires[slot];
        if (wire.equals(seen)) {
            return (Wire) seen;
        }
        wires[slot] = wire;
        return wire;
    }

    /** Every node reports the same chosen, apply and accept. */
    NodeEvent nodeEvent(NodeEvent event) {
        return (NodeEvent) share(nodeEvents, event);
    }

    private static Object share(Object[] table, Object value) {
        int slot = mix(value.hashCode()) & (table.length - 1);
        Object seen = table[slot];
        if (value.equals(seen)) {
            return seen;
        }
        table[slot] = value;
        return value;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
