package paxosviz.ui.view;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import paxosviz.trace.model.TraceEvent;
import paxosviz.ui.viewmodel.EventFilter;
import paxosviz.ui.viewmodel.EventLogViewModel;
import paxosviz.ui.viewmodel.EventText;
import paxosviz.ui.viewmodel.MainViewModel;
import paxosviz.ui.viewmodel.MessageKind;

/**
 * The event log: filters, the latest events (following the bottom like a terminal until the
 * user scrolls up or picks one), and all of the picked event. Picking one highlights its node
 * and message in the picture; the safety indicator's jump lands here.
 */
public final class EventsPanelView {

    private static final PseudoClass VIOLATION = PseudoClass.getPseudoClass("violation");
    /** Rows shown above a revealed event, so it is seen in its context. */
    private static final int CONTEXT_ROWS = 3;
    private static final Map<MessageKind, Color> KIND_COLORS = new EnumMap<>(MessageKind.class);

    static {
        for (MessageKind kind : MessageKind.values()) {
            KIND_COLORS.put(kind, Color.web(kind.color()));
        }
    }

    private final MainViewModel model;
    private EventLogViewModel events;
    // set while the controls show the view model's filter, so they do not echo it back
    private boolean mirroring;

    @FXML private ChoiceBox<Integer> nodeFilter;
    @FXML private CheckComboBox<MessageKind> kindFilter;
    @FXML private CheckComboBox<String> typeFilter;
    @FXML private ToggleButton followToggle;
    @FXML private Label countLabel;
    @FXML private ListView<TraceEvent> eventList;
    @FXML private Label notice;
    @FXML private TextArea details;
    @FXML private javafx.scene.control.Button showMomentButton;

    private final ListChangeListener<TraceEvent> onRows = change -> rowsChanged();
    private boolean shown = true;
    private final ChangeListener<EventFilter> onFilter = (obs, old, filter) -> showFilter(filter);
    private final ChangeListener<Number> onUnseen = (obs, old, count) -> showCount();
    private final ChangeListener<Number> onViolation = (obs, old, seq) -> eventList.refresh();
    private final ChangeListener<Number> onSelected = (obs, old, seq) -> showSelected(false);

