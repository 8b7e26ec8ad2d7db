package no.forlop.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.forlop.access.Actor;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.patient.PatientIdentifier.Sex;
import no.forlop.reporting.AgeBand;
import no.forlop.reporting.Burdens;
import no.forlop.reporting.IndicatorQuery;
import no.forlop.reporting.Indicators;
import no.forlop.reporting.InvalidIndicatorQueryException;
import no.forlop.reporting.PatientLeadTimeIndicators;
import no.forlop.reporting.export.IndicatorTables;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators over REST (docs/indicators.md), for the reader's units. What this returns leaves
 * the unit, so small numbers are suppressed.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorController {

  private final Indicators indicators;
  private final Burdens burdens;
  private final PatientLeadTimeIndicators patientLevel;
  private final TableFiles files;
  private final ApiProblems problems;
  private final CatalogueService catalogues;

  IndicatorController(
      Indicators indicators,
      Burdens burdens,
      PatientLeadTimeIndicators patientLevel,
      TableFiles files,
      ApiProblems problems,
      CatalogueService catalogues) {
    this.catalogues = catalogues;
    this.indicators = indicators;
    this.patientLevel = patientLevel;
    this.burdens = burdens;
    this.files = files;
    this.problems = problems;
  }

  @GetMapping
  @Operation(
      summary = "Indicators for a period",
      description =
          "Activity, lead-time indicators (OF1–OF4 per treatment type, mental-health intervals),"
              + " national targets, registration burden and data quality for the period [from, to]"
              + " (both days included), a pathway or all, organisations (repeat the parameter;"
              + " default: all of yours), an age band at pathway start and sex. Counts under the"
              + " suppression limit are returned as suppressed.")
  ResponseEntity<?> indicators(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Nullable String pathway,
      @RequestParam(required = false) @Nullable Set<String> organisation,
      @RequestParam(required = false) @Nullable AgeBand ageBand,
      @RequestParam(required = false) @Nullable Sex sex,
      @RequestParam(defaultValue = "json") String format,
      Actor actor,
      HttpServletRequest request) {
    check(request, INDICATOR_PARAMETERS, pathway, organisation, actor);
    if (!FORMATS.contains(format)) {
      throw ApiProblem.invalid("UNSUPPORTED_FORMAT", format).at("format");
    }
    var query =
        new IndicatorQuery(
            from, to, pathway, organisation == null ? Set.of() : organisation, ageBand, sex);
    var report = indicators.compute(query, actor, true);
    if (format.equals("json")) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }
    var tables = IndicatorTables.of(report, null, files.labels());
    return TableFiles.file(
        tables, TableFiles.Format.of(format).orElseThrow(), "forlop-statistikk-" + from + "-" + to);
  }

  static final Set<String> FORMATS = Set.of("json", "csv", "xlsx");

  @GetMapping("/burden")
  @Operation(
      summary = "Registration burden per unit and month",
      description =
          "Of the registered codes dated in each month of [from, to]: how many were registered"
              + " automatically, proposed and confirmed, or typed by hand, per unit; for all"
              + " pathways, CANCER or MENTAL_HEALTH (mental health and substance use). Small"
              + " numbers suppressed.")
  java.util.List<Burdens.Row> burden(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "ALL") Burdens.Group group,
      @RequestParam(required = false) @Nullable String pathway,
      @RequestParam(required = false) @Nullable Set<String> organisation,
      Actor actor,
      HttpServletRequest request) {
    check(request, BURDEN_PARAMETERS, pathway, organisation, actor);
    var query =
        new IndicatorQuery(
            from, to, pathway, organisation == null ? Set.of() : organisation, null, null);
    return burdens.byUnitAndMonth(query, group, actor, true);
  }

  @GetMapping("/patient-level")
  @Operation(
      summary = "Patient-level lead times by first trust and treating trust",
      description =
          "OF1–OF4 (per treatment type and for all types) measured across the pathway instances"
              + " that transfers between trusts link, as NPR measures one pathway across"
              + " institutions: from the first trust's start (A) to the treating trust's treatment"
              + " start (F). One row per first trust, treating trust (null: no treatment start),"
              + " indicator and treatment type, over the intervals finished in [from, to]; chains"
              + " that touched one of your units. Small numbers suppressed.")
  java.util.List<PatientLeadTimeIndicators.Row> patientLevel(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Nullable String pathway,
      @RequestParam(required = false) @Nullable Set<String> organisation,
      Actor actor,
      HttpServletRequest request) {
    check(request, PATIENT_LEVEL_PARAMETERS, pathway, organisation, actor);
    var query =
        new IndicatorQuery(
            from, to, pathway, organisation == null ? Set.of() : organisation, null, null);
    return patientLevel.byTrusts(query, actor, true);
  }

  static final List<String> PATIENT_LEVEL_PARAMETERS =
      List.of("from", "to", "pathway", "organisation");
  static final List<String> BURDEN_PARAMETERS =
      List.of("from", "to", "group", "pathway", "organisation");
  static final List<String> INDICATOR_PARAMETERS =
      List.of("from", "to", "pathway", "organisation", "ageBand", "sex", "format");

  /**
   * Refuses, with a 400 naming the value and the allowed ones, what would otherwise be answered
   * with zeros (issue 16): a parameter the endpoint does not take, a pathway that is not a
   * catalogue id (a code prefix such as {@code A12} names the id it stands for), an organisation
   * that is not one of the reader's units.
   */
  private void check(
      HttpServletRequest request,
      List<String> known,
      @Nullable String pathway,
      @Nullable Set<String> organisations,
      Actor actor) {
    for (var name : request.getParameterMap().keySet()) {
      if (!known.contains(name)) {
        throw ApiProblem.invalid(
                "INVALID_PARAMETER", ApiProblem.shown(name), String.join(", ", known))
            .key("problem.INVALID_PARAMETER.unknown")
            .at(ApiProblem.shown(name));
      }
    }
    if (pathway != null && !pathway.isBlank()) {
      var catalogue = catalogues.current();
      var id = pathway.strip();
      if (catalogue.pathway(id).isEmpty()) {
        var byPrefix =
            catalogue.pathways().stream()
                .filter(p -> p.prefix().filter(id::equalsIgnoreCase).isPresent())
                .findFirst();
        if (byPrefix.isPresent()) {
          throw ApiProblem.invalid("INVALID_PARAMETER", ApiProblem.shown(id), byPrefix.get().id())
              .key("problem.INVALID_PARAMETER.prefix")
              .at("pathway");
        }
        throw ApiProblem.notAllowed(
            "pathway",
            id,
            catalogue.pathways().stream()
                .map(PathwayDefinition::id)
                .sorted()
                .collect(Collectors.joining(", ")));
      }
    }
    var units = actor.units();
    if (organisations != null && units != null) {
      for (var organisation : organisations) {
        if (!units.contains(organisation.strip())) {
          throw ApiProblem.notAllowed(
              "organisation", organisation, String.join(", ", new TreeSet<>(units)));
        }
      }
    }
  }

  @ExceptionHandler(InvalidIndicatorQueryException.class)
  ResponseEntity<?> invalid(InvalidIndicatorQueryException e) {
    return problems.response(
        ApiProblem.invalid("INVALID_QUERY", e.args().toArray())
            .key("problem.INVALID_QUERY." + e.problem().name()));
  }
}
