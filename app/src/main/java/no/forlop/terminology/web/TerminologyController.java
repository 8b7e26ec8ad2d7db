package no.forlop.terminology.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.terminology.ConceptMapVersion;
import no.forlop.terminology.ConceptMapVersionConflictException;
import no.forlop.terminology.DefaultTerminology;
import no.forlop.terminology.InvalidConceptMapException;
import no.forlop.terminology.TerminologyService;
import no.forlop.terminology.domain.Concept;
import no.forlop.terminology.domain.ConceptMapping;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The terminology over REST: the concepts and mappings in force (defaults with their source and
 * verification, and the hospital's ConceptMap); the ConceptMap versions; load a new one (an
 * administrator), or put an earlier one back in force.
 */
@RestController
@RequestMapping("/api/v1/terminology")
@Tag(
    name = "Terminology",
    description = "Which codes (SNOMED CT, NCSP/NCMP, local) mean which of Forløp's concepts")
class TerminologyController {

  private final TerminologyService terminology;
  private final ApiProblems problems;

  TerminologyController(TerminologyService terminology, ApiProblems problems) {
    this.terminology = terminology;
    this.problems = problems;
  }

  /** The terminology in force. */
  record TerminologyView(
      String conceptSystem,
      List<String> concepts,
      String defaultsVersion,
      @Nullable String conceptMapVersion,
      List<DefaultTerminology.CodeSystem> systems,
      List<MappingView> mappings) {}

  /**
   * One mapping: from the defaults or the ConceptMap ({@code terminology}); an unknown value has
   * neither code nor prefix and is never used; {@code excludes}: the code is not the concept.
   */
  record MappingView(
      String concept,
      String system,
      @Nullable String code,
      @Nullable String prefix,
      boolean excludes,
      boolean verified,
      String terminology,
      @Nullable String source,
      @Nullable String note) {

    static MappingView of(ConceptMapping m) {
      return new MappingView(
          m.concept().name(),
          m.system(),
          m.code(),
          m.prefix(),
          m.excludes(),
          m.verified(),
          m.terminology(),
          m.source(),
          m.note());
    }
  }

  @GetMapping
  @Operation(summary = "The concepts and the mappings in force, each with its source and status")
  TerminologyView current() {
    var current = terminology.current();
    var mappings =
        java.util.stream.Stream.concat(
                current.conceptMapMappings().stream(), current.defaultMappings().stream())
            .map(MappingView::of)
            .toList();
    return new TerminologyView(
        Concept.SYSTEM,
        Concept.names(),
        current.defaultsVersion(),
        current.conceptMapVersion().orElse(null),
        terminology.defaults().systems(),
        mappings);
  }

  @GetMapping("/concept-maps")
  @Operation(summary = "Every ConceptMap version loaded, and which is in force")
  List<ConceptMapVersion> versions() {
    return terminology.versions();
  }

  @GetMapping(path = "/concept-maps/{version}", produces = "application/fhir+json")
  @Operation(summary = "One ConceptMap version, exactly as it was loaded")
  ResponseEntity<String> version(@PathVariable String version) {
    return terminology
        .content(version)
        .map(content -> ResponseEntity.ok().contentType(ApiProblem.FHIR_JSON).body(content))
        .orElseThrow(() -> ApiProblem.notFound("CONCEPT_MAP_VERSION_NOT_FOUND", version));
  }

  @PostMapping(
      path = "/concept-maps",
      consumes = {"application/fhir+json", MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Load a new ConceptMap version (FHIR R4 JSON) and put it in force",
      description =
          "From local codes (group.source) to Forløp's concepts (group.target"
              + " https://forlop.no/fhir/CodeSystem/concept). Validated strictly; every problem is"
              + " returned in an OperationOutcome. Loading the same map again changes nothing."
              + " Takes effect for new deliveries; POST /api/v1/ingest/reprocess derives"
              + " everything again.")
  ResponseEntity<ConceptMapVersion> load(@RequestBody byte[] content, Actor actor) {
    var info = terminology.load(content, actor);
    return ResponseEntity.created(URI.create("/api/v1/terminology/concept-maps/" + info.version()))
        .body(info);
  }

  @PostMapping("/concept-maps/{version}/activation")
  @Operation(summary = "Put an earlier ConceptMap version in force again")
  ConceptMapVersion activate(@PathVariable String version, Actor actor) {
    return terminology
        .activate(version, actor)
        .orElseThrow(() -> ApiProblem.notFound("CONCEPT_MAP_VERSION_NOT_FOUND", version));
  }

  @ExceptionHandler(InvalidConceptMapException.class)
  ResponseEntity<OperationOutcome> invalid(InvalidConceptMapException e) {
    var issues =
        e.problems().stream()
            .map(
                p ->
                    OperationOutcome.Issue.error(
                        "invalid",
                        p.reason().name(),
                        problems.text("problem." + p.reason().name(), p.args().toArray()),
                        p.expression(),
                        p.diagnostics()))
            .toList();
    return ApiProblems.response(HttpStatus.BAD_REQUEST, OperationOutcome.of(issues));
  }

  @ExceptionHandler(ConceptMapVersionConflictException.class)
  ResponseEntity<OperationOutcome> conflict(ConceptMapVersionConflictException e) {
    return problems.response(ApiProblem.conflict("CONCEPT_MAP_VERSION_TAKEN", e.version()));
  }
}
