package no.forlop.pathway.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.catalog.Localized;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.ChangeType;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.InvalidPathwayRequestException;
import no.forlop.pathway.OrganisationNumber;
import no.forlop.pathway.Origin;
import no.forlop.pathway.OutsideUnitsException;
import no.forlop.pathway.PathwayDefinitionId;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayNotFoundException;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.RegistrationId;
import no.forlop.pathway.Remark;
import no.forlop.patient.PatientIdentifier;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
import no.forlop.web.TextLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pathway REST API: open pathways, register and change codes, read pathways. */
@RestController
@RequestMapping("/api/v1/pathways")
@Tag(name = "Pathways", description = "Pathway instances, their codes, history and lead times")
class PathwayController {

  private final PathwayService pathways;
  private final ApiProblems problems;

  PathwayController(PathwayService pathways, ApiProblems problems) {
    this.pathways = pathways;
    this.problems = problems;
  }

  // issue 14, hardening: every text has a limit (TextLimits); a longer one is a 400 TEXT_TOO_LONG
  record CreateRequest(
      @NotBlank @Size(max = TextLimits.SHORT) String patient,
      @NotBlank @Size(max = TextLimits.SHORT) String pathway,
      @NotBlank @Size(max = TextLimits.SHORT) String organisation,
      @Size(max = TextLimits.SHORT) @Nullable String variant) {}

  record CodeRequest(
      @NotBlank @Size(max = TextLimits.SHORT) String code,
      @NotNull LocalDate date,
      @Nullable CodeState state,
      @Nullable StartBasis startBasis,
      @Nullable LocalDate referralReceivedOn,
      @Nullable LocalDate referralAssessedOn) {}

  record CorrectionRequest(
      @Size(max = TextLimits.SHORT) @Nullable String code,
      @Nullable LocalDate date,
      @NotBlank @Size(max = TextLimits.REASON) String reason) {}

  record ReasonRequest(@NotBlank @Size(max = TextLimits.REASON) String reason) {}

  record TypeChangeRequest(
      @NotBlank @Size(max = TextLimits.SHORT) String pathway,
      @NotNull LocalDate date,
      @Size(max = TextLimits.NOTE) @Nullable String note) {}

  @PostMapping
  @Operation(summary = "Open a pathway instance for a patient at an organisation")
  ResponseEntity<PathwayView> create(@Valid @RequestBody CreateRequest request, Actor actor) {
    var patient = PatientIdentifier.parse(request.patient());
    var view =
        pathways.create(
            new CreatePathway(
                patient,
                PathwayDefinitionId.of(request.pathway()),
                organisation(request, actor),
                request.variant()),
            actor);
    return ResponseEntity.created(URI.create("/api/v1/pathways/" + view.id())).body(view);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "A pathway with its codes, history and lead times as of a date (default today)")
  PathwayView get(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate asOf,
      Actor actor) {
    return pathways.get(new PathwayId(id), asOf, actor);
  }

  /**
   * The pathways of one organisation. The pathways of a patient are searched by POST {@code
   * /search}: a fødselsnummer in the address ends up in proxy and server logs and the browser's
   * history (issue 14), so {@code ?patient=} is refused with 400 {@code PATIENT_SEARCH_BY_POST},
   * without echoing the number.
   */
  @GetMapping
  @Operation(
      summary = "The pathways of one organisation",
      description =
          "The pathways of a patient are searched by POST /api/v1/pathways/search with the"
              + " patient in the body: a fødselsnummer must not be in the address, where it ends up"
              + " in proxy and server logs. A \"patient\" parameter is refused with 400"
              + " PATIENT_SEARCH_BY_POST.")
  List<PathwayView> list(
      @RequestParam(required = false) @Nullable String organisation,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate asOf,
      HttpServletRequest request,
      Actor actor) {
    // read from the request, not bound: the number is neither parsed nor echoed
    if (request.getParameter("patient") != null) {
      throw ApiProblem.invalid("PATIENT_SEARCH_BY_POST");
    }
    return find(null, organisation, asOf, actor);
  }

