package app.medianest.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The console's layering rules. */
class ConsoleArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.medianest.console");

    @Test
    void viewModelsHoldNoSceneGraphClasses() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Model")
                .or().haveSimpleNameEndingWith("Source").or().resideInAPackage("..console.api..")
                .or().resideInAPackage("..console.server..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(CLASSES);
    }

    @Test
    void theServerSideNeverTouchesTheToolkit() {
        noClasses().that().resideInAPackage("..console.server..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..").check(CLASSES);
    }

    @Test
    void onlyLaunchersAndToolsPrint() {
        noClasses().that().resideOutsideOfPackage("..console.tools..").and().doNotHaveSimpleName("Launcher")
                .and().doNotHaveSimpleName("SmokeTest")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
