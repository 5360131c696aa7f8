package paxosviz.ui.control;

import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.geometry.Point2D;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Paint;
import paxosviz.export.SpaceTimeDiagram;
import paxosviz.ui.viewmodel.SpaceTimeViewModel;

/**
 * The space-time diagram of the last stretch of time: a row per node and client, an arrow per
 * message from its send to its delivery, a cross where one was lost, marks for leaders, crashes
 * and restarts; the window ends at the right edge, at the session's clock. Click an arrow to
 * select its message, a row to select its node; the wheel zooms the window in and out. Only
 * the window is drawn, at most {@link SpaceTimeViewModel#MAX_ARROWS} arrows, and nothing while
 * not {@link #shownProperty() shown}. Colours and the font size come from the stylesheet.
 */
public final class SpaceTimeChart extends Control {

    private static final CssProperties<SpaceTimeChart> CSS = new CssProperties<>(Control.getClassCssMetaData());
    private static final CssMetaData<SpaceTimeChart, Paint> BACKGROUND = CSS.paint("background", "#ffffff", c -> c.background);
    private static final CssMetaData<SpaceTimeChart, Paint> TEXT = CSS.paint("text", "#1e1e1e", c -> c.text);
    private static final CssMetaData<SpaceTimeChart, Paint> GRID = CSS.paint("grid", "#e4e4e4", c -> c.grid);
    private static final CssMetaData<SpaceTimeChart, Paint> LINE = CSS.paint("line", "#555555", c -> c.line);
    private static final CssMetaData<SpaceTimeChart, Paint> SELECTION = CSS.paint("selection", "#CC79A7", c -> c.selection);
    private static final CssMetaData<SpaceTimeChart, Paint> LOST = CSS.paint("lost", "#D55E00", c -> c.lost);
    private static final CssMetaData<SpaceTimeChart, Paint> LEADER = CSS.paint("leader", "#009E73", c -> c.leader);
    private static final CssMetaData<SpaceTimeChart, Paint> FAULT = CSS.paint("fault", "#D55E00", c -> c.fault);
    private static final CssMetaData<SpaceTimeChart, Number> FONT_SIZE = CSS.size("font-size", 11, c -> c.fontSize);
    private static final List<CssMetaData<? extends Styleable, ?>> ALL = CSS.all();

    private final ObjectProperty<SpaceTimeViewModel> viewModel = new SimpleObjectProperty<>(this, "viewModel");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final SimpleStyleableObjectProperty<Paint> background = CssProperties.paintOf(BACKGROUND, this, "background");
    private final SimpleStyleableObjectProperty<Paint> text = CssProperties.paintOf(TEXT, this, "text");
    private final SimpleStyleableObjectProperty<Paint> grid = CssProperties.paintOf(GRID, this, "grid");
    private final SimpleStyleableObjectProperty<Paint> line = CssProperties.paintOf(LINE, this, "line");
    private final SimpleStyleableObjectProperty<Paint> selection = CssProperties.paintOf(SELECTION, this, "selection");
    private final SimpleStyleableObjectProperty<Paint> lost = CssProperties.paintOf(LOST, this, "lost");
    private final SimpleStyleableObjectProperty<Paint> leader = CssProperties.paintOf(LEADER, this, "leader");
    private final SimpleStyleableObjectProperty<Paint> fault = CssProperties.paintOf(FAULT, this, "fault");
    private final SimpleStyleableDoubleProperty fontSize = CssProperties.sizeOf(FONT_SIZE, this, "fontSize");

    public SpaceTimeChart() {
        getStyleClass().add("space-time-chart");
    }

    public ObjectProperty<SpaceTimeViewModel> viewModelProperty() {
        return viewModel;
    }

    public SpaceTimeViewModel getViewModel() {
        return viewModel.get();
    }

    public void setViewModel(SpaceTimeViewModel model) {
        viewModel.set(model);
    }

    /** Off while hidden (another tab in front): the chart then draws nothing, and catches up when shown. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** How many arrows the last frame drew (tests: the diagram shows the messages). */
    public int arrowsDrawn() {
        return getSkin() instanceof SpaceTimeChartSkin skin ? skin.arrowsDrawn() : 0;
    }

    /** Where an arrow is drawn now, half way along it, in the chart's coordinates; null if it is out of the window. */
    public Point2D pointOn(SpaceTimeDiagram.Arrow arrow) {
        return getSkin() instanceof SpaceTimeChartSkin skin ? skin.pointOn(arrow) : null;
    }

    /** Where a host's line starts, by its name, in the chart's coordinates; null before the first frame. */
    public Point2D pointOn(String host) {
        return getSkin() instanceof SpaceTimeChartSkin skin ? skin.pointOn(host) : null;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SpaceTimeChartSkin(this);
    }

    /** Everything that changes the picture besides the view model's own changes. */
    List<Observable> appearance() {
        return List.of(shown, background, text, grid, line, selection, lost, leader, fault, fontSize);
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

    /** A host's line. */
    Paint line() {
        return line.get();
    }

    Paint selection() {
        return selection.get();
    }

    /** The cross of a lost message. */
    Paint lost() {
        return lost.get();
    }

    /** The mark of a new leader (and of a restart or a snapshot installed). */
    Paint leader() {
        return leader.get();
    }

    /** The mark of a crash. */
    Paint fault() {
        return fault.get();
    }

    double fontSize() {
        return fontSize.get();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return ALL;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
