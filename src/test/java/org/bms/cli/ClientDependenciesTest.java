package org.bms.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * target/bms-cli.jar carries the client's classes with picocli and jackson-core and nothing else, while the tests
 * run the client on the service's whole class path: this rule is what keeps the jar whole.
 */
class ClientDependenciesTest {

    @Test
    void theClientUsesOnlyTheJdkPicocliAndJacksonsStreamingCore() {
        JavaClasses client = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.bms.cli");

        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.bms.cli", "java..", "javax.crypto..", "picocli..", "tools.jackson.core..")
                .check(client);
    }
}
