package io.baseplane.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** The module and package rules of docs/adr/0004-module-layout.md, enforced on every build. */
class ArchitectureTest {

    private static final List<String> CONTEXTS = List.of("tenant", "workspace", "airtable", "workflow");
    private static JavaClasses platform;

    @BeforeAll
    static void importPlatform() {
        platform = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.baseplane");
    }

    @Test
    void theSharedKernelIsFreeOfSpring() {
        noClasses().that().resideInAPackage("io.baseplane.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                .check(platform);
    }

    @Test
    void theSharedKernelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.baseplane.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.baseplane.command..", "io.baseplane.saga..", "io.baseplane.projection..",
                        "io.baseplane.query..", "io.baseplane.app..")
                .check(platform);
    }

    @Test
    void theCommandSideNeverReadsTheReadSide() {
        noClasses().that().resideInAnyPackage("io.baseplane.command..", "io.baseplane.saga..")
                .should().dependOnClassesThat().resideInAnyPackage("io.baseplane.projection..", "io.baseplane.query..")
                .check(platform);
    }

    @Test
    void theReadSideNeverReachesIntoTheWriteSide() {
        noClasses().that().resideInAnyPackage("io.baseplane.query..", "io.baseplane.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("io.baseplane.command..", "io.baseplane.saga..")
                .check(platform);
    }

    @Test
    void projectionsDoNotServeHttp() {
        noClasses().that().resideInAPackage("io.baseplane.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("io.baseplane.query..", "org.springframework.web..")
                .check(platform);
    }

    @Test
    void modulesDoNotReachIntoTheApplication() {
        noClasses().that().resideOutsideOfPackage("io.baseplane.app..")
                .should().dependOnClassesThat().resideInAPackage("io.baseplane.app..")
                .check(platform);
    }

    @Test
    void sagasTalkToAggregatesOnlyThroughCommandsAndEvents() {
        noClasses().that().resideInAPackage("io.baseplane.saga..")
                .should().dependOnClassesThat().resideInAPackage("io.baseplane.command..")
                .check(platform);
    }

    @Test
    void contextsUseEachOthersPortsButNeverTheirAdaptersOrLookups() {
        for (String context : CONTEXTS) {
            ArchRule rule = noClasses().that().resideInAPackage("io.baseplane.command..")
                    .and().resideOutsideOfPackage("io.baseplane.command." + context + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "io.baseplane.command." + context + ".web..",
                            "io.baseplane.command." + context + ".lookup..")
                    .allowEmptyShould(true);
            rule.check(platform);
        }
    }

    @Test
    void controllersArePackagePrivateAdapters() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .check(platform);
    }

    @Test
    void commandsAreRecordsInTheSharedKernel() {
        classes().that().haveSimpleNameEndingWith("Command").and().resideInAPackage("io.baseplane..")
                .should().beRecords().andShould().resideInAPackage("io.baseplane.kernel..")
                .check(platform);
    }
}
