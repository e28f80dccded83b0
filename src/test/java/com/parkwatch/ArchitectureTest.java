package com.parkwatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layers as docs/architecture.md draws them, each rule with its reason. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.parkwatch");

    @Test
    void nothingBelowTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("com.parkwatch.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.testfx..")
                .because("serve runs with no display, and the engine, the lot and the web must be testable without a toolkit")
                .check(CLASSES);
    }

    @Test
    void theLotLayerKnowsNoVisionLibraryAndNoLayerAbove() {
        noClasses().that().resideInAPackage("com.parkwatch.lot..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencv..", "org.bytedeco..", "com.parkwatch.vision..",
                        "com.parkwatch.booking..", "com.parkwatch.watch..", "com.parkwatch.web..", "com.parkwatch.ui..",
                        "com.parkwatch.app..")
                .because("the lot's states and the one rule for what a spot shows are the base every output reads")
                .check(CLASSES);
    }

    @Test
    void visionDoesNotDependOnBookings() {
        noClasses().that().resideInAPackage("com.parkwatch.vision..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.booking..", "java.sql..")
                .because("the engine thread must never wait on the bookings database")
                .check(CLASSES);
    }

    @Test
    void theHistoryReadsTheStoreAndIsReadByTheOutputsOnly() {
        noClasses().that().resideInAPackage("com.parkwatch.history..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.vision..", "com.parkwatch.watch..",
                        "com.parkwatch.web..", "com.parkwatch.ui..", "com.parkwatch.app..")
                .because("one computation of the reports serves the web, the command and the kiosk alike")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("com.parkwatch.lot..", "com.parkwatch.vision..", "com.parkwatch.booking..")
                .should().dependOnClassesThat().resideInAPackage("com.parkwatch.history..")
                .because("the engine and the store know nothing of reports; the watch feeds the history")
                .check(CLASSES);
    }

    @Test
    void onlyTheCompositionRootWiresTheLayersTogether() {
        noClasses().that().resideInAnyPackage("com.parkwatch.lot..", "com.parkwatch.vision..", "com.parkwatch.booking..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.watch..", "com.parkwatch.web..",
                        "com.parkwatch.ui..", "com.parkwatch.app..")
                .because("the lot is built in one place, com.parkwatch.watch.LotWatch, and lower layers never reach up")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.parkwatch.watch..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.web..", "com.parkwatch.ui..",
                        "com.parkwatch.app..")
                .because("the kiosk, serve and the tests all build on the same watch; it knows none of them")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.parkwatch.web..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.ui..", "com.parkwatch.vision..",
                        "com.parkwatch.app..")
                .because("the web reads the live lot and the bookings only: pages never wait on frames or the engine")
                .check(CLASSES);
    }

    @Test
    void publishersSitBetweenTheLotAndTheFaces() {
        noClasses().that().resideInAPackage("com.parkwatch.publish..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.web..", "com.parkwatch.ui..",
                        "com.parkwatch.app..", "com.parkwatch.watch..", "com.parkwatch.vision..", "org.opencv..",
                        "org.bytedeco..")
                .because("publishers hear the live lot and the bookings as the kiosk does; they never touch frames or"
                        + " the engine, so a slow broker or receiver cannot slow it")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("com.parkwatch.lot..", "com.parkwatch.vision..", "com.parkwatch.booking..",
                        "com.parkwatch.watch..")
                .should().dependOnClassesThat().resideInAPackage("com.parkwatch.publish..")
                .because("the lot runs the same with no broker, webhook or metrics; the command line adds them")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("com.parkwatch.publish..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
                .because("one class speaks MQTT: topics, retained states and the last will are kept in one place")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage("com.parkwatch.app..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("a kiosk or a server left running for months logs through SLF4J; only commands talk to a terminal")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenTheLayers() {
        slices().matching("com.parkwatch.(*)..").should().beFreeOfCycles()
                .because("each layer builds on the ones below it only, so each can be tested alone")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenTheVisionJobs() {
        slices().matching("com.parkwatch.vision.(*)..").should().beFreeOfCycles()
                .because("sources, tracking, classification and drawing are separate jobs that can be changed apart")
                .check(CLASSES);
    }
}
