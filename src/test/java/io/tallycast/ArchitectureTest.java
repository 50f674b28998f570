package io.tallycast;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layering holds: no package needs one that needs it back, and no class hides a JDK class by its name. */
class ArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(location -> !location.contains("/test-classes/")).importPackages("io.tallycast");
  /** The JDK packages whose class names a reader takes for granted. */
  private static final List<String> JDK = List.of("java.lang.", "java.util.", "java.io.", "java.nio.file.",
      "java.time.", "java.net.");

  @Test
  void no_two_packages_depend_on_each_other_even_through_others() {
    slices().matching("io.tallycast.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void no_class_is_named_after_a_jdk_class() {
    List<String> shadowing = MAIN.stream().filter(c -> !c.isNestedClass() && !c.isAnonymousClass())
        .map(JavaClass::getSimpleName).filter(ArchitectureTest::inJdk).distinct().toList();
    assertThat(shadowing).as("classes named like a class of " + JDK).isEmpty();
  }

  private static boolean inJdk(String simpleName) {
    for (String p : JDK) {
      try {
        return java.lang.reflect.Modifier.isPublic(
            Class.forName(p + simpleName, false, ClassLoader.getPlatformClassLoader()).getModifiers());
      } catch (ClassNotFoundException e) {
        // not there: next package
      }
    }
    return false;
  }
}
