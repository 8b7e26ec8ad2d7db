package no.forlop.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.regex.Pattern;
import no.forlop.access.Actor;
import no.forlop.catalog.codelist.CodeListImports;
import no.forlop.catalog.codelist.InvalidCodeListException;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official code list (kodeverk 8480, 9321) in: a new catalogue version with the code prefixes
 * it fills. Administrators only (like every change to the catalogue).
 */
@RestController
@RequestMapping("/api/v1/catalogue/code-lists")
@Tag(name = "Catalogue", description = "National pathways, codes, ICD-10 groups and lead times")
class CodeListController {

  /** A catalogue version label: it becomes part of a URL. */
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final CodeListImports imports;
  private final ApiProblems problems;

  CodeListController(CodeListImports imports, ApiProblems problems) {
    this.imports = imports;
    this.problems = problems;
  }

  @PostMapping(
      consumes = {
        "application/fhir+json",
        MediaType.APPLICATION_JSON_VALUE,
        "text/csv",
        MediaType.TEXT_PLAIN_VALUE,
        MediaType.APPLICATION_OCTET_STREAM_VALUE
      })
  @Operation(
      summary = "Import the official code list as a new catalogue version",
      description =
          "The body is kodeverk 8480 or 9321 as a FHIR R4 CodeSystem (JSON) or as a plain"
              + " code;text export (UTF-8, semicolon separated, header optional). Each unknown"
              + " prefix is given to the one pathway its texts name; what names none or several,"
              + " or contradicts the catalogue, is reported in `findings` and not loaded. The"
              + " filled prefixes are verified only with official=true and a source (the URL the"
              + " file was published at). 201 with the new version; 400 if the file cannot be"
              + " read; 422 if it fills no prefix.")
  ResponseEntity<CodeListImports.Result> importList(
      @RequestBody byte[] content,
      @RequestParam String version,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable String source,
      @RequestParam(defaultValue = "false") boolean official,
      Actor actor) {
    if (!VERSION.matcher(version).matches()) {
      throw ApiProblem.invalid("CODE_LIST_VERSION_INVALID", version).at("version");
    }
    if (official && (source == null || source.isBlank())) {
      throw ApiProblem.invalid("CODE_LIST_SOURCE_REQUIRED").at("source");
    }
    var file = name == null || name.isBlank() ? "code-list" : name.strip();
    var result =
        imports.importList(
            content, new CodeListImports.Request(file, source, version, official), actor);
    return ResponseEntity.created(
            URI.create("/api/v1/catalogue/versions/" + result.catalogue().version()))
        .body(result);
  }

  @ExceptionHandler(InvalidCodeListException.class)
  ResponseEntity<OperationOutcome> unreadable(InvalidCodeListException e) {
    return problems.invalid("UNREADABLE_CODE_LIST", e.problems());
  }

  @ExceptionHandler(CodeListImports.FillsNothingException.class)
  ResponseEntity<OperationOutcome> fillsNothing(CodeListImports.FillsNothingException e) {
    var text = problems.text("problem.CODE_LIST_FILLS_NOTHING");
    var issues =
        e.findings().isEmpty()
            ? java.util.List.of(
                OperationOutcome.Issue.error(
                    "business-rule", "CODE_LIST_FILLS_NOTHING", text, null))
            : e.findings().stream()
                .map(
                    f ->
                        OperationOutcome.Issue.error(
                            "business-rule",
                            "CODE_LIST_FILLS_NOTHING",
                            text,
                            null,
                            f.kind() + ": " + f.detail()))
                .toList();
    return ApiProblems.response(HttpStatus.UNPROCESSABLE_ENTITY, OperationOutcome.of(issues));
  }
}
