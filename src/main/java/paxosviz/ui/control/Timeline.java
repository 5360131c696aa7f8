package paxosviz.ui.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The replay scrubber: a track covering a whole trace, from {@link #startMillisProperty()} to
 * {@link #endMillisProperty()}, with a time ruler, the trace's {@link #getMarkers() markers} as
 * ticks in lanes by category (faults, leaders, installs, a density strip of client answers;
 * violations tall over all of them), the {@link #selectionProperty() selection} as a
 * translucent band and the {@link #positionProperty() position} as a playhead.
 *
 * <p>What the mouse does:
 * <ul>
 *   <li><b>press or drag</b> on the track or the ruler moves the position, at every drag event,
 *       so views bound to it follow the pointer;</li>
 *   <li><b>shift+drag</b> selects the dragged stretch of time (the position stays where it is);
 *       <b>shift+click</b> selects from the position to the click;</li>
 *   <li>the selection stays through plain clicks and drags, so a range can be replayed while
 *       scrubbing inside it; <b>Escape</b> (when focused) or a <b>double-click</b> clears it;</li>
 *   <li>the <b>wheel</b> zooms the visible window around the pointer (see
 *       {@link #visibleStartProperty()}), a horizontal wheel or shift+wheel pans it, and so
 *       does a drag with the <b>middle button</b> or with <b>ctrl</b> held;</li>
 *   <li><b>hovering</b> within a few pixels of a marker shows its label and time; resting
 *       elsewhere shows the time there and these gestures.</li>
 * </ul>
 *
 * <p>The position is clamped to the range; a value bound bidirectionally to it from outside
 * the range is brought back to the clamped one right after. Set the range before the position
 * (or use {@link #setRange}). When zoomed in, the window turns the page when the position
 * leaves it. Colours, sizes and font come from CSS ({@code .timeline}, {@code -pv-…}), so a
 * theme is just a stylesheet.
 */
public final class Timeline extends Control {

    /** The narrowest window the wheel zooms to. */
    static final double MIN_VISIBLE_MILLIS = 5;
    static final double WHEEL_ZOOM = 1.25;
    /** Where a page turn puts the position in the new window (share of its width). */
    private static final double PAGE_TURN_AT = 0.1;

    static final String HELP = String.join("\n",
            "Click or drag: move the playhead",
            "Shift+drag: select a range (Shift+click: from the playhead to here)",
            "Double-click or Esc: clear the selection",
            "Wheel: zoom · Ctrl+drag, middle-drag or Shift+wheel: pan",
            "Lanes, top to bottom: faults, leaders, installs, client answers; violations tall, across all lanes");

    private final DoubleProperty startMillis = new SimpleDoubleProperty(this, "startMillis", 0);
    private final DoubleProperty endMillis = new SimpleDoubleProperty(this, "endMillis", 0);
    private final ClampedPosition position = new ClampedPosition();
    private final ReadOnlyDoubleWrapper visibleStart = new ReadOnlyDoubleWrapper(this, "visibleStart", 0);
    private final ReadOnlyDoubleWrapper visibleEnd = new ReadOnlyDoubleWrapper(this, "visibleEnd", 0);
    private final ObservableList<TimelineMarker> markers = FXCollections.observableArrayList();
    private final ObjectProperty<TimeRange> selection = new SimpleObjectProperty<>(this, "selection");
    /** Whether the window shows the whole range (and so follows the range when it changes). */
    private boolean fitted = true;
    private TimelineMarkers sorted = TimelineMarkers.empty();
    private boolean sortedStale;
    private boolean settingRange;

    private final StyleablePaint background = new StyleablePaint("background");
    private final StyleablePaint track = new StyleablePaint("track");
    private final StyleablePaint text = new StyleablePaint("text");
    private final StyleablePaint grid = new StyleablePaint("grid");
    private final StyleablePaint playhead = new StyleablePaint("playhead");
    private final StyleablePaint selectionColor = new StyleablePaint("selection");
    private final SimpleStyleableDoubleProperty fontSize =
            new SimpleStyleableDoubleProperty(Styles.FONT_SIZE, this, "fontSize", Styles.DEFAULT_FONT_SIZE) {
                @Override
                protected void invalidated() {
                    requestLayout(); // the lanes' height follows the font
                }
            };

    public Timeline() {
        getStyleClass().add("timeline");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.SLIDER);
        setAccessibleRoleDescription("timeline");
        setAccessibleHelp(HELP);
        markers.addListener((Observable obs) -> sortedStale = true);
        startMillis.addListener(obs -> {
            if (!settingRange) {
                rangeChanged();
            }
        });
        endMillis.addListener(obs -> {
            if (!settingRange) {
                rangeChanged();
            }
        });
        position.addListener(obs -> positionChanged());
    }

    // ---------------------------------------------------------------- range and position

    /** The trace's first instant, in milliseconds. */
    public DoubleProperty startMillisProperty() {
        return startMillis;
    }

    public double getStartMillis() {
        return startMillis.get();
    }

    public void setStartMillis(double millis) {
        startMillis.set(millis);
    }

    /** The trace's last instant, in milliseconds; below the start it counts as the start. */
    public DoubleProperty endMillisProperty() {
        return endMillis;
    }

    public double getEndMillis() {
        return endMillis.get();
    }

    public void setEndMillis(double millis) {
        endMillis.set(millis);
    }

    /** Sets both ends at once, so that the position and the window are fitted to the new range only. */
    public void setRange(double start, double end) {
        settingRange = true;
        try {
            startMillis.set(start);
            endMillis.set(end);
        } finally {
            settingRange = false;
        }
        rangeChanged();
    }

    private double rangeEnd() {
        return Math.max(startMillis.get(), endMillis.get());
    }

    /** Trace time of the playhead, in milliseconds, always within the range. */
    public DoubleProperty positionProperty() {
        return position;
    }

    public double getPosition() {
        return position.get();
    }

    public void setPosition(double millis) {
        position.set(millis);
    }

    /** The window first, so that clamping the position does not turn the page of a stale window. */
    private void rangeChanged() {
        if (fitted) {
            zoomToFit();
        } else {
            setVisibleRange(visibleStart.get(), visibleEnd.get());
        }
        position.set(position.get());
        notifyAccessibleAttributeChanged(AccessibleAttribute.MIN_VALUE);
        notifyAccessibleAttributeChanged(AccessibleAttribute.MAX_VALUE);
    }

    /** Turns the page when the position leaves a zoomed-in window (as during playback). */
    private void positionChanged() {
        double p = position.get();
        double span = visibleEnd.get() - visibleStart.get();
        if (p < visibleStart.get()) {
            setVisibleRange(p - (1 - PAGE_TURN_AT) * span, p + PAGE_TURN_AT * span);
        } else if (p > visibleEnd.get()) {
            setVisibleRange(p - PAGE_TURN_AT * span, p + (1 - PAGE_TURN_AT) * span);
        }
        notifyAccessibleAttributeChanged(AccessibleAttribute.VALUE);
        notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    /** A position that never leaves the range, and that puts right a bound property it had to clamp. */
    private final class ClampedPosition extends SimpleDoubleProperty {
        private boolean correctionPending;

        ClampedPosition() {
            super(Timeline.this, "position", 0);
        }

        @Override
        public void set(double millis) {
            double clamped = Double.isNaN(millis) ? startMillis.get()
                    : TimelineGeometry.clamp(millis, startMillis.get(), rangeEnd());
            super.set(clamped);
            if (clamped != millis && !correctionPending && Platform.isFxApplicationThread()) {
                // a bidirectional binding ignores what its own set() changed; telling it again
                // once it is done makes the bound property take the clamped value
                correctionPending = true;
                Platform.runLater(() -> {
                    correctionPending = false;
                    fireValueChangedEvent();
                });
            }
        }
    }

    // ---------------------------------------------------------------- visible window

    /** The first instant the track shows; the whole range unless zoomed in. */
    public ReadOnlyDoubleProperty visibleStartProperty() {
        return visibleStart.getReadOnlyProperty();
    }

    public double getVisibleStart() {
        return visibleStart.get();
    }

    /** The last instant the track shows. */
    public ReadOnlyDoubleProperty visibleEndProperty() {
        return visibleEnd.getReadOnlyProperty();
    }

    public double getVisibleEnd() {
        return visibleEnd.get();
    }

    /**
     * Shows {@code from} to {@code until}, kept within the range and at least
     * {@value #MIN_VISIBLE_MILLIS} ms wide (a window sliding past an end is moved back, not cut).
     */
    public void setVisibleRange(double from, double until) {
        double start = startMillis.get();
        double end = rangeEnd();
        double full = end - start;
        double span = TimelineGeometry.clamp(until - from, Math.min(MIN_VISIBLE_MILLIS, full), full);
        if (Double.isNaN(span)) {
            span = full;
        }
        double first = TimelineGeometry.clamp(Double.isNaN(from) ? start : from, start, end - span);
        fitted = span >= full;
        visibleStart.set(first);
        visibleEnd.set(fitted ? end : first + span);
    }

    /** Shows the whole range again. */
    public void zoomToFit() {
        setVisibleRange(startMillis.get(), rangeEnd());
    }

    /** Shows the given stretch of time (the selection, say); null shows everything. */
    public void zoomTo(TimeRange range) {
        if (range == null) {
            zoomToFit();
        } else {
            setVisibleRange(range.from(), range.until());
        }
    }

    /** Narrows the window by {@code factor} (widens it below 1), keeping {@code aroundMillis} where it is on the track. */
    public void zoomBy(double factor, double aroundMillis) {
        double from = visibleStart.get();
        double span = visibleEnd.get() - from;
        if (factor <= 0 || span <= 0) {
            return;
        }
        double share = TimelineGeometry.clamp((aroundMillis - from) / span, 0, 1);
        double narrower = span / factor;
        setVisibleRange(aroundMillis - share * narrower, aroundMillis + (1 - share) * narrower);
    }

    /** Slides the window by {@code millis} (later when positive). */
    public void panBy(double millis) {
        setVisibleRange(visibleStart.get() + millis, visibleEnd.get() + millis);
    }

    // ---------------------------------------------------------------- markers and selection

    /**
     * The trace's markers, in any order. Changes are taken in lazily: the markers are sorted once,
     * at the next frame or search, however many were added one by one in between.
     */
    public ObservableList<TimelineMarker> getMarkers() {
        return markers;
    }

    /** The markers sorted by time, as the search methods and the skin see them. */
    public TimelineMarkers sortedMarkers() {
        if (sortedStale) {
            sorted = new TimelineMarkers(markers);
            sortedStale = false;
        }
        return sorted;
    }

    /** The nearest marker strictly after {@code fromMillis} in one of {@code categories} (null: any), or null. */
    public TimelineMarker nextMarker(double fromMillis, Set<String> categories) {
        return sortedMarkers().next(fromMillis, categories);
    }

    /** The nearest marker strictly before {@code fromMillis} in one of {@code categories} (null: any), or null. */
    public TimelineMarker previousMarker(double fromMillis, Set<String> categories) {
        return sortedMarkers().previous(fromMillis, categories);
    }

    /** The selected stretch of time, or null when nothing is selected. */
    public ObjectProperty<TimeRange> selectionProperty() {
        return selection;
    }

    public TimeRange getSelection() {
        return selection.get();
    }

    public void setSelection(TimeRange range) {
        selection.set(range);
    }

    public void clearSelection() {
        selection.set(null);
    }

    // ---------------------------------------------------------------- skin and accessibility

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineSkin(this);
    }

    /** A time as the control writes it: {@code 12.345 s}, or {@code 1:20.345} on a trace a minute long or more. */
    public String formatTime(double millis) {
        return TimelineGeometry.formatTime(millis, Math.max(Math.abs(startMillis.get()), Math.abs(rangeEnd())) >= TimelineGeometry.CLOCK_FROM);
    }

    String describe() {
        StringBuilder text = new StringBuilder(getAccessibleText() != null ? getAccessibleText() : "Timeline");
        text.append(": ").append(formatTime(getPosition())).append(" of ").append(formatTime(rangeEnd()));
        TimeRange range = getSelection();
        if (range != null) {
            text.append(", selected ").append(formatTime(range.from())).append(" to ").append(formatTime(range.until()));
        }
        return text.toString();
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return switch (attribute) {
            case VALUE -> getPosition();
            case MIN_VALUE -> getStartMillis();
            case MAX_VALUE -> rangeEnd();
            case ORIENTATION -> Orientation.HORIZONTAL;
            case TEXT -> describe();
            default -> super.queryAccessibleAttribute(attribute, parameters);
        };
    }

    /** A screen reader's increment and decrement move by a hundredth of the visible window. */
    @Override
    public void executeAccessibleAction(AccessibleAction action, Object... parameters) {
        double step = (visibleEnd.get() - visibleStart.get()) / 100;
        switch (action) {
            case INCREMENT -> setPosition(getPosition() + step);
            case DECREMENT -> setPosition(getPosition() - step);
            case SET_VALUE -> {
                if (parameters.length > 0 && parameters[0] instanceof Number value) {
                    setPosition(value.doubleValue());
                }
            }
            default -> super.executeAccessibleAction(action, parameters);
        }
    }

    /** Everything but markers, range and position that changes the picture. */
    List<Observable> appearance() {
        return List.of(background, track, text, grid, playhead, selectionColor, fontSize);
    }

    Paint background() {
        return background.get();
    }

    Paint track() {
        return track.get();
    }

    Paint text() {
        return text.get();
    }

    Paint grid() {
        return grid.get();
    }

    Paint playhead() {
        return playhead.get();
    }

    Paint selectionColor() {
        return selectionColor.get();
    }

    double fontSize() {
        return fontSize.get();
    }

    // ---------------------------------------------------------------- CSS

    /** A paint the stylesheet may set as {@code -pv-<name>}. */
    private final class StyleablePaint extends SimpleStyleableObjectProperty<Paint> {
        StyleablePaint(String name) {
            super(Styles.PAINTS.get(name), Timeline.this, name, Styles.PAINTS.get(name).getInitialValue(null));
        }
    }

    private static final class Styles {
        static final double DEFAULT_FONT_SIZE = 11;
        static final Map<String, CssMetaData<Timeline, Paint>> PAINTS = new LinkedHashMap<>();
        static final CssMetaData<Timeline, Number> FONT_SIZE =
                new CssMetaData<>("-pv-font-size", StyleConverter.getSizeConverter(), DEFAULT_FONT_SIZE) {
                    @Override
                    public boolean isSettable(Timeline timeline) {
                        return !timeline.fontSize.isBound();
                    }

                    @Override
                    public StyleableProperty<Number> getStyleableProperty(Timeline timeline) {
                        return timeline.fontSize;
                    }
                };
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            // the light theme's values; every theme sets its own
            paint("background", timeline -> timeline.background, "#ffffff");
            paint("track", timeline -> timeline.track, "#eeeeee");
            paint("text", timeline -> timeline.text, "#1e1e1e");
            paint("grid", timeline -> timeline.grid, "#8a8a8a");
            paint("playhead", timeline -> timeline.playhead, "#0072B2");
            paint("selection", timeline -> timeline.selectionColor, "#CC79A7");
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
            all.addAll(PAINTS.values());
            all.add(FONT_SIZE);
            ALL = List.copyOf(all);
        }

        private static void paint(String name, Function<Timeline, StyleablePaint> property, String initial) {
            String css = "-pv-" + name.toLowerCase(Locale.ROOT);
            PAINTS.put(name, new CssMetaData<Timeline, Paint>(css, StyleConverter.getPaintConverter(), Color.web(initial)) {
                @Override
                public boolean isSettable(Timeline timeline) {
                    return !property.apply(timeline).isBound();
                }

                @Override
                public StyleableProperty<Paint> getStyleableProperty(Timeline timeline) {
                    return property.apply(timeline);
                }
            });
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return Styles.ALL;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
