package paxosviz.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether this machine can open the window, asked before JavaFX tries (and fails with a stack
 * trace): on Linux the window needs GTK 3 and a display. Returns a one-line reason if it cannot.
 */
final class DesktopCheck {

    static final String GTK = "libgtk-3.so.0";
    private static final List<String> USUAL_PLACES = List.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            "/usr/local/lib", "/usr/lib/i386-linux-gnu");

    private DesktopCheck() {
    }

    /** Why the window cannot open here, or null if it can (as far as can be told beforehand). */
    static String problem() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return null; // the headless platform of the window tests needs neither GTK nor a display
        }
        return problem(System.getProperty("os.name", ""), System.getenv(), System.getProperty("java.library.path", ""), USUAL_PLACES);
    }

    /** {@code usualPlaces}: where the system keeps its libraries, searched after the library paths. */
    static String problem(String os, Map<String, String> env, String libraryPath, List<String> usualPlaces) {
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        if (!gtkFound(env, libraryPath, usualPlaces)) {
            return "The window needs GTK 3, which is not installed: install it (Debian or Ubuntu: sudo apt-get install libgtk-3-0;"
                    + " Fedora: sudo dnf install gtk3) and try again. Without a window, use run, check, export and bench.";
        }
        String display = env.get("DISPLAY");
        String wayland = env.get("WAYLAND_DISPLAY");
        if ((display == null || display.isBlank()) && (wayland == null || wayland.isBlank())) {
            return "There is no display to open the window on (DISPLAY is not set). Without a window, use run, check,"
                    + " export and bench.";
        }
        return null;
    }

    private static boolean gtkFound(Map<String, String> env, String libraryPath, List<String> usualPlaces) {
        List<String> places = new ArrayList<>();
        for (String path : List.of(env.getOrDefault("LD_LIBRARY_PATH", ""), libraryPath)) {
            for (String place : path.split(":")) {
                if (!place.isBlank()) {
                    places.add(place);
                }
            }
        }
        places.addAll(usualPlaces);
        for (String place : places) {
            if (Files.exists(Path.of(place, GTK))) {
                return true;
            }
        }
        return false;
    }
}
