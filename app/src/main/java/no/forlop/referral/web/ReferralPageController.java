package no.forlop.referral.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Localized;
import no.forlop.referral.EntryCriteria;
import no.forlop.referral.EntryCriteriaService;
import no.forlop.referral.Item;
import no.forlop.referral.PathwayCriteria;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The GP's referral support (issue 17, item 2), open to anyone: choose a pathway or start from a
 * sign, tick the findings present and the filter steps done, and see whether the criteria for a
 * well-founded suspicion are met, what is missing and what the referral must contain. The form is a
 * GET: the ticks live in the address only, nothing is stored or logged about them.
 */
@Controller
class ReferralPageController {

  private final EntryCriteriaService criteria;
  private final CatalogueService catalogues;

  ReferralPageController(EntryCriteriaService criteria, CatalogueService catalogues) {
    this.criteria = criteria;
    this.catalogues = catalogues;
  }

  /** A pathway of the criteria with its name from the catalogue. */
  record PathwayLink(String id, Localized name, boolean criteriaKnown) {}

  /** A sign that points to a pathway: the way in from a symptom. */
  record SignLink(Item sign, PathwayLink pathway) {}

  @GetMapping("/henvisning")
  String index(Model model) {
    var pathways = criteria.current().pathways().stream().map(this::link).toList();
    var signs = new ArrayList<SignLink>();
    for (int i = 0; i < pathways.size(); i++) {
      for (var sign : criteria.current().pathways().get(i).signs()) {
        signs.add(new SignLink(sign, pathways.get(i)));
      }
    }
    model.addAttribute("version", criteria.current().version());
    model.addAttribute("pathways", pathways);
    model.addAttribute("signs", signs);
    return "referral/index";
  }

  @GetMapping("/henvisning/{pathway}")
  String pathway(
      @PathVariable String pathway,
      @RequestParam(name = "funn", required = false) @Nullable List<String> ticked,
      @RequestParam(name = "vurder", required = false) @Nullable String assess,
      Model model) {
    var found =
        criteria
            .pathway(pathway)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Set<String> present = ticked == null ? Set.of() : new LinkedHashSet<>(ticked);
    model.addAttribute("version", criteria.current().version());
    model.addAttribute("pathway", link(found));
    model.addAttribute("criteria", found);
    model.addAttribute("ticked", present);
    var unknownNotes = new HashMap<String, String>();
    found.unknownSections().forEach((section, note) -> unknownNotes.put(section.name(), note));
    model.addAttribute("unknownNotes", unknownNotes);
    if (assess != null) {
      model.addAttribute("assessment", EntryCriteria.assess(found, present));
    }
    return "referral/pathway";
  }

  private PathwayLink link(PathwayCriteria pathway) {
    var name =
        catalogues
            .current()
            .pathway(pathway.pathway())
            .map(p -> p.names())
            .orElse(new Localized(pathway.pathway(), pathway.pathway()));
    return new PathwayLink(pathway.pathway(), name, pathway.criteriaKnown());
  }
}
