package paxosviz.ui.view;

import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import paxosviz.ui.viewmodel.ClusterViewModel;
import paxosviz.ui.viewmodel.MainViewModel;

/**
 * Keeps a panel on the current session's cluster view model: it refreshes the panel each frame
 * something changed and whenever the watched selection changes, and moves both listeners to the
 * new view model when another cluster starts, so the old one is left alone.
 */
final class ClusterFollower {

    private final Function<ClusterViewModel, Observable> selection;
    private final Consumer<ClusterViewModel> refresh;
    private final InvalidationListener onChange;
    private ClusterViewModel cluster;

    /** Starts following at once; {@code selection} picks what selection the panel shows. */
    ClusterFollower(MainViewModel model, Function<ClusterViewModel, Observable> selection, Consumer<ClusterViewModel> refresh) {
        this.selection = selection;
        this.refresh = refresh;
        this.onChange = observable -> refresh.accept(cluster);
        model.modelsProperty().addListener((obs, old, models) -> follow(models.cluster()));
        if (model.models() != null) {
            follow(model.models().cluster());
        }
    }

    ClusterViewModel cluster() {
        return cluster;
    }

    private void follow(ClusterViewModel next) {
        if (cluster != null) {
            cluster.frameProperty().removeListener(onChange);
            selection.apply(cluster).removeListener(onChange);
        }
        cluster = next;
        cluster.frameProperty().addListener(onChange);
        selection.apply(cluster).addListener(onChange);
        refresh.accept(cluster);
    }
}
