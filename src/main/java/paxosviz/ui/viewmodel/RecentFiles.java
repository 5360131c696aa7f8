package paxosviz.ui.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The scenarios and traces opened lately, newest first, kept between runs in the user's preferences. */
public final class RecentFiles {

    static final int KEPT = 8;
    private static final String KEY = "recent.";
    private static Preferences store = Preferences.userNodeForPackage(RecentFiles.class);

    private RecentFiles() {
    }

    /** Keeps the list somewhere else (tests). */
    static void useStore(Preferences preferences) {
        store = preferences;
    }

    public static List<Path> list() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < KEPT; i++) {
            String file = store.get(KEY + i, null);
            if (file != null) {
                files.add(Path.of(file));
            }
        }
        return files;
    }

    /** Puts {@code file} first, once. */
    static void add(Path file) {
        List<Path> files = list();
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.add(0, absolute);
        for (int i = 0; i < KEPT; i++) {
            if (i < files.size()) {
                store.put(KEY + i, files.get(i).toString());
            } else {
                store.remove(KEY + i);
            }
        }
    }
}
