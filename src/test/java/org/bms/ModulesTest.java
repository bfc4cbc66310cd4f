package org.bms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The features are modules (one top-level package each): they use each other through their public types and
 * events only, without cycles, and each keeps its tables to itself.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(BmsApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.bms");

    @Test
    void modulesDependOnEachOtherOnlyThroughTheirApisAndWithoutCycles() {
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .contains("account", "batch", "database", "notification", "rates", "security", "web");
        MODULES.verify();
    }

    /** A repository is its feature's tables: other features ask the feature, not its tables. */
    @Test
    void aFeaturesRepositoriesAreUsedInThatFeatureAlone() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should(beUsedInTheirOwnPackageOnly())
                .check(CLASSES);
    }

    @Test
    void applicationWideSwitchesAreOnTheApplication() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(BmsApplication.class.getName())
                .should()
                .beAnnotatedWith(EnableAsync.class)
                .orShould()
                .beAnnotatedWith(EnableScheduling.class)
                .orShould()
                .beAnnotatedWith(EnableCaching.class)
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> beUsedInTheirOwnPackageOnly() {
        return new ArchCondition<>("be used in their own package only") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency use : repository.getDirectDependenciesToSelf()) {
                    if (!use.getOriginClass().getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                    }
                }
            }
        };
    }
}
