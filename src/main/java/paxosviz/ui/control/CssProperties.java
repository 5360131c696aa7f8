package paxosviz.ui.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The CSS properties of a control, declared once per class: paints and sizes a stylesheet sets
 * as {@code -pv-<name>}, so a theme is just a stylesheet. The control keeps the properties
 * this makes in its own fields and names them here by a getter.
 */
final class CssProperties<C extends Styleable> {

    private final List<CssMetaData<? extends Styleable, ?>> all;

    CssProperties(List<CssMetaData<? extends Styleable, ?>> inherited) {
        this.all = new ArrayList<>(inherited);
    }

    /** A paint, {@code -pv-<css>}, starting as {@code initial} (a CSS colour). */
    CssMetaData<C, Paint> paint(String css, String initial, Function<C, SimpleStyleableObjectProperty<Paint>> property) {
        CssMetaData<C, Paint> data = new CssMetaData<>("-pv-" + css, StyleConverter.getPaintConverter(), Color.web(initial)) {
            @Override
            public boolean isSettable(C control) {
                return !property.apply(control).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(C control) {
                return property.apply(control);
            }
        };
        all.add(data);
        return data;
    }

    /** A size in pixels, {@code -pv-<css>}. */
    CssMetaData<C, Number> size(String css, double initial, Function<C, SimpleStyleableDoubleProperty> property) {
        CssMetaData<C, Number> data = new CssMetaData<>("-pv-" + css, StyleConverter.getSizeConverter(), initial) {
            @Override
            public boolean isSettable(C control) {
                return !property.apply(control).isBound();
            }

            @Override
            public StyleableProperty<Number> getStyleableProperty(C control) {
                return property.apply(control);
            }
        };
        all.add(data);
        return data;
    }

    /** The inherited properties and every one declared here, for {@code getClassCssMetaData()}. */
    List<CssMetaData<? extends Styleable, ?>> all() {
        return List.copyOf(all);
    }

    static <C extends Styleable> SimpleStyleableObjectProperty<Paint> paintOf(CssMetaData<C, Paint> data, C control, String name) {
        return new SimpleStyleableObjectProperty<>(data, control, name, data.getInitialValue(null));
    }

    static <C extends Styleable> SimpleStyleableDoubleProperty sizeOf(CssMetaData<C, Number> data, C control, String name) {
        return new SimpleStyleableDoubleProperty(data, control, name, data.getInitialValue(null).doubleValue());
    }
}
