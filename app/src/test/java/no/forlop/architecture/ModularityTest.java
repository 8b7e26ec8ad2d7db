package no.forlop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.ForlopApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module graph has no cycles and every module uses only the APIs it is allowed to. */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(ForlopApplication.class);

  @Test
  void module_graph_has_no_cycles_and_respects_module_apis() {
    MODULES.verify();
  }

  /** The coordinator's web app is an edge: its pages use the modules, no module uses it. */
  @Test
  void the_coordinator_app_is_a_module_that_no_other_module_depends_on() {
    assertThat(MODULES.getModuleByName("coordinator")).isPresent();
    assertThat(MODULES.getModuleByName("worklist")).isEmpty();
    assertThat(MODULES.stream())
        .filteredOn(m -> m.getDependencies(MODULES).containsModuleNamed("coordinator"))
        .extracting(ApplicationModule::getIdentifier)
        .isEmpty();
  }

  @Test
  void writes_module_documentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
