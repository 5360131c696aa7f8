package paxosviz.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopCheckTest {

    @TempDir
    Path dir;

    @Test
    void withoutGtkTheWindowSaysInOneLineWhatToInstall() {
        String problem = DesktopCheck.problem("Linux", Map.of("DISPLAY", ":0", "LD_LIBRARY_PATH", dir.toString()),
                dir.toString(), List.of(dir.resolve("usr/lib").toString()));

        assertThat(problem).contains("GTK 3", "libgtk-3-0").doesNotContain("\n");
    }

    @Test
    void gtkOnTheLibraryPathIsFoundAndThenTheDisplayMatters() throws Exception {
        Files.createFile(dir.resolve(DesktopCheck.GTK));

        assertThat(DesktopCheck.problem("Linux", Map.of("DISPLAY", ":5"), dir.toString(), List.of())).isNull();
        assertThat(DesktopCheck.problem("Linux", Map.of(), dir.toString(), List.of())).contains("no display").doesNotContain("\n");
    }

    @Test
    void otherSystemsAreNotAskedAboutGtk() {
        assertThat(DesktopCheck.problem("Mac OS X", Map.of(), "", List.of())).isNull();
    }
}
