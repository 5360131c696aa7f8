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

    /** The number that means "no command". */
    static final int NONE = 0;

    private final List<Command> commands = new ArrayList<>();
    private final Map<Command, Integer> numbers = new HashMap<>();

    CommandTable() {
        commands.add(null); // number NONE
    }

    int number(Command cmd) {
        if (cmd == null) {
            return NONE;
        }
        Integer known = numbers.get(cmd);
        if (known != null) {
            return known;
        }
        int next = commands.size();
        commands.add(cmd);
        numbers.put(cmd, next);
        return next;
    }

    /** The command with this number, or null for {@link #NONE}. */
    Command command(int number) {
        return number == NONE ? null : commands.get(number);
    }
}
