package paxosviz.ui.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import paxosviz.ui.viewmodel.LogViewModel;

/**
 * Every node's log as a strip: one row per node, one cell per slot, coloured by what the node
 * knows of the slot. Only the visible window of slots is drawn. It follows the head until the
 * user scrolls back (wheel, drag, scroll bar); ctrl+wheel zooms. Clicking a row selects that
 * node, and clicking a cell its slot too. Colours and the cell size are CSS properties, so a theme is just a stylesheet.
 */
public final class LogStrip extends Control {

    static final double MIN_ZOOM = 1 / 16.0;
    static final double MAX_ZOOM = 4;
    static final double ZOOM_STEP = 1.5;

    private final ObjectProperty<LogViewModel> viewModel = new SimpleObjectProperty<>(this, "viewModel");
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(this, "selectedNode", -1);
    private final LongProperty selectedSlot = new SimpleLongProperty(this, "selectedSlot", -1);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

    private final StyleablePaint background = new StyleablePaint("background");
    private final StyleablePaint text = new StyleablePaint("text");
    private final StyleablePaint grid = new StyleablePaint("grid");
    private final StyleablePaint empty = new StyleablePaint("empty");
    private final StyleablePaint accepted = new StyleablePaint("accepted");
    private final StyleablePaint chosen = new StyleablePaint("chosen");
    private final StyleablePaint applied = new StyleablePaint("applied");
    private final StyleablePaint compacted = new StyleablePaint("compacted");
    private final StyleablePaint diverged = new StyleablePaint("diverged");
    private final StyleablePaint selection = new StyleablePaint("selection");
    private final StyleablePaint spotlight = new StyleablePaint("spotlight");
    private final SimpleStyleableDoubleProperty cellSize =
            new SimpleStyleableDoubleProperty(Styles.CELL_SIZE, this, "cellSize", Styles.DEFAULT_CELL_SIZE);

    public LogStrip() {
        getStyleClass().add("log-strip");
        setFocusTraversable(true);
    }

    public ObjectProperty<LogViewModel> viewModelProperty() {
        return viewModel;
    }

    public LogViewModel getViewModel() {
        return viewModel.get();
    }

    public void setViewModel(LogViewModel model) {
        viewModel.set(model);
    }

    /** The node whose row is highlighted; clicking a row sets it (-1: none). */
    public IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }

    /** The slot whose column is outlined; clicking a cell sets it (-1: none). */
    public LongProperty selectedSlotProperty() {
        return selectedSlot;
    }

    /** Cell width as a multiple of the theme's cell size. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public void zoomIn() {
        zoomBy(ZOOM_STEP);
    }

    public void zoomOut() {
        zoomBy(1 / ZOOM_STEP);
    }

    void zoomBy(double factor) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor)));
    }

    /** How many node rows are drawn whole (tests: after the cluster grows, none is cut off). */
    public int rowsShown() {
        return getSkin() instanceof LogStripSkin skin ? skin.rowsShown() : 0;
    }

    /** The middle of a node's cell for a slot, in the strip's coordinates, or null if the slot is out of the window (tests click it). */
    public javafx.geometry.Point2D cellCenter(int node, long slot) {
        return getSkin() instanceof LogStripSkin skin ? skin.cellCenter(node, slot) : null;
    }

        /** Whether the legend is drawn whole under the rows. */
    public boolean legendShown() {
        return getSkin() instanceof LogStripSkin skin && skin.legendShown();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LogStripSkin(this);
    }

    /** Everything that changes the picture besides the view model's own changes. */
    List<Observable> appearance() {
        return List.of(selectedNode, selectedSlot, zoom, background, text, grid, empty, accepted, chosen, applied, compacted,
                diverged, selection, spotlight, cellSize);
    }

    double cellSize() {
        return cellSize.get();
    }

    Paint background() {
        return background.get();
    }

    Paint text() {
        return text.get();
    }

    Paint grid() {
        return grid.get();
    }

    Paint empty() {
        return empty.get();
    }

    Paint accepted() {
        return accepted.get();
    }

    Paint chosen() {
        return chosen.get();
    }

    Paint applied() {
        return applied.get();
    }

    Paint compacted() {
        return compacted.get();
    }

    Paint spotlight() {
        return spotlight.get();
    }

    Paint selection() {
        return selection.get();
    }

    /** The mark of a cell whose node learned another command than some other node did for the slot. */
    Paint diverged() {
        return diverged.get();
    }

    // ---------------------------------------------------------------- CSS

    /** A paint the stylesheet may set as {@code -pv-<name>}. */
    private final class StyleablePaint extends SimpleStyleableObjectProperty<Paint> {
        StyleablePaint(String name) {
            super(Styles.PAINTS.get(name), LogStrip.this, name, Styles.PAINTS.get(name).getInitialValue(null));
        }
    }

    private static final class Styles {
        static final double DEFAULT_CELL_SIZE = 14;
        static final Map<String, CssMetaData<LogStrip, Paint>> PAINTS = new LinkedHashMap<>();
        static final CssMetaData<LogStrip, Number> CELL_SIZE =
                new CssMetaData<>("-pv-cell-size", StyleConverter.getSizeConverter(), DEFAULT_CELL_SIZE) {
                    @Override
                    public boolean isSettable(LogStrip strip) {
                        return !strip.cellSize.isBound();
                    }

                    @Override
                    public StyleableProperty<Number> getStyleableProperty(LogStrip strip) {
                        return strip.cellSize;
                    }
                };
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            // Okabe–Ito colours, as in the cluster picture; the themes override them
            paint("background", strip -> strip.background, "#ffffff");
            paint("text", strip -> strip.text, "#1e1e1e");
            paint("grid", strip -> strip.grid, "#8a8a8a");
            paint("empty", strip -> strip.empty, "#c4c4c4");
            paint("accepted", strip -> strip.accepted, "#bfe1f6");
            paint("chosen", strip -> strip.chosen, "#0072B2");
            paint("applied", strip -> strip.applied, "#009E73");
            paint("compacted", strip -> strip.compacted, "#a0a0a0");
            paint("diverged", strip -> strip.diverged, "#d40000");
            paint("selection", strip -> strip.selection, "#CC79A7");
            paint("spotlight", strip -> strip.spotlight, "#E69F00");
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
            all.addAll(PAINTS.values());
            all.add(CELL_SIZE);
            ALL = List.copyOf(all);
        }

        private static void paint(String name, Function<LogStrip, StyleablePaint> property, String initial) {
            String css = "-pv-" + name.toLowerCase(Locale.ROOT);
            PAINTS.put(name, new CssMetaData<LogStrip, Paint>(css, StyleConverter.getPaintConverter(), Color.web(initial)) {
                @Override
                public boolean isSettable(LogStrip strip) {
                    return !property.apply(strip).isBound();
                }

                @Override
                public StyleableProperty<Paint> getStyleableProperty(LogStrip strip) {
                    return property.apply(strip);
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
