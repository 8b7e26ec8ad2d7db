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

  /**
   * Deriving codes has one client and one server: the intake (and the replay command line, which
   * drives the intake) hands it facts, and it hands derived instances to the pathway. Nothing on
   * the coordinator's side (pages, MDT, statistics, the NPR delivery) knows how codes are derived.
   */
  @Test
  void deriving_codes_is_used_only_by_the_intake_side() {
    assertThat(MODULES.stream())
        .filteredOn(m -> m.getDependencies(MODULES).containsModuleNamed("coding"))
        .extracting(ApplicationModule::getIdentifier)
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("ingest", "replay");
    assertThat(MODULES.getModuleByName("coding").orElseThrow().getDependencies(MODULES))
        .matches(d -> !d.containsModuleNamed("coordinator") && !d.containsModuleNamed("mdt"));
  }

  @Test
  void writes_module_documentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
