package io.tallycast.bus;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.vertx.core.eventbus.EventBus;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bus package is the contract: the only place that names an address or touches Vert.x's event bus. */
class ContractTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(location -> !location.contains("/test-classes/")).importPackages("io.tallycast");

  @Test
  void no_class_outside_the_bus_package_sends_publishes_or_listens_on_the_event_bus_itself() {
    noClasses().that().resideOutsideOfPackage("io.tallycast.bus..")
        .should().callMethodWhere(target(owner(assignableTo(EventBus.class))))
        .because("every address and its payload type are declared in io.tallycast.bus.Contract; parts go through Bus")
        .check(MAIN);
  }

  @Test
  void no_class_outside_the_contract_declares_an_address() {
    noClasses().that().doNotHaveFullyQualifiedName(Contract.class.getName())
        .should().callConstructor(Address.class, String.class, Class.class)
        .orShould().callConstructor(Ask.class, String.class, Class.class, Class.class)
        .because("an address is declared once, in Contract")
        .check(MAIN);
  }

  @Test
  void every_address_of_the_contract_has_its_own_name_and_its_row_in_the_architecture_document() throws Exception {
    List<String> names = new ArrayList<>();
    for (Field f : Contract.class.getFields()) {
      Object declared = Modifier.isStatic(f.getModifiers()) ? f.get(null) : null;
      if (declared instanceof Address<?> a) {
        names.add(a.name());
      } else if (declared instanceof Ask<?, ?> a) {
        names.add(a.name());
      }
    }
    assertThat(names).isNotEmpty().doesNotHaveDuplicates();
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/ARCHITECTURE.md"));
    for (String name : names) {
      assertThat(doc).as("docs/ARCHITECTURE.md's bus table").contains("| `" + name + "` (");
    }
  }

}
