package no.forlop.catalog.web;

import no.forlop.catalog.CatalogueService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The catalogue as a page: pathways, codes, ICD-10 groups and norms with their status. */
@Controller
class CataloguePageController {

  private final CatalogueService catalogues;

  CataloguePageController(CatalogueService catalogues) {
    this.catalogues = catalogues;
  }

  @GetMapping("/catalogue")
  String catalogue(Model model) {
    var catalogue = catalogues.current();
    model.addAttribute("catalogue", catalogue);
    model.addAttribute("versions", catalogues.versions());
    // when a version was loaded, in Oslo time as the pages write times
    model.addAttribute("zone", no.forlop.calendar.OsloTime.ZONE);
    model.addAttribute(
        "pathways", catalogue.pathways().stream().map(p -> PathwayRow.of(catalogue, p)).toList());
    return "catalogue/index";
  }
}
