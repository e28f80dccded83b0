package com.parkwatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.parkwatch");

    @Test
    void nothingBelowTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("com.parkwatch.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.testfx..")
                .check(classes);
    }

    @Test
    void theLotLayerKnowsNoVisionLibrary() {
        noClasses().that().resideInAPackage("com.parkwatch.lot..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opencv..", "org.bytedeco..", "com.parkwatch.vision..",
                        "com.parkwatch.app..")
                .check(classes);
    }

    @Test
    void onlyTheWiringKnowsEveryLayer() {
        noClasses().that().resideInAnyPackage("com.parkwatch.lot..", "com.parkwatch.vision..", "com.parkwatch.booking..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.web..", "com.parkwatch.ui..")
                .check(classes);
        noClasses().that().resideInAPackage("com.parkwatch.web..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.ui..", "com.parkwatch.vision..")
                .check(classes);
    }

    @Test
    void visionDoesNotReachUpIntoTheApplication() {
        noClasses().that().resideInAPackage("com.parkwatch.vision..")
                .should().dependOnClassesThat().resideInAnyPackage("com.parkwatch.app..")
                .check(classes);
    }
}
