package paxosviz.ui.control;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.Control;
import javafx.scene.control.SkinBase;

/**
 * A skin that is one canvas filling its control and drawn again when its size changes. A canvas
 * does not resize itself, so the control's natural and least sizes are set here rather than
 * taken from it (they would only ever grow).
 */
abstract class CanvasSkin<C extends Control> extends SkinBase<C> {

    final Canvas canvas = new Canvas();
    private final double prefWidth;
    private final double prefHeight;
    private final double minWidth;
    private final double minHeight;

    CanvasSkin(C control, double prefWidth, double prefHeight, double minWidth, double minHeight) {
        super(control);
        this.prefWidth = prefWidth;
        this.prefHeight = prefHeight;
        this.minWidth = minWidth;
        this.minHeight = minHeight;
        getChildren().add(canvas);
    }

    /** Paints the canvas as it is sized now. */
    abstract void draw();

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
        canvas.relocate(x, y);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return prefWidth;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return prefHeight;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return minWidth;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return minHeight;
    }
}
