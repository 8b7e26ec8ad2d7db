package no.forlop.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.catalog.CatalogueDocument;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CatalogueVersionConflictException;
import no.forlop.catalog.CatalogueVersionInfo;
import no.forlop.catalog.InvalidCatalogueException;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
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

/** The catalogue over REST: read the version in force or any earlier one; load a new version. */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Catalogue", description = "National pathways, codes, ICD-10 groups and lead times")
class CatalogueController {

  private final CatalogueService catalogues;
  private final ApiProblems problems;

  CatalogueController(CatalogueService catalogues, ApiProblems problems) {
    this.catalogues = catalogues;
    this.problems = problems;
  }

  @GetMapping
  @Operation(summary = "The catalogue in force")
  ResponseEntity<CatalogueDocument> current() {
    var catalogue = catalogues.current();
    return ResponseEntity.ok()
        .eTag(catalogue.checksum())
        .header("X-Catalogue-Version", catalogue.version())
        .body(catalogue.document());
  }

  @GetMapping("/versions")
  @Operation(summary = "Every catalogue version loaded, and which is in force")
  List<CatalogueVersionInfo> versions() {
    return catalogues.versions();
  }

  @GetMapping("/versions/{version}")
  @Operation(summary = "One catalogue version, in force or not")
  CatalogueDocument version(@PathVariable String version) {
    return catalogues
        .version(version)
        .map(c -> c.document())
        .orElseThrow(() -> ApiProblem.notFound("CATALOGUE_VERSION_NOT_FOUND", version));
  }

  @PostMapping(
      path = "/versions",
      consumes = {
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        MediaType.APPLICATION_JSON_VALUE,
        MediaType.TEXT_PLAIN_VALUE
      })
  @Operation(
      summary = "Load a new catalogue version (YAML or JSON) and put it in force",
      description =
          "The document is validated first; every problem is returned in an OperationOutcome."
              + " Loading the same document again changes nothing.")
  ResponseEntity<CatalogueVersionInfo> load(@RequestBody byte[] content, Actor actor) {
    var info = catalogues.load(content, actor);
    return ResponseEntity.created(URI.create("/api/v1/catalogue/versions/" + info.version()))
        .body(info);
  }

  @PostMapping("/versions/{version}/activation")
  @Operation(summary = "Put an earlier catalogue version in force again")
  CatalogueVersionInfo activate(@PathVariable String version, Actor actor) {
    return catalogues
        .activate(version, actor)
        .orElseThrow(() -> ApiProblem.notFound("CATALOGUE_VERSION_NOT_FOUND", version));
  }

  @ExceptionHandler(InvalidCatalogueException.class)
  ResponseEntity<OperationOutcome> invalid(InvalidCatalogueException e) {
    var issues =
        e.problems().stream()
            .map(
                p ->
                    OperationOutcome.Issue.error(
                        "invalid",
                        "INVALID_CATALOGUE",
                        problems.text("problem.INVALID_CATALOGUE"),
                        null,
                        p))
            .toList();
    return ApiProblems.response(
        HttpStatus.BAD_REQUEST, new OperationOutcome("OperationOutcome", issues));
  }

  @ExceptionHandler(CatalogueVersionConflictException.class)
  ResponseEntity<OperationOutcome> conflict(CatalogueVersionConflictException e) {
    return problems.response(ApiProblem.conflict("CATALOGUE_VERSION_TAKEN", e.version()));
  }
}
