package paxosviz.ui.viewmodel;

import java.util.List;

import paxosviz.core.Command;
import paxosviz.core.Message;

/** A message in words, for tooltips and the message panel. */
public final class MessageText {

    private static final int SHOWN_COMMANDS = 6;

    private MessageText() {
    }

    public static String describe(MessageDot dot) {
        String head = dot.wire().kind() + " #" + dot.id() + (dot.copy() > 0 ? " (duplicate " + dot.copy() + ")" : "")
                + (dot.copies() > 1 ? ", " + dot.copies() + " copies on the way" : "")
                + "   " + dot.from() + " → " + dot.to() + (dot.held() ? "   (held)" : "");
        Message message = dot.wire().message();
        return message == null ? head : head + "\n" + body(message);
    }

    static String body(Message message) {
        if (message instanceof Message.Accept m) {
            return "ballot " + m.ballot() + ", " + slots(m.firstSlot(), m.cmds());
        }
        if (message instanceof Message.Decide m) {
            return slots(m.firstSlot(), m.cmds());
        }
        if (message instanceof Message.CatchupReply m) {
            return slots(m.firstSlot(), m.cmds()) + "; sender has chosen through " + m.chosenUpTo();
        }
        if (message instanceof Message.Accepted m) {
            return "ballot " + m.ballot() + ", slots " + m.firstSlot() + "–" + (m.firstSlot() + m.count() - 1);
        }
        if (message instanceof Message.Promise m) {
            return "ballot " + m.ballot() + ", " + m.votes().size() + " accepted value(s) from slot " + m.fromSlot()
                    + (m.compactedUpTo() >= 0 ? ", compacted through " + m.compactedUpTo() : "");
        }
        if (message instanceof Message.SnapshotTransfer m) {
            return "snapshot through slot " + m.snapshot().upTo() + " (" + m.snapshot().data().size() + " keys)";
        }
        String text = message.toString();
        int open = text.indexOf('[');
        return open >= 0 && text.endsWith("]") ? text.substring(open + 1, text.length() - 1) : text;
    }

    private static String slots(long first, List<Command> cmds) {
        StringBuilder text = new StringBuilder(cmds.size() == 1 ? "slot " + first : "slots " + first + "–" + (first + cmds.size() - 1));
        for (int i = 0; i < Math.min(cmds.size(), SHOWN_COMMANDS); i++) {
            text.append("\n  ").append(first + i).append(": ").append(cmds.get(i));
        }
        if (cmds.size() > SHOWN_COMMANDS) {
            text.append("\n  … ").append(cmds.size() - SHOWN_COMMANDS).append(" more");
        }
        return text.toString();
    }
}
