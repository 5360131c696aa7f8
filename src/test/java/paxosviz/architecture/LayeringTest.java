package paxosviz.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of ARCHITECTURE.md that keep the protocol pure and the views apart. */
class LayeringTest {

    private static final String[] PURE = {"paxosviz.core..", "paxosviz.kv..", "paxosviz.net.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("paxosviz");
    }

    @Test
    void protocolCoreUsesNoUiNoJsonNoThreads() {
        noClasses().that().resideInAnyPackage(PURE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..", "java.util.concurrent..",
                        "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "java.time..")
                .check(classes);
    }

    @Test
    void protocolCoreNeverReadsTheClockOrMakesItsOwnRandomness() {
        noClasses().that().resideInAnyPackage(PURE)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .check(classes);
    }

    @Test
    void coreKnowsNothingOfWhatHostsOrWatchesIt() {
        noClasses().that().resideInAPackage("paxosviz.core..")
                .should().dependOnClassesThat().resideInAnyPackage("paxosviz.kv..", "paxosviz.net..", "paxosviz.runtime..",
                        "paxosviz.trace..", "paxosviz.check..", "paxosviz.scenario..", "paxosviz.cli..", "paxosviz.ui..")
                .check(classes);
    }

    @Test
    void onlyTheViewsUseJavaFx() {
        noClasses().that().resideOutsideOfPackage("paxosviz.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyJsonPackagesUseJackson() {
        noClasses().that().resideOutsideOfPackage("..json..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void commandLineDoesNotReachIntoTheViews() {
        noClasses().that().resideInAPackage("paxosviz.cli..")
                .should().dependOnClassesThat().resideInAPackage("paxosviz.ui..")
                .check(classes);
    }

    @Test
    void checkerJudgesTracesNotRuntimes() {
        noClasses().that().resideInAPackage("paxosviz.check..")
                .should().dependOnClassesThat().resideInAnyPackage("paxosviz.runtime..", "paxosviz.net..", "paxosviz.ui..", "paxosviz.cli..")
                .check(classes);
    }

    /** Views and view models talk to a session, never to a runtime: live, replay and (later) external clusters sit behind it. */
    @Test
    void viewsAndViewModelsKnowSessionsNotRuntimes() {
        noClasses().that().resideInAnyPackage("paxosviz.ui.view..", "paxosviz.ui.viewmodel..", "paxosviz.ui.control..")
                .should().dependOnClassesThat().resideInAnyPackage("paxosviz.runtime..")
                .check(classes);
    }

    /** The fold of events into view state is pure: events in, state out, for live and replay alike. */
    @Test
    void theViewStateFoldKnowsOnlyEvents() {
        noClasses().that().resideInAPackage("paxosviz.viewstate..")
                .should().dependOnClassesThat().resideInAnyPackage("paxosviz.runtime..", "paxosviz.ui..", "paxosviz.cli..",
                        "paxosviz.trace.json..", "paxosviz.check..", "paxosviz.replay..", "java.util.concurrent..", "java.io..")
                .check(classes);
    }

    @Test
    void replayNeedsNoWindow() {
        noClasses().that().resideInAPackage("paxosviz.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("paxosviz.ui..", "paxosviz.cli..")
                .check(classes);
    }
}
