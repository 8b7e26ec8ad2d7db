package no.forlop.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.forlop.referral.EntryCriteriaDocument;
import no.forlop.referral.EntryCriteriaService;
import no.forlop.referral.PathwayCriteria;
import no.forlop.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The entry criteria over REST, for any signed-in user and a GP's system: every pathway's signs,
 * filter steps, criteria for well-founded suspicion and required referral content, with sources.
 */
@RestController
@RequestMapping("/api/v1/entry-criteria")
@Tag(
    name = "Entry criteria",
    description = "Per pathway: signs, filter steps, well-founded suspicion, referral content")
class EntryCriteriaController {

  private static final String VERSION_HEADER = "X-Entry-Criteria-Version";

  private final EntryCriteriaService criteria;

  EntryCriteriaController(EntryCriteriaService criteria) {
    this.criteria = criteria;
  }

  @GetMapping
  @Operation(summary = "The entry criteria of every pathway, with their sources")
  ResponseEntity<EntryCriteriaDocument> all() {
    var current = criteria.current();
    return ResponseEntity.ok()
        .eTag(current.checksum())
        .header(VERSION_HEADER, current.version())
        .body(current.document());
  }

  @GetMapping("/{pathway}")
  @Operation(summary = "The entry criteria of one pathway, by its catalogue id (e.g. lung)")
  ResponseEntity<PathwayCriteria> one(@PathVariable String pathway) {
    var current = criteria.current();
    return ResponseEntity.ok()
        .header(VERSION_HEADER, current.version())
        .body(
            current
                .pathway(pathway)
                .orElseThrow(() -> ApiProblem.notFound("ENTRY_CRITERIA_NOT_FOUND", pathway)));
  }
}
