package org.maplebridge.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maplebridge.read.ReadModel;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

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

  /** Inside each module, features depend on one another without going round in circles. */
  @ParameterizedTest
  @ValueSource(strings = {"shared-events", "command-side", "query-side", "infra"})
  void noModuleHasPackageCycles(String module) {
    slices()
        .matching("org.maplebridge.(**)")
        .should()
        .beFreeOfCycles()
        .check(CLASSES.that(fromModule(module)));
  }

  /**
   * The read-model contract: every processing group of the query side is declared by exactly one
   * {@link ReadModel}, and the read models together own exactly the tables the query side's
   * migrations create, so the platform's rebuilds, checksums and processors miss none.
   */
  @Test
  void everyReadModelDeclaresItsProcessingGroupAndEveryTableItOwns() throws Exception {
    List<ReadModel> models = new ArrayList<>();
    Set<String> groups = new TreeSet<>();
    for (JavaClass javaClass : CLASSES.that(fromModule("query-side"))) {
      Class<?> type = javaClass.reflect();
      if (ReadModel.class.isAssignableFrom(type) && !type.isInterface()) {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        models.add((ReadModel) constructor.newInstance());
      }
      if (type.isAnnotationPresent(ProcessingGroup.class)) {
        groups.add(type.getAnnotation(ProcessingGroup.class).value());
      }
    }
    assertThat(models.stream().map(ReadModel::processingGroup).sorted().toList())
        .as("one read model per processing group of the query side")
        .containsExactlyElementsOf(groups);

    Set<String> created = new TreeSet<>();
    Pattern createTable = Pattern.compile("CREATE TABLE (\\w+)", Pattern.CASE_INSENSITIVE);
    for (Resource migration :
        new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
      if (migration.getURL().toString().contains("/query-side/")) {
        Matcher table = createTable.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
        while (table.find()) {
          created.add(table.group(1).toLowerCase());
        }
      }
    }
    assertThat(created).as("the query side's migrations create tables").isNotEmpty();
    assertThat(models.stream().flatMap(model -> model.tables().stream()).sorted().toList())
        .as("the read models own every table of the query side, each once")
        .containsExactlyElementsOf(created);
  }
}
