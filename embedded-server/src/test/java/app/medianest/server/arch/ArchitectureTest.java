package app.medianest.server.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of style.md, enforced: the model is framework-free, the server has no UI, no stray console output. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.medianest");
    }

    @Test
    void sharedModelDependsOnNoFramework() {
        noClasses().that().resideInAPackage("app.medianest.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.helidon..", "com.fasterxml..",
                        "java.sql..", "com.zaxxer..", "app.medianest.server..")
                .check(production);
    }

    @Test
    void serverNeverTouchesJavaFx() {
        noClasses().that().resideInAPackage("app.medianest.server..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(production);
    }

    @Test
    void onlyLaunchersWriteToTheConsole() {
        noClasses().that().resideInAnyPackage("app.medianest.server..", "app.medianest.model..")
                .and().doNotHaveSimpleName("Main")
                .and().doNotHaveSimpleName("SeedCommand")
                .and().resideOutsideOfPackage("app.medianest.server.logging")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(production);
    }

    @Test
    void repositoriesDoNotDependOnHttp() {
        noClasses().that().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon.webserver..", "app.medianest.server.http..")
                .check(production);
    }

    @Test
    void serverPackagesHaveNoCycles() {
        slices().matching("app.medianest.server.(*)..").should().beFreeOfCycles().check(production);
    }
}
