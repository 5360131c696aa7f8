package paxosviz.viewstate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import paxosviz.core.Command;

/**
 * Numbers commands so a log cell can name one in an int. Append-only, so every copy of a view
 * state can share one table: a number, once given, always means the same command.
 */
final class CommandTable {

    private static final int RECENT = 4096;

    /** The number that means "no command". */
    static final int NONE = 0;

    private final List<Command> commands = new ArrayList<>();
    private final Map<Command, Integer> numbers = new HashMap<>();
    /** The same command object comes back in one event after another (accept, chosen, apply): look it up by identity first. */
    private final Map<Command, Integer> recent = new java.util.IdentityHashMap<>();

    CommandTable() {
        commands.add(null); // number NONE
    }

    int number(Command cmd) {
        if (cmd == null) {
            return NONE;
        }
        Integer seen = recent.get(cmd);
        if (seen != null) {
            return seen;
        }
        if (recent.size() >= RECENT) {
            recent.clear(); // a cache, not a second table: it only needs the commands of the last few thousand events
        }
        Integer known = numbers.get(cmd);
        if (known != null) {
            recent.put(cmd, known);
            return known;
        }
        int next = commands.size();
        commands.add(cmd);
        numbers.put(cmd, next);
        recent.put(cmd, next);
        return next;
    }

    /** The command with this number, or null for {@link #NONE}. */
    Command command(int number) {
        return number == NONE ? null : commands.get(number);
    }
}
