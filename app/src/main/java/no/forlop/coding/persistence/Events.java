package no.forlop.coding.persistence;

import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.SourceRef;

/** Copies a fact under another source (the key it is already known by). */
final class Events {

  private Events() {}

  static ClinicalEvent withSource(ClinicalEvent e, SourceRef s) {
    if (e instanceof PatientRecord p) {
      return new PatientRecord(s, p.identifier(), p.deceased());
    }
    if (e instanceof OrganisationRecord o) {
      return new OrganisationRecord(s, o.organisationNumber(), o.name());
    }
    if (e instanceof Referral r) {
      return new Referral(
          s,
          r.patient(),
          r.status(),
          r.codes(),
          r.reasons(),
          r.requester(),
          r.performer(),
          r.authoredOn());
    }
    if (e instanceof ReferralTask t) {
      return new ReferralTask(s, t.patient(), t.status(), t.focus(), t.owner(), t.authoredOn());
    }
    if (e instanceof Attendance a) {
      return new Attendance(
          s, a.patient(), a.kind(), a.status(), a.attendanceClass(), a.organisations(), a.start());
    }
    if (e instanceof ProcedurePerformed p) {
      return new ProcedurePerformed(
          s, p.patient(), p.status(), p.codes(), p.performed(), p.encounter(), p.performers());
    }
    if (e instanceof Assessment a) {
      return new Assessment(s, a.patient(), a.status(), a.date(), a.findings(), a.encounter());
    }
    var d = (DrugAdministered) e;
    return new DrugAdministered(
        s, d.patient(), d.status(), d.medication(), d.effective(), d.context(), d.performers());
  }
}
