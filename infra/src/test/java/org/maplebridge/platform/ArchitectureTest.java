package org.maplebridge.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.net.URI;
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
   * Read models do not read each other's tables: a read model that needs another's facts projects
   * them itself. Every class of the query side that names a read model's table (in its SQL, so in
   * its class file's constants) belongs to that read model's package; the history, the scope ports
   * and the platform's read support name none.
   */
  @Test
  void noReadModelNamesAnotherReadModelsTable() throws Exception {
    List<ReadModel> models = readModels();
    assertThat(models).isNotEmpty();
    List<String> crossings = new ArrayList<>();
    for (JavaClass javaClass : CLASSES.that(fromModule("query-side"))) {
      String constants = classFileText(javaClass);
      for (ReadModel model : models) {
        String owner = model.getClass().getPackageName();
        boolean ownPackage =
            javaClass.getPackageName().equals(owner)
                || javaClass.getPackageName().startsWith(owner + ".");
        for (String table : model.tables()) {
          if (!ownPackage && names(constants, table)) {
            crossings.add(javaClass.getName() + " names " + table + " of " + owner);
          }
        }
      }
    }
    assertThat(crossings).as("tables read outside the read model that owns them").isEmpty();
  }

  private static boolean names(String text, String table) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + table + "(?![A-Za-z0-9_])").matcher(text).find();
  }

  /** The class file as text: its constants (SQL among them) appear in it as written. */
  private static String classFileText(JavaClass javaClass) throws Exception {
    URI source = javaClass.getSource().orElseThrow().getUri();
    try (InputStream in = source.toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static List<ReadModel> readModels() throws Exception {
    List<ReadModel> models = new ArrayList<>();
    for (JavaClass javaClass : CLASSES.that(fromModule("query-side"))) {
      Class<?> type = javaClass.reflect();
      if (ReadModel.class.isAssignableFrom(type) && !type.isInterface()) {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        models.add((ReadModel) constructor.newInstance());
      }
    }
    return models;
  }

  /**
   * A feature's page, template and script live together: every template and script of the query
   * side sits in the folder named after the package of its feature ({@code templates/crisisboard/},
   * {@code static/js/crisisboard/} beside {@code org.maplebridge.crisisboard}).
   */
  @Test
  void everyTemplateAndScriptOfTheQuerySideLivesWithItsFeature() throws Exception {
    Set<String> features = new TreeSet<>();
    for (JavaClass javaClass : CLASSES.that(fromModule("query-side"))) {
      String name = javaClass.getPackageName().substring("org.maplebridge.".length());
      features.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
    }
    List<String> misplaced = new ArrayList<>();
    int seen = 0;
    for (String[] kind :
        List.of(new String[] {"templates/", "html"}, new String[] {"static/js/", "js"})) {
      for (Resource resource :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:" + kind[0] + "**/*." + kind[1])) {
        String url = resource.getURL().toString();
        if (!url.contains("/query-side/")) {
          continue;
        }
        seen++;
        String path = url.substring(url.lastIndexOf(kind[0]) + kind[0].length());
        String folder = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
        if (!features.contains(folder)) {
          misplaced.add(kind[0] + path);
        }
      }
    }
    assertThat(seen).as("the query side's pages and scripts").isGreaterThanOrEqualTo(15);
    assertThat(misplaced).as("templates and scripts outside their feature's folder").isEmpty();
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
