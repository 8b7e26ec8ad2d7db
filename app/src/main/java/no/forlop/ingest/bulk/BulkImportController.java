package no.forlop.ingest.bulk;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeProblems;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.RejectedResource;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bulk import API: send an NDJSON file, follow its job; and the list of what could not be used.
 */
@RestController
@RequestMapping("/api/v1/ingest")
@Tag(name = "Ingest", description = "Bulk import of NDJSON files, the pull connector, rejections")
class BulkImportController {

  static final String NDJSON = "application/fhir+ndjson";
  private static final int MAX_LIMIT = 1000;
  private static final int MAX_NAME = 200;

  private final BulkImports imports;
  private final IntakeProblems notUsed;
  private final ApiProblems problems;

  BulkImportController(BulkImports imports, IntakeProblems notUsed, ApiProblems problems) {
    this.imports = imports;
    this.notUsed = notUsed;
    this.problems = problems;
  }

  /**
   * What could not be used: rejected resources and resources received but ignored (newest first),
   * and derivation problems.
   */
  record Rejections(
      List<RejectedResource> rejected,
      List<RejectedResource> ignored,
      List<IntakeReport.Problem> derivationProblems) {}

  /**
   * A bulk import's report of what it did not use: how many lines were rejected and ignored by
   * reason code, and the latest of each with their line numbers.
   */
  record JobReport(
      UUID job,
      Map<String, Long> rejectedByReason,
      Map<String, Long> ignoredByReason,
      List<RejectedResource> rejected,
      List<RejectedResource> ignored) {}

  @PostMapping(
      path = "/bulk",
      consumes = {NDJSON, "application/x-ndjson", "text/plain"})
  @Operation(
      summary =
          "Start a bulk import of an NDJSON file (one FHIR R4 resource a line); answers 202 with the"
              + " job, whose Location shows its progress. The same content sent again is not"
              + " stored: 200 with the earlier job and \"duplicate\": true (202 if that job had"
              + " failed: it goes on from where it stopped)")
  ResponseEntity<BulkJob> start(
      InputStream body, @RequestParam(required = false) @Nullable String name, Actor actor) {
    var upload = imports.start(body, cleanName(name), actor);
    var job = upload.job();
    return (upload.working() ? ResponseEntity.accepted() : ResponseEntity.ok())
        .location(location(job.id()))
        .body(job);
  }

  /**
   * Any other body: refused as an OperationOutcome here, since Spring's own refusal of an
   * unsupported media type comes before any controller advice sees it.
   */
  @PostMapping("/bulk")
  @Hidden
  ResponseEntity<OperationOutcome> notNdjson(
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String type) {
    var problem =
        new ApiProblem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "not-supported",
            "MEDIA_TYPE_NOT_SUPPORTED",
            NDJSON + ", application/x-ndjson, text/plain",
            type == null ? "" : type);
    return problems.response(
        problem.key("problem.MEDIA_TYPE_NOT_SUPPORTED.bulk" + (type == null ? "-missing" : "")));
  }

  @GetMapping("/bulk/{id}")
  @Operation(summary = "A bulk import's progress: lines read, resources accepted, rejected, …")
  BulkJob get(@PathVariable UUID id) {
    return imports.find(id).orElseThrow(() -> notFound(id));
  }

  @GetMapping("/bulk")
  @Operation(summary = "The latest bulk imports, newest first")
  List<BulkJob> latest(@RequestParam(defaultValue = "20") int limit) {
    return imports.latest(checked(limit));
  }

  @PostMapping("/bulk/{id}/retry")
  @Operation(summary = "Put a failed bulk import back to work from where it stopped")
  ResponseEntity<BulkJob> retry(@PathVariable UUID id) {
    var job = imports.retry(id).orElseThrow(() -> notFound(id));
    return ResponseEntity.accepted().location(location(id)).body(job);
  }

  @GetMapping("/bulk/{id}/report")
  @Operation(
      summary =
          "What a bulk import did not use: rejected and ignored lines counted by reason code, and"
              + " the latest of each with its line number and reason")
  JobReport report(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit) {
    var job = imports.find(id).orElseThrow(() -> notFound(id));
    var checked = checked(limit);
    var channel = "bulk:" + job.id();
    var language = LocaleContextHolder.getLocale();
    return new JobReport(
        job.id(),
        notUsed.notUsedByReason(channel, IntakeReport.Outcome.REJECTED),
        notUsed.notUsedByReason(channel, IntakeReport.Outcome.IGNORED),
        notUsed.latestNotUsed(IntakeReport.Outcome.REJECTED, channel, checked, language),
        notUsed.latestNotUsed(IntakeReport.Outcome.IGNORED, channel, checked, language));
  }

  @GetMapping("/rejections")
  @Operation(
      summary =
          "The latest resources that could not be used, with their reasons, and the problems of"
              + " the latest derivations")
  Rejections rejections(@RequestParam(defaultValue = "100") int limit) {
    var checked = checked(limit);
    var language = LocaleContextHolder.getLocale();
    return new Rejections(
        notUsed.latestNotUsed(IntakeReport.Outcome.REJECTED, null, checked, language),
        notUsed.latestNotUsed(IntakeReport.Outcome.IGNORED, null, checked, language),
        notUsed.derivationProblems(language).stream().limit(checked).toList());
  }

  private static URI location(UUID id) {
    return URI.create("/api/v1/ingest/bulk/" + id);
  }

  private static ApiProblem notFound(UUID id) {
    return ApiProblem.notFound("BULK_JOB_NOT_FOUND", id.toString());
  }

  private static int checked(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiProblem.invalid("INVALID_LIMIT", String.valueOf(MAX_LIMIT)).at("limit");
    }
    return limit;
  }

  private static @Nullable String cleanName(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    var base = name.strip().replaceAll(".*[/\\\\]", "");
    return base.length() > MAX_NAME ? base.substring(0, MAX_NAME) : base;
  }
}
