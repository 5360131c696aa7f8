package paxosviz.ui.session;

import java.util.List;

import paxosviz.trace.model.TraceEvent;

/**
 * What one frame brought: the events folded into the state since the last frame (in a live
 * session), or a state replaced wholesale (a replay that jumped), and whether anything the
 * views draw changed at all (messages move even between events).
 */
public record Frame(List<TraceEvent> fresh, boolean jumped, boolean changed) {

    public static final Frame NOTHING = new Frame(List.of(), false, false);
}
