package no.forlop.referral.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Localized;
import no.forlop.referral.Assessment;
import no.forlop.referral.EntryCriteria;
import no.forlop.referral.EntryCriteriaService;
import no.forlop.referral.Item;
import no.forlop.referral.PathwayCriteria;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The GP's referral support (issue 17, item 2), open to anyone: choose a pathway or start from a
 * sign, tick the findings present and the filter steps done, and see whether the criteria for a
 * well-founded suspicion are met, what is missing and what the referral must contain. The form is a
 * GET: the ticks live in the address only, nothing is stored or logged about them. "Lag henvisning"
 * (a POST with the patient's details) answers the complete referral as a FHIR file.
 */
@Controller
class ReferralPageController {

  private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

  private final EntryCriteriaService criteria;
  private final CatalogueService catalogues;
  private final ReferralWriter writer;

  ReferralPageController(
      EntryCriteriaService criteria, CatalogueService catalogues, ReferralWriter writer) {
    this.criteria = criteria;
    this.catalogues = catalogues;
    this.writer = writer;
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
    var found = find(pathway);
    Set<String> present = ticked == null ? Set.of() : new LinkedHashSet<>(ticked);
    page(found, present, assess != null, model);
    model.addAttribute("referralForm", ReferralForm.empty());
    return "referral/pathway";
  }

  /**
   * "Lag henvisning": the referral as a FHIR R4 transaction Bundle, downloaded as a file, for the
   * GP's system to send to the hospital (or to Forløp's {@code /fhir}). A POST, so that the
   * patient's details are never in an address; nothing of it is stored or logged. A form with
   * problems is the page again (400) with every problem named.
   */
  @PostMapping("/henvisning/{pathway}")
  Object referral(
      @PathVariable String pathway,
      @RequestParam(name = "funn", required = false) @Nullable List<String> ticked,
      @RequestParam(name = "innhold", required = false) @Nullable List<String> content,
      @ModelAttribute("referralForm") ReferralForm form,
      Model model) {
    var found = find(pathway);
    Set<String> present = ticked == null ? Set.of() : new LinkedHashSet<>(ticked);
    Set<String> included = content == null ? Set.of() : new LinkedHashSet<>(content);
    var written = writer.write(found, present, included, form);
    if (written.bundle() == null) {
      page(found, present, true, model);
      model.addAttribute("included", included);
      model.addAttribute("referralProblems", written.problems());
      var page = new ModelAndView("referral/pathway", model.asMap());
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
    return ResponseEntity.ok()
        .contentType(FHIR_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("henvisning-" + found.pathway() + ".json")
                .build()
                .toString())
        .cacheControl(CacheControl.noStore())
        .body(written.bundle());
  }

  private PathwayCriteria find(String pathway) {
    return criteria
        .pathway(pathway)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private void page(PathwayCriteria found, Set<String> present, boolean assess, Model model) {
    model.addAttribute("version", criteria.current().version());
    model.addAttribute("pathway", link(found));
    model.addAttribute("criteria", found);
    model.addAttribute("ticked", present);
    model.addAttribute("included", Set.of());
    var unknownNotes = new HashMap<String, String>();
    found.unknownSections().forEach((section, note) -> unknownNotes.put(section.name(), note));
    model.addAttribute("unknownNotes", unknownNotes);
    var assessment = EntryCriteria.assess(found, present);
    if (assess) {
      model.addAttribute("assessment", assessment);
    }
    // the referral form lists what goes into it, in words, and says when the criteria are not met
    // (it never blocks the referral)
    var tickedTexts = new ArrayList<Localized>();
    found.filterSteps().stream()
        .filter(f -> present.contains(f.id()))
        .forEach(f -> tickedTexts.add(f.text()));
    java.util.stream.Stream.concat(
            found.criteria().requires().stream(), found.criteria().anyOf().stream())
        .filter(i -> present.contains(i.id()))
        .forEach(i -> tickedTexts.add(i.text()));
    model.addAttribute("tickedTexts", tickedTexts);
    model.addAttribute("criteriaMet", assessment.outcome() == Assessment.Outcome.MET);
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
