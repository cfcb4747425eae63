package fr.cercle.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of Cercle, held by tests: app → sync → persistence → model, and one write path. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("test-classes"))
                .importPackages("fr.cercle");
    }

    @Test
    void theModelDependsOnNothingButTheJdk() {
        ArchRule rule = noClasses().that().resideInAPackage("fr.cercle.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "com.fasterxml.jackson..",
                        "org.h2..", "org.flywaydb..", "org.slf4j..", "fr.cercle.persistence..", "fr.cercle.sync..",
                        "fr.cercle.app..")
                .because("the model is the domain as plain Java, usable and testable anywhere");
        rule.check(classes);
    }

    @Test
    void persistenceKnowsNothingOfTheInterfaceNorOfTheSync() {
        noClasses().that().resideInAPackage("fr.cercle.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "fr.cercle.sync..", "fr.cercle.app..")
                .because("dependencies point one way: app → sync → persistence → model")
                .check(classes);
    }

    @Test
    void theSyncKnowsNothingOfTheInterface() {
        noClasses().that().resideInAPackage("fr.cercle.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..",
                        "org.kordamp..", "fr.cercle.app..")
                .because("the sync also runs without a screen: in the command line and in the central server")
                .check(classes);
    }

    @Test
    void dependenciesPointFromTheAppToTheSyncToPersistenceToTheModel() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("fr.cercle.app..")
                .layer("sync").definedBy("fr.cercle.sync..")
                .layer("persistence").definedBy("fr.cercle.persistence..")
                .layer("model").definedBy("fr.cercle.model..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("sync").mayOnlyBeAccessedByLayers("app")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("sync", "app")
                .whereLayer("model").mayOnlyBeAccessedByLayers("persistence", "sync", "app")
                .because("each module builds on the ones below it only, so each can be used and tested without the ones above")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().resideInAPackage("fr.cercle.app.list..")
                .or().resideInAPackage("fr.cercle.app.task..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                        "atlantafx..")
                .because("view models hold state and validation and are tested without a screen")
                .check(classes);
    }

    @Test
    void onlyTheWritePathWritesSyncedData() {
        noClasses().that().resideOutsideOfPackages("fr.cercle.persistence.write..", "fr.cercle.persistence.local..",
                        "fr.cercle.persistence.commune..", "fr.cercle.sync.server..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(org.jooq.DSLContext.class)))
                        .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                                        "insertInto|update|deleteFrom|delete|mergeInto|truncate|execute|batch.*|newRecord"))))
                .because("every change to synced data must go through ChangeWriter, which journals it for sync; "
                        + "only device-local settings and accounts and the communes reference are written elsewhere (and the "
                        + "central server, which keeps its own database)")
                .check(classes);
    }

    @Test
    void loggingGoesThroughSlf4jOnly() {
        noClasses().that().resideInAPackage("fr.cercle..").and().doNotHaveSimpleName("Main")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.logging..")
                .because("diagnostics go to the log file through SLF4J, never to the console")
                .check(classes);
    }

    @Test
    void noCycleBetweenFeaturePackages() {
        slices().matching("fr.cercle.(*)..").should().beFreeOfCycles().check(classes);
    }
}
