package paxosviz.ui.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import paxosviz.ui.session.Session;
import paxosviz.viewstate.ShownCaption;

/**
 * The narration over the cluster view: the caption showing now, and whether the run waits on
 * it until someone continues. Learnt from the session's {@code caption} and {@code clock}
 * events, so a replayed trace narrates as the live run did.
 */
public final class CaptionViewModel {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();

    /** After each frame: {@code stopped} says whether the clock (or the replay) stands still. */
    void refresh(Session session, boolean stopped) {
        ShownCaption caption = session.state().caption();
        boolean shows = caption != null && caption.showsAt(session.nowMillis());
        text.set(shows ? caption.text() : "");
        showing.set(shows);
        waiting.set(shows && caption.pause() && stopped);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** A caption that paused the run is up and the clock stands still: Space goes on. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }
}
