package paxosviz.ui.viewmodel;

import paxosviz.core.Command;

/**
 * The command of every slot, one table for all rows: the command chosen once any node learned
 * it, before that the one accepted under the highest ballot; with that ballot, so a row can
 * tell whether what it accepted is this very command. About nine bytes per slot besides the
 * commands, which the events share.
 */
final class SlotCommands {

    private Command[][] commands = new Command[8][];
    private int[][] ballots = new int[8][];
    private boolean[][] chosen = new boolean[8][];

    void accepted(long slot, int ballot, Command cmd) {
        allocate(slot);
        int index = Chunks.index(slot);
        int offset = Chunks.offset(slot);
        boolean higher = ballot > ballots[index][offset];
        // once chosen, a higher ballot can only carry the same command again (Paxos safety)
        if (higher && (!chosen[index][offset] || cmd.equals(commands[index][offset]))) {
            commands[index][offset] = cmd;
            ballots[index][offset] = ballot;
        }
    }

    void chosen(long slot, Command cmd) {
        allocate(slot);
        int index = Chunks.index(slot);
        int offset = Chunks.offset(slot);
        if (chosen[index][offset]) {
            return;
        }
        chosen[index][offset] = true;
        if (!cmd.equals(commands[index][offset])) {
            commands[index][offset] = cmd;
            ballots[index][offset] = PackedBallot.NONE; // chosen under a ballot no accept here showed
        }
    }

    /** The slot's command, or null when no node reported one. */
    Command command(long slot) {
        int index = Chunks.index(slot);
        return index < commands.length && commands[index] != null ? commands[index][Chunks.offset(slot)] : null;
    }

    /** The ballot that carried {@link #command}, or {@link PackedBallot#NONE} when unknown. */
    int ballot(long slot) {
        int index = Chunks.index(slot);
        return index < ballots.length && ballots[index] != null ? ballots[index][Chunks.offset(slot)] : PackedBallot.NONE;
    }

    boolean isChosen(long slot) {
        int index = Chunks.index(slot);
        return index < chosen.length && chosen[index] != null && chosen[index][Chunks.offset(slot)];
    }

    private void allocate(long slot) {
        int index = Chunks.index(slot);
        commands = Chunks.fit(commands, index);
        ballots = Chunks.fit(ballots, index);
        chosen = Chunks.fit(chosen, index);
        if (commands[index] == null) {
            commands[index] = new Command[Chunks.SIZE];
            ballots[index] = new int[Chunks.SIZE];
            chosen[index] = new boolean[Chunks.SIZE];
        }
    }

    /** Bytes held by the table's arrays, not counting the commands themselves. */
    long footprintBytes() {
        long bytes = Chunks.outerBytes(commands) + Chunks.outerBytes(ballots) + Chunks.outerBytes(chosen);
        for (Command[] chunk : commands) {
            if (chunk != null) {
                bytes += 3 * Chunks.ARRAY_HEADER_BYTES
                        + Chunks.SIZE * (Chunks.REFERENCE_BYTES + Integer.BYTES + 1);
            }
        }
        return bytes;
    }
}
