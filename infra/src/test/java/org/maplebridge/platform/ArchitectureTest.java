package org.maplebridge.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Only events cross between the command side and the query side; the event contract depends on no
 * framework. Modules are told apart by where their classes come from.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.maplebridge");

  private static DescribedPredicate<JavaClass> fromModule(String module) {
    return DescribedPredicate.describe(
        "classes of " + module,
        javaClass ->
            javaClass
                .getSource()
                .map(source -> source.getUri().toString().contains("/" + module + "/"))
                .orElse(false));
  }

  @Test
  void theCommandSideDoesNotSeeTheQuerySide() {
    noClasses()
        .that(fromModule("command-side"))
        .should()
        .dependOnClassesThat(fromModule("query-side"))
        .check(CLASSES);
  }

  @Test
  void theQuerySideDoesNotSeeTheCommandSide() {
    noClasses()
        .that(fromModule("query-side"))
        .should()
        .dependOnClassesThat(fromModule("command-side"))
        .check(CLASSES);
  }

  @Test
  void theEventContractIsFrameworkFree() {
    noClasses()
        .that(fromModule("shared-events"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.axonframework..",
            "jakarta.persistence..",
            "org.hibernate..")
        .check(CLASSES);
  }

  @Test
  void neitherSideDependsOnThePlatform() {
    noClasses()
        .that(fromModule("command-side").or(fromModule("query-side")))
        .should()
        .dependOnClassesThat(fromModule("infra"))
        .check(CLASSES);
  }
}
