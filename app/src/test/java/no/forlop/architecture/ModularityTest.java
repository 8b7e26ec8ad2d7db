package no.forlop.architecture;

import no.forlop.ForlopApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module graph has no cycles and every module uses only the APIs it is allowed to. */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(ForlopApplication.class);

  @Test
  void module_graph_has_no_cycles_and_respects_module_apis() {
    MODULES.verify();
  }

  @Test
  void writes_module_documentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