  /** A search for pathways in the body, so the fødselsnummer stays out of the address. */
  record SearchRequest(
      @Size(max = TextLimits.SHORT) @Nullable String patient,
      @Size(max = TextLimits.SHORT) @Nullable String organisation,
      @Nullable LocalDate asOf) {}

  /**
   * The pathways of one patient or one organisation, with the search in the body (issue 14): an
   * address ends up in proxy and server logs, a body does not. Reads only; any staff role.
   */
  @PostMapping("/search")
  @Operation(
      summary = "The pathways of one patient, or of one organisation (the search in the body)")
  List<PathwayView> search(@Valid @RequestBody SearchRequest request, Actor actor) {
    return find(request.patient(), request.organisation(), request.asOf(), actor);
  }

  private List<PathwayView> find(
      @Nullable String patient,
      @Nullable String organisation,
      @Nullable LocalDate asOf,
      Actor actor) {
    if ((patient == null) == (organisation == null)) {
      throw ApiProblem.invalid("PATIENT_OR_ORGANISATION");
    }
    return patient != null
        ? pathways.byPatient(PatientIdentifier.parse(patient), asOf, actor)
        : byOrganisation(organisation, asOf, actor);
  }

  /**
   * The organisation a new pathway is asked for, once the patient has been read. One the pathway
   * does not take is refused in the order it always was: an invalid patient first (read by the
   * caller), then a user's units (403), then {@code INVALID_ORGANISATION}.
   */
  private static OrganisationNumber organisation(CreateRequest request, Actor actor) {
    if (!OrganisationNumber.isValid(request.organisation())) {
      if (!actor.mayAccess(request.organisation())) {
        throw ApiProblem.forbidden("OUTSIDE_UNITS");
      }
    }
    return OrganisationNumber.of(request.organisation());
  }

  /**
   * The pathways at an organisation. No pathway is at one the pathway does not take: outside the
   * user's units that is refused (403), else the list is empty, as it always was.
   */
  private List<PathwayView> byOrganisation(
      String organisation, @Nullable LocalDate asOf, Actor actor) {
    if (!OrganisationNumber.isValid(organisation)) {
      if (!actor.mayAccess(organisation)) {
        throw ApiProblem.forbidden("OUTSIDE_UNITS");
      }
      return List.of();
    }
    return pathways.byOrganisation(OrganisationNumber.of(organisation), asOf, actor);
  }

  @PostMapping("/{id}/codes")
  @Operation(summary = "Register a code by hand (validated by the coding rules)")
  ResponseEntity<PathwayView> register(
      @PathVariable UUID id, @Valid @RequestBody CodeRequest request, Actor actor) {
    var result =
        pathways.register(
            new PathwayId(id),
            new RegisterCode(
                request.code(),
                request.date(),
                request.state() == null ? CodeState.REGISTERED : request.state(),
                Origin.MANUAL,
                request.startBasis(),
                request.referralReceivedOn(),
                request.referralAssessedOn(),
                null),
            actor);
    return respond(result, HttpStatus.CREATED);
  }

  @PostMapping("/{id}/codes/{registration}/correction")
  @Operation(summary = "Correct the code or date of a registration (a new fact; reason required)")
  ResponseEntity<PathwayView> correct(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @Valid @RequestBody CorrectionRequest request,
      Actor actor) {
    return respond(
        pathways.correct(
            new PathwayId(id),
            new RegistrationId(registration),
            request.code(),
            request.date(),
            Remark.written(request.reason()),
            actor),
        HttpStatus.OK);
  }

  @PostMapping("/{id}/codes/{registration}/withdrawal")
  @Operation(summary = "Withdraw a registration (kept in the history; reason required)")
  ResponseEntity<PathwayView> withdraw(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @Valid @RequestBody ReasonRequest request,
      Actor actor) {
    return respond(
        pathways.withdraw(
            new PathwayId(id),
            new RegistrationId(registration),
            Remark.written(request.reason()),
            actor),
        HttpStatus.OK);
  }

