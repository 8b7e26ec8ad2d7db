package no.forlop.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.catalog.CatalogueDocument;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CatalogueVersionInfo;
import no.forlop.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

  CatalogueController(CatalogueService catalogues) {
    this.catalogues = catalogues;
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
}
