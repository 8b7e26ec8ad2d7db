package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.forlop.access.Role;
import no.forlop.access.User;
import no.forlop.access.Users;
import no.forlop.calendar.OsloTime;
import no.forlop.ingest.referral.GpReferrals;
import no.forlop.ingest.referral.ReferralBundles;
import no.forlop.ingest.referral.ReferralStatus;
import no.forlop.ingest.referral.ReferralWording;
import no.forlop.patient.PatientIdentifier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The GP's system polls the status of the GP's referrals (issue 17, ADR 0043): {@code GET
 * /fhir/Task} gives a Bundle of one Task per referral the signed-in GP sent, and only those. The
 * Task's {@code status} is where the pathway stands (received, accepted, in-progress, completed,
 * cancelled), {@code businessStatus} says it in plain Norwegian, {@code basedOn} names the referral
 * by its identifier, and {@code output} gives each milestone reached with its date (type: {@link
 * #MILESTONES}). {@code requester} (the GP's HPR number, {@code system|value} or the value) must be
 * the caller's own; {@code based-on} (the referral's identifier, {@code system|value} or the value)
 * narrows to one referral. Every patient in the answer is a read written to the audit log.
 */
final class ReferralTasks {

  /** The code system of the milestones in a Task's output. */
  static final String MILESTONES = "https://forlop.no/fhir/CodeSystem/gp-referral-milestone";

  private static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

  private final GpReferrals referrals;
  private final Users users;
  private final MessageSource messages;

  ReferralTasks(GpReferrals referrals, Users users, MessageSource messages) {
    this.referrals = referrals;
    this.users = users;
    this.messages = messages;
  }

  @Search(type = Task.class)
  public List<Task> search(
      @OptionalParam(name = Task.SP_REQUESTER) @Nullable StringParam requester,
      @OptionalParam(name = Task.SP_BASED_ON) @Nullable StringParam basedOn) {
    var gp =
        users
            .current()
            .filter(u -> u.has(Role.GP) && u.hpr() != null)
            .orElseThrow(() -> forbidden("NOT_A_GP"));
    var hpr = gp.hpr();
    if (requester != null && !hpr.equals(lastPart(requester.getValue()))) {
      throw forbidden("NOT_YOUR_REFERRALS");
    }
    var wanted = basedOn == null ? null : basedOn.getValue().strip();
    return referrals
        .sentBy(hpr, gp.actor(no.forlop.access.Actor.DEFAULT_PURPOSE), "fhir/Task", wanted)
        .stream()
        .map(s -> task(s, gp))
        .toList();
  }

  private Task task(ReferralStatus status, User gp) {
    var task = new Task();
    task.setId(UUID.nameUUIDFromBytes(status.key().getBytes(StandardCharsets.UTF_8)).toString());
    task.setStatus(Task.TaskStatus.fromCode(status.progress().taskStatus()));
    task.setIntent(Task.TaskIntent.ORDER);
    task.setBusinessStatus(
        new CodeableConcept(new Coding(ReferralWording.PROGRESS, status.progress().name(), null))
            .setText(ReferralWording.businessStatus(status, messages, NORWEGIAN)));
    for (var identifier : status.identifiers()) {
      var bar = identifier.indexOf('|');
      var reference = new Reference().setType("ServiceRequest");
      var value = new Identifier().setValue(identifier.substring(bar + 1));
      if (bar > 0) {
        value.setSystem(identifier.substring(0, bar));
      }
      task.addBasedOn(reference.setIdentifier(value));
    }
    var patient = PatientIdentifier.parse(status.patient());
    task.setFor(
        new Reference()
            .setType("Patient")
            .setIdentifier(
                new Identifier()
                    .setSystem(
                        patient.kind() == PatientIdentifier.Kind.D_NUMMER
                            ? PatientIdentifier.DNR_SYSTEM
                            : PatientIdentifier.FNR_SYSTEM)
                    .setValue(patient.value())));
    task.setRequester(
        new Reference()
            .setType("Practitioner")
            .setIdentifier(
                new Identifier().setSystem(ReferralBundles.HPR_NUMBERS).setValue(gp.hpr())));
    if (status.receiver() != null) {
      task.setOwner(
          new Reference()
              .setType("Organization")
              .setIdentifier(
                  new Identifier()
                      .setSystem(ReferralBundles.ORGANISATION_NUMBERS)
                      .setValue(status.receiver())));
    }
    if (status.pathwayName() != null) {
      task.setDescription(status.pathwayName()); // the pathway the referral started (ADR 0048)
    }
    var written = new DateTimeType(Date.from(status.writtenAt()));
    written.setTimeZone(java.util.TimeZone.getTimeZone(OsloTime.ZONE));
    task.setAuthoredOnElement(written);
    for (var step : status.steps()) {
      task.addOutput()
          .setType(
              new CodeableConcept(new Coding(MILESTONES, step.milestone().name(), null))
                  .setText(
                      messages.getMessage(
                          "gp.milestone." + step.milestone().name(), null, NORWEGIAN)))
          .setValue(new DateType(step.date().toString()));
    }
    return task;
  }

  /** The value of {@code system|value}, or the whole text without a system. */
  private static String lastPart(String text) {
    return text.substring(text.lastIndexOf('|') + 1).strip();
  }

  private static RuntimeException forbidden(String reason) {
    return new Problem(403, IssueType.FORBIDDEN, Problem.text(reason, null), null).exception();
  }
}
