package no.forlop.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditEntry;
import no.forlop.audit.AuditLog;
import no.forlop.patient.PatientIdentifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads the audit log of one patient; reading it is itself recorded. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who accessed a patient's data, when and why")
class AuditController {

  private final AuditLog auditLog;

  AuditController(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @GetMapping
  @Operation(summary = "All recorded accesses to one patient's data, oldest first")
  List<AuditEntry> forPatient(@RequestParam String patient, Actor actor) {
    var id = PatientIdentifier.parse(patient);
    var entries = auditLog.forPatient(id.value());
    auditLog.record(actor, AuditAction.READ, id.value(), "audit-log", null);
    return entries;
  }
}
