package no.forlop.coding.persistence;

import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.CareEpisode;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.coding.ClinicalEvent.PlannedAppointment;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralResponse;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.SourceRef;

/** Copies a fact under another source (the key it is already known by). */
final class Events {

  private Events() {}

  static ClinicalEvent withSource(ClinicalEvent e, SourceRef s) {
    if (e instanceof PatientRecord p) {
      return new PatientRecord(s, p.identifier(), p.name(), p.deceased());
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
          r.authoredOn(),
          r.requesterHpr());
    }
    if (e instanceof ReferralTask t) {
      return new ReferralTask(
          s, t.patient(), t.status(), t.focus(), t.owner(), t.authoredOn(), t.outcomes());
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
      return new Assessment(
          s, a.patient(), a.status(), a.date(), a.findings(), a.encounter(), a.kinds());
    }
    if (e instanceof PlannedAppointment a) {
      return new PlannedAppointment(
          s, a.patient(), a.status(), a.cancellationReasons(), a.start(), a.referral());
    }
    if (e instanceof CareEpisode c) {
      return new CareEpisode(s, c.patient(), c.status(), c.organisation(), c.referral(), c.end());
    }
    if (e instanceof MedicationRecord m) {
      return new MedicationRecord(s, m.status(), m.codes());
    }
    if (e instanceof ReferralResponse q) {
      return new ReferralResponse(
          s,
          q.patient(),
          q.status(),
          q.referral(),
          q.questionnaire(),
          q.authored(),
          q.requiredContent(),
          q.confirmed());
    }
    if (e instanceof NotDone n) {
      return new NotDone(
          s, n.patient(), n.status(), n.reasons(), n.performed(), n.encounter(), n.performers());
    }
    if (!(e instanceof DrugAdministered d)) {
      throw new IllegalArgumentException("unknown fact " + e.getClass().getSimpleName());
    }
    return new DrugAdministered(
        s,
        d.patient(),
        d.status(),
        d.medication(),
        d.effective(),
        d.context(),
        d.performers(),
        d.medicationReference());
  }

  /** The keys a fact refers to (patient, organisations, referral, encounter, medication). */
  static java.util.List<String> references(ClinicalEvent e) {
    var keys = new java.util.ArrayList<String>();
    java.util.function.Consumer<String> add =
        k -> {
          if (k != null) keys.add(k);
        };
    add.accept(e.patient());
    if (e instanceof Referral r) {
      add.accept(r.requester());
      add.accept(r.performer());
    } else if (e instanceof ReferralTask t) {
      add.accept(t.focus());
      add.accept(t.owner());
    } else if (e instanceof Attendance a) {
      a.organisations().forEach(add);
    } else if (e instanceof ProcedurePerformed p) {
      add.accept(p.encounter());
      p.performers().forEach(add);
    } else if (e instanceof Assessment a) {
      add.accept(a.encounter());
    } else if (e instanceof DrugAdministered d) {
      add.accept(d.context());
      d.performers().forEach(add);
      add.accept(d.medicationReference());
    } else if (e instanceof PlannedAppointment a) {
      add.accept(a.referral());
    } else if (e instanceof CareEpisode c) {
      add.accept(c.organisation());
      add.accept(c.referral());
    } else if (e instanceof ReferralResponse q) {
      add.accept(q.referral());
    }
    return keys;
  }

  /** The fact with its references read through {@code resolve} (an alias becomes its key). */
  static ClinicalEvent resolved(ClinicalEvent e, java.util.function.UnaryOperator<String> resolve) {
    java.util.function.UnaryOperator<String> r = k -> k == null ? null : resolve.apply(k);
    java.util.function.Function<java.util.List<String>, java.util.List<String>> all =
        list -> list.stream().map(resolve).toList();
    if (e instanceof Referral x) {
      return new Referral(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          x.codes(),
          x.reasons(),
          r.apply(x.requester()),
          r.apply(x.performer()),
          x.authoredOn(),
          x.requesterHpr());
    }
    if (e instanceof ReferralTask x) {
      return new ReferralTask(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          r.apply(x.focus()),
          r.apply(x.owner()),
          x.authoredOn(),
          x.outcomes());
    }
    if (e instanceof Attendance x) {
      return new Attendance(
          x.source(),
          r.apply(x.patient()),
          x.kind(),
          x.status(),
          x.attendanceClass(),
          all.apply(x.organisations()),
          x.start());
    }
    if (e instanceof ProcedurePerformed x) {
      return new ProcedurePerformed(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          x.codes(),
          x.performed(),
          r.apply(x.encounter()),
          all.apply(x.performers()));
    }
    if (e instanceof Assessment x) {
      return new Assessment(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          x.date(),
          x.findings(),
          r.apply(x.encounter()),
          x.kinds());
    }
    if (e instanceof DrugAdministered x) {
      return new DrugAdministered(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          x.medication(),
          x.effective(),
          r.apply(x.context()),
          all.apply(x.performers()),
          r.apply(x.medicationReference()));
    }
    if (e instanceof NotDone x) {
      return new NotDone(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          x.reasons(),
          x.performed(),
          r.apply(x.encounter()),
          all.apply(x.performers()));
    }
    if (e instanceof PlannedAppointment x) {
      return new PlannedAppointment(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          x.cancellationReasons(),
          x.start(),
          r.apply(x.referral()));
    }
    if (e instanceof CareEpisode x) {
      return new CareEpisode(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          r.apply(x.organisation()),
          r.apply(x.referral()),
          x.end());
    }
    if (e instanceof ReferralResponse x) {
      return new ReferralResponse(
          x.source(),
          r.apply(x.patient()),
          x.status(),
          r.apply(x.referral()),
          x.questionnaire(),
          x.authored(),
          x.requiredContent(),
          x.confirmed());
    }
    return e;
  }
}
