package paxosviz.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import paxosviz.ui.viewmodel.Demos;

/** The Demos menu's entries: each demo's question, a line on what it shows, and UNSAFE where it is. */
final class DemoMenu {

    private DemoMenu() {
    }

    static List<MenuItem> items(List<Demos.Demo> demos, Consumer<Demos.Demo> open) {
        List<MenuItem> items = new ArrayList<>();
        for (int i = 0; i < demos.size(); i++) {
            Demos.Demo demo = demos.get(i);
            Label question = new Label((i + 1) + ". " + demo.name());
            question.getStyleClass().add("demo-question");
            Label summary = new Label(demo.summary());
            summary.getStyleClass().add("demo-summary");
            VBox box = new VBox(2, question, summary);
            if (demo.unsafe()) {
                Label unsafe = new Label("UNSAFE on purpose: " + demo.unsafeWhy());
                unsafe.getStyleClass().add("unsafe-tag");
                box.getChildren().add(unsafe);
            }
            CustomMenuItem item = new CustomMenuItem(box);
            item.setId("demo-" + (i + 1));
            item.setOnAction(event -> open.accept(demo));
            items.add(item);
        }
        return items;
    }
}