  @PostMapping("/{id}/codes/{registration}/confirmation")
  @Operation(summary = "Confirm a proposed code")
  ResponseEntity<PathwayView> confirm(
      @PathVariable UUID id, @PathVariable UUID registration, Actor actor) {
    return respond(
        pathways.confirm(new PathwayId(id), new RegistrationId(registration), actor),
        HttpStatus.OK);
  }

  @PostMapping("/{id}/codes/{registration}/rejection")
  @Operation(summary = "Reject a proposed code (reason required)")
  ResponseEntity<PathwayView> reject(
      @PathVariable UUID id,
      @PathVariable UUID registration,
      @Valid @RequestBody ReasonRequest request,
      Actor actor) {
    return respond(
        pathways.reject(
            new PathwayId(id),
            new RegistrationId(registration),
            Remark.written(request.reason()),
            actor),
        HttpStatus.OK);
  }

  @PostMapping("/{id}/type-change")
  @Operation(
      summary =
          "Change the type of an open mental-health or substance-use pathway (e.g. D12 to eating"
              + " disorders): the pathway is closed (PATHWAY_END_TYPE_CHANGED) and one of the new"
              + " type opened at the same organisation, both on the date; answers with the new"
              + " pathway")
  ResponseEntity<PathwayView> changeType(
      @PathVariable UUID id, @Valid @RequestBody TypeChangeRequest request, Actor actor) {
    var result =
        pathways.changeType(
            new PathwayId(id),
            new ChangeType(
                PathwayDefinitionId.of(request.pathway()), request.date(), request.note()),
            actor);
    var response = respond(result, HttpStatus.CREATED);
    var created = java.util.Objects.requireNonNull(response.getBody());
    return ResponseEntity.created(URI.create("/api/v1/pathways/" + created.id())).body(created);
  }

  private ResponseEntity<PathwayView> respond(ChangeResult result, HttpStatus success) {
    if (result instanceof ChangeResult.Refused refused) {
      var rejection = refused.rejection();
      throw ApiProblem.businessRule(rejection.reason().name(), rejection.args().toArray())
          .key("rejection." + rejection.reason().name());
    }
    return ResponseEntity.status(success).body(((ChangeResult.Changed) result).pathway());
  }

  @ExceptionHandler(PathwayNotFoundException.class)
  ResponseEntity<OperationOutcome> notFound(PathwayNotFoundException e) {
    return problems.response(ApiProblem.notFound("PATHWAY_NOT_FOUND", e.id()));
  }

  @ExceptionHandler(OutsideUnitsException.class)
  ResponseEntity<OperationOutcome> outside(OutsideUnitsException e) {
    return problems.response(ApiProblem.forbidden("OUTSIDE_UNITS"));
  }

  @ExceptionHandler(InvalidPathwayRequestException.class)
  ResponseEntity<OperationOutcome> invalid(InvalidPathwayRequestException e) {
    var reason = e.problem().name();
    // catalogue names come in both languages: the request's
    var language = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "nb";
    var args = e.args().stream().map(a -> a instanceof Localized l ? l.in(language) : a).toArray();
    var problem =
        e.isConflict()
            ? ApiProblem.conflict(reason, args)
            : e.isBusinessRule()
                ? ApiProblem.businessRule(reason, args)
                : ApiProblem.invalid(reason, args);
    problem.key(e.messageKey());
    if (e.problem() == InvalidPathwayRequestException.Problem.INVALID_ORGANISATION) {
      problem.at("organisation");
    } else if (e.problem() == InvalidPathwayRequestException.Problem.UNKNOWN_VARIANT) {
      problem.at("variant");
    } else if (e.problem() == InvalidPathwayRequestException.Problem.UNKNOWN_PATHWAY) {
      problem.at("pathway");
    }
    return problems.response(problem);
  }
}
