package paxosviz.ui.control;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import paxosviz.ui.viewmodel.ClusterViewModel;

/**
 * The cluster drawn live: nodes on a circle, each direction of each link in its own lane (so a
 * link cut one way shows), clients around them, and messages moving along their lanes. Click a
 * link to cut or restore it, shift-click for one direction; click a node or a message to select
 * it. Its colours are CSS properties, so a theme is just a stylesheet.
 */
public final class ClusterCanvas extends Control {

    private final ObjectProperty<ClusterViewModel> viewModel = new SimpleObjectProperty<>(this, "viewModel");

    private final StyleableObjectProperty background = new StyleableObjectProperty("nodeBackground", Color.WHITE);
    private final StyleableObjectProperty text = new StyleableObjectProperty("text", Color.web("#222222"));
    private final StyleableObjectProperty link = new StyleableObjectProperty("link", Color.web("#9a9a9a"));
    private final StyleableObjectProperty linkDown = new StyleableObjectProperty("linkDown", Color.web("#D55E00"));
    private final StyleableObjectProperty leader = new StyleableObjectProperty("leader", Color.web("#009E73"));
    private final StyleableObjectProperty candidate = new StyleableObjectProperty("candidate", Color.web("#E69F00"));
    private final StyleableObjectProperty follower = new StyleableObjectProperty("follower", Color.web("#0072B2"));
    private final StyleableObjectProperty crashed = new StyleableObjectProperty("crashed", Color.web("#6b6b6b"));
    private final StyleableObjectProperty selection = new StyleableObjectProperty("selection", Color.web("#CC79A7"));
    /** What a caption points at glows in this colour, like a highlighter pen. */
    private final StyleableObjectProperty spotlight = new StyleableObjectProperty("spotlight", Color.web("#F0E442"));

    /** How much larger than normal to draw text and nodes ({@code -pv-text-scale}; the presenter theme raises it). */
    private final javafx.css.SimpleStyleableDoubleProperty textScale =
            new javafx.css.SimpleStyleableDoubleProperty(TEXT_SCALE, this, "textScale", 1.0) {
                @Override
                protected void invalidated() {
                    requestLayout();
                }
            };

    private static final CssMetaData<ClusterCanvas, Number> TEXT_SCALE =
            new CssMetaData<ClusterCanvas, Number>("-pv-text-scale", StyleConverter.getSizeConverter(), 1.0) {
                @Override
                public boolean isSettable(ClusterCanvas canvas) {
                    return !canvas.textScale.isBound();
                }

                @Override
                public StyleableProperty<Number> getStyleableProperty(ClusterCanvas canvas) {
                    return canvas.textScale;
                }
            };

    public ClusterCanvas() {
        getStyleClass().add("cluster-canvas");
        setFocusTraversable(true);
    }

    public ObjectProperty<ClusterViewModel> viewModelProperty() {
        return viewModel;
    }

    public ClusterViewModel getViewModel() {
        return viewModel.get();
    }

    public void setViewModel(ClusterViewModel model) {
        viewModel.set(model);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ClusterCanvasSkin(this);
    }

    private ClusterCanvasSkin canvasSkin() {
        return getSkin() instanceof ClusterCanvasSkin skin ? skin : null;
    }

    /** Where node {@code index} is drawn, in this control's coordinates (null before the first frame). */
    public javafx.geometry.Point2D nodeCenter(int index) {
        ClusterCanvasSkin skin = canvasSkin();
        return skin == null ? null : skin.nodeCenter(index);
    }

    /** A point on the link between two nodes that a click toggles, in this control's coordinates. */
    public javafx.geometry.Point2D linkPoint(int a, int b) {
        ClusterCanvasSkin skin = canvasSkin();
        return skin == null ? null : skin.linkPoint(a, b);
    }

    /** What the last frame drew: nodes, links (node pairs) and messages. */
    public int[] drawn() {
        ClusterCanvasSkin skin = canvasSkin();
        return skin == null ? new int[3] : skin.drawn();
    }

    Paint nodeBackground() {
        return background.get();
    }

    Paint text() {
        return text.get();
    }

    Paint link() {
        return link.get();
    }

    Paint linkDown() {
        return linkDown.get();
    }

    Paint leader() {
        return leader.get();
    }

    Paint candidate() {
        return candidate.get();
    }

    Paint follower() {
        return follower.get();
    }

    Paint crashed() {
        return crashed.get();
    }

    Paint selection() {
        return selection.get();
    }

    Paint spotlight() {
        return spotlight.get();
    }

    /** Where the last frame drew each node's caption, in node order (for tests: captions must not overlap). */
    public java.util.List<javafx.geometry.Bounds> captionBounds() {
        return getSkin() instanceof ClusterCanvasSkin skin ? skin.captionBounds() : java.util.List.of();
    }

    double textScale() {
        return textScale.get();
    }

    // ---------------------------------------------------------------- CSS

    /** A paint the stylesheet may set as {@code -pv-<name>} (kebab case). */
    private final class StyleableObjectProperty extends SimpleStyleableObjectProperty<Paint> {
        StyleableObjectProperty(String name, Paint initial) {
            super(Styles.META.get(name), ClusterCanvas.this, name, initial);
            addListener((obs, old, value) -> requestLayout());
        }
    }

    private static final class Styles {
        static final java.util.Map<String, CssMetaData<ClusterCanvas, Paint>> META = new java.util.LinkedHashMap<>();
        static final List<CssMetaData<? extends Styleable, ?>> ALL;

        static {
            add("nodeBackground", c -> c.background, Color.WHITE);
            add("text", c -> c.text, Color.web("#222222"));
            add("link", c -> c.link, Color.web("#9a9a9a"));
            add("linkDown", c -> c.linkDown, Color.web("#D55E00"));
            add("leader", c -> c.leader, Color.web("#009E73"));
            add("candidate", c -> c.candidate, Color.web("#E69F00"));
            add("follower", c -> c.follower, Color.web("#0072B2"));
            add("crashed", c -> c.crashed, Color.web("#6b6b6b"));
            add("selection", c -> c.selection, Color.web("#CC79A7"));
            add("spotlight", c -> c.spotlight, Color.web("#F0E442"));
            List<CssMetaData<? extends Styleable, ?>> all = new java.util.ArrayList<>(Control.getClassCssMetaData());
            all.addAll(META.values());
            all.add(TEXT_SCALE);
            ALL = List.copyOf(all);
        }

        private static void add(String name, java.util.function.Function<ClusterCanvas, StyleableObjectProperty> property, Paint initial) {
            String css = "-pv-" + name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            META.put(name, new CssMetaData<ClusterCanvas, Paint>(css, StyleConverter.getPaintConverter(), initial) {
                @Override
                public boolean isSettable(ClusterCanvas canvas) {
                    return !property.apply(canvas).isBound();
                }

                @Override
                @SuppressWarnings("unchecked")
                public StyleableProperty<Paint> getStyleableProperty(ClusterCanvas canvas) {
                    return property.apply(canvas);
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