    public EventsPanelView(MainViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        nodeFilter.setConverter(converter(node -> node < 0 ? "any node" : "n" + node));
        nodeFilter.valueProperty().addListener((obs, old, node) -> {
            if (!mirroring && node != null) {
                events.setNodeFilter(node);
            }
        });
        for (MessageKind kind : MessageKind.values()) {
            if (kind != MessageKind.OTHER) {
                kindFilter.getItems().add(kind);
            }
        }
        kindFilter.setConverter(converter(MessageKind::label));
        kindFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<MessageKind>) change -> {
            title(kindFilter, "any kind", "kinds");
            if (!mirroring) {
                events.setKindFilter(Set.copyOf(kindFilter.getCheckModel().getCheckedItems()));
            }
        });
        typeFilter.getItems().setAll(EventFilter.TYPES);
        typeFilter.setConverter(converter(type -> type));
        typeFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            title(typeFilter, "any type", "types");
            if (!mirroring) {
                events.setTypeFilter(Set.copyOf(typeFilter.getCheckModel().getCheckedItems()));
            }
        });
        title(kindFilter, "any kind", "kinds");
        title(typeFilter, "any type", "types");
        eventList.setCellFactory(list -> new EventCell());
        eventList.addEventFilter(ScrollEvent.SCROLL, this::onScroll);
        eventList.addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPress);
        eventList.addEventHandler(KeyEvent.KEY_RELEASED, this::onKey);
        showMomentButton.visibleProperty().bind(model.replayingProperty());
        showMomentButton.managedProperty().bind(model.replayingProperty());
        model.modelsProperty().addListener((obs, old, models) -> bind(models.events()));
        if (model.models() != null) {
            bind(model.models().events());
        }
    }

    /**
     * Whether the panel is on screen. A hidden list must not be laid out and scrolled every
     * frame, so it lets go of the rows while hidden and takes them up again when shown.
     */
    public void setShown(boolean on) {
        if (shown == on || events == null) {
            shown = on;
            return;
        }
        shown = on;
        if (on) {
            eventList.setItems(events.rows());
            events.rows().addListener(onRows);
            rowsChanged();
        } else {
            events.rows().removeListener(onRows);
            eventList.setItems(javafx.collections.FXCollections.emptyObservableList());
        }
    }

    /** Shows another session's log. */
    void bind(EventLogViewModel next) {
        if (events != null) {
            events.rows().removeListener(onRows);
            events.filterProperty().removeListener(onFilter);
            events.unseenProperty().removeListener(onUnseen);
            events.violationSeqProperty().removeListener(onViolation);
            events.selectedSeqProperty().removeListener(onSelected);
            followToggle.selectedProperty().unbindBidirectional(events.followProperty());
        }
        events = next;
        if (shown) {
            eventList.setItems(next.rows());
            next.rows().addListener(onRows);
        }
        next.filterProperty().addListener(onFilter);
        next.unseenProperty().addListener(onUnseen);
        next.violationSeqProperty().addListener(onViolation);
        next.selectedSeqProperty().addListener(onSelected);
        followToggle.selectedProperty().bindBidirectional(next.followProperty());
        details.textProperty().bind(next.selectedDetailsProperty());
        mirroring = true;
        try {
            nodeFilter.getItems().setAll(-1);
            for (int node = 0; node < next.nodes(); node++) {
                nodeFilter.getItems().add(node);
            }
        } finally {
            mirroring = false;
        }
        showFilter(next.filterProperty().get());
        showNotice(null);
        rowsChanged();
    }

    /** Selects the event at which the checker saw the first violation, with all filters cleared. */
    public void revealViolation() {
        long seq = events.violationSeqProperty().get();
        if (seq < 0) {
            showNotice(null);
            return;
        }
        if (events.revealViolation() == null) {
            showNotice(String.format("Event #%d, where the checker saw the violation, is not in the log: it keeps the latest %,d events.",
                    seq, EventLogViewModel.CAPACITY));
            return;
        }
        showNotice(null);
        eventList.requestFocus();
    }

    /** In a replay: the window shows the state right after the picked event. */
    @FXML
    private void showMoment() {
        long seq = events.selectedSeqProperty().get();
        if (model.replay() != null && seq >= 0) {
            model.replay().jumpToSeq(seq);
        }
    }

    @FXML
    private void clearFilters() {
        events.clearFilters();
    }

    // ---------------------------------------------------------------- showing the view model

    private void rowsChanged() {
        showCount();
        if (events.followProperty().get()) {
            scrollLater(() -> eventList.scrollTo(Math.max(0, eventList.getItems().size() - 1)));
        } else {
            // not following, the rows change only when the filters do: bring the picked event back into view
            showSelected(true);
        }
    }

    /** Selects the view model's picked event among the rows; scrolls to it if it is out of sight (or always). */
    private void showSelected(boolean scroll) {
        long seq = events.selectedSeqProperty().get();
        int index = events.indexOf(seq);
        if (index < 0) {
            eventList.getSelectionModel().clearSelection();
            return;
        }
        if (eventList.getSelectionModel().getSelectedIndex() != index) {
            eventList.getSelectionModel().clearAndSelect(index);
        }
        if (scroll || !isShown(index)) {
            scrollLater(() -> eventList.scrollTo(Math.max(0, events.indexOf(seq) - CONTEXT_ROWS)));
        }
    }

    /**
     * Scrolls once the list has taken in the rows' latest change: its skin hears of a change after
     * this view does, and a scroll before that would aim at the rows as they were.
     */
    private static void scrollLater(Runnable scroll) {
        Platform.runLater(scroll);
    }

    private void showCount() {
        int unseen = events.unseenProperty().get();
        countLabel.setText(String.format("%,d shown", events.rows().size())
                + (unseen > 0 && !events.followProperty().get() ? String.format(" · %,d newer", unseen) : ""));
    }

    private void showFilter(EventFilter filter) {
        mirroring = true;
        try {
            nodeFilter.setValue(filter.node());
            check(kindFilter, filter.kinds());
            check(typeFilter, filter.types());
        } finally {
            mirroring = false;
        }
    }

    private void showNotice(String text) {
        notice.setText(text == null ? "" : text);
        notice.setVisible(text != null);
        notice.setManaged(text != null);
    }

    private static <T> void check(CheckComboBox<T> box, Set<T> checked) {
        for (T item : box.getItems()) {
            if (checked.contains(item) != box.getCheckModel().isChecked(item)) {
                if (checked.contains(item)) {
                    box.getCheckModel().check(item);
                } else {
                    box.getCheckModel().clearCheck(item);
                }
            }
        }
    }

    /** A multi-select names what it lets through: "any type", "leader", "3 types". */
    private static <T> void title(CheckComboBox<T> box, String any, String plural) {
        var checked = box.getCheckModel().getCheckedItems();
        StringConverter<T> converter = box.getConverter();
        box.setTitle(checked.isEmpty() ? any : checked.size() == 1 ? converter.toString(checked.get(0)) : checked.size() + " " + plural);
    }

    // ---------------------------------------------------------------- following like a terminal

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() > 0) {
            events.followProperty().set(false);
        } else if (event.getDeltaY() < 0 && isShown(eventList.getItems().size() - 1)) {
            events.followProperty().set(true);
        }
    }

    /** Grabbing the scroll bar is scrolling up too. */
    private void onPress(MouseEvent event) {
        for (Node node = event.getPickResult().getIntersectedNode(); node != null && node != eventList; node = node.getParent()) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                events.followProperty().set(false);
                return;
            }
        }
    }

    /** Moving through the rows with the keys picks the event under the cursor; End follows again. */
    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.END) {
            events.followProperty().set(true);
            return;
        }
        TraceEvent current = eventList.getSelectionModel().getSelectedItem();
        if (event.getCode().isNavigationKey() && current != null && current.seq() != events.selectedSeqProperty().get()) {
            events.select(current);
        }
    }

    private boolean isShown(int index) {
        if (!(eventList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        return first != null && last != null && first.getIndex() <= index && index <= last.getIndex();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    /** One event: a dot in its message's colour, seq, time and type in columns, then the summary; the violation stands out. */
    private final class EventCell extends ListCell<TraceEvent> {

        private final Circle dot = new Circle(4);
        private final Label seq = column("event-seq");
        private final Label time = column("event-time");
        private final Label type = column("event-type");
        private final HBox columns = new HBox(dot, seq, time, type);

        EventCell() {
            columns.getStyleClass().add("event-columns");
            // as wide as the list, not as the text: a long summary ends in an ellipsis, the details show all of it
            setPrefWidth(0);
            setOnMouseClicked(event -> {
                if (!isEmpty()) {
                    events.select(getItem());
                    if (event.getClickCount() == 2) {
                        showMoment();
                    }
                }
            });
        }

        private static Label column(String styleClass) {
            Label label = new Label();
            label.getStyleClass().add(styleClass);
            return label;
        }

        @Override
        protected void updateItem(TraceEvent item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                pseudoClassStateChanged(VIOLATION, false);
                return;
            }
            MessageKind kind = EventFilter.kindOf(item);
            dot.setFill(kind == null ? Color.TRANSPARENT : KIND_COLORS.get(kind));
            seq.setText(Long.toString(item.seq()));
            time.setText(EventText.millis(item));
            type.setText(item.type());
            setText(EventText.summary(item));
            setGraphic(columns);
            pseudoClassStateChanged(VIOLATION, events.isViolation(item));
        }
    }
}
