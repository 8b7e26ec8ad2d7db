package no.forlop.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.audit.AuditEntry;
import no.forlop.audit.AuditTrail;
import no.forlop.patient.PatientIdentifier;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the audit trail of one patient for a leader or administrator of a unit the patient has (or
 * had) a pathway in (ADR 0024). The fødselsnummer travels in the body, never in the URL.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who accessed a patient's data, when and why")
class AuditController {

  private final AuditTrail trail;
  private final ApiProblems problems;

  AuditController(AuditTrail trail, ApiProblems problems) {
    this.trail = trail;
    this.problems = problems;
  }

  /** The patient whose trail is asked for (fødselsnummer or D-nummer). */
  record SearchRequest(@NotBlank String patient) {}

  @PostMapping("/search")
  @Operation(
      summary =
          "The recorded accesses to one patient's data that concern the reader's units, oldest"
              + " first (leader or administrator of a unit the patient has a pathway in)")
  List<AuditEntry> search(@Valid @RequestBody SearchRequest request, Actor actor) {
    return trail.read(PatientIdentifier.parse(request.patient()), actor);
  }

  /**
   * The old query with the patient in the URL: refused, without echoing the number, with a pointer
   * to the search by POST.
   */
  @GetMapping
  @Operation(summary = "Refused: search the audit trail by POST /api/v1/audit/search")
  List<AuditEntry> byUrl() {
    throw ApiProblem.invalid("AUDIT_SEARCH_BY_POST");
  }

  @ExceptionHandler(AuditTrail.NotAllowedException.class)
  ResponseEntity<OperationOutcome> notAllowed(AuditTrail.NotAllowedException e) {
    return problems.response(
        ApiProblem.forbidden("OUTSIDE_UNITS").key("problem.OUTSIDE_UNITS.audit"));
  }
}
