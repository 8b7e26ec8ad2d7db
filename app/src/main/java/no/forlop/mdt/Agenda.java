package no.forlop.mdt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.catalog.Localized;
import no.forlop.mdt.domain.Decision;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * A meeting's agenda as it stands today: the patients on it, those whose decision is due first
 * first, and those a coordinator took off it.
 */
public record Agenda(Meeting meeting, LocalDate asOf, List<Item> items, List<Item> removed) {

  public Agenda {
    items = List.copyOf(items);
    removed = List.copyOf(removed);
  }

  /**
   * One patient's pathway on the agenda.
   *
   * @param patientName the patient's name as the EHR sent it, if it did
   * @param maskedPatient the fødselsnummer with only the birth date shown
   * @param proposed put on the agenda by Forløp (in work-up), not added by a coordinator
   * @param firstAttendance the date of the registered first attendance
   * @param decisionDue the running (or finished) lead time to the clinical decision (OF2, or the
   *     assessment time in mental health), if the pathway measures one
   * @param outcomes the pathway's clinical-decision codes in use on the meeting day
   * @param decision the decision recorded in this meeting, if any
   */
  public record Item(
      PathwayView pathway,
      @Nullable String patientName,
      String maskedPatient,
      boolean proposed,
      String addedBy,
      @Nullable String removedBy,
      @Nullable LocalDate firstAttendance,
      @Nullable LeadTime decisionDue,
      List<Outcome> outcomes,
      @Nullable RecordedDecision decision) {

    public Item {
      outcomes = List.copyOf(outcomes);
    }

    public UUID id() {
      return pathway.id().value();
    }

    /** The lead time to the decision has run out without a decision. */
    public boolean overdue() {
      return decisionDue != null && decisionDue.status() == LeadTime.Status.OVERDUE;
    }

    /** Days left to the due date (negative: days overdue), while the lead time is running. */
    public @Nullable Long daysLeft() {
      if (decisionDue == null || decisionDue.dueDate() == null || decisionDue.to() != null) {
        return null;
      }
      return java.time.temporal.ChronoUnit.DAYS.between(pathway.asOf(), decisionDue.dueDate());
    }

    /** The outcomes that lead to treatment in this pathway, and those that do not. */
    public List<Outcome> outcomes(boolean leadingToTreatment) {
      return outcomes.stream().filter(o -> o.permitsTreatment() == leadingToTreatment).toList();
    }
  }

  /**
   * A clinical-decision code of a pathway, in words.
   *
   * @param key the code's key in the scheme (e.g. {@code CK})
   * @param code the official code (e.g. {@code A12CK}), where known
   * @param permitsTreatment a treatment start may follow it in this pathway
   */
  public record Outcome(
      String key, @Nullable String code, Localized names, boolean permitsTreatment) {}

  /**
   * A decision recorded in the meeting, with what became of its code.
   *
   * @param outcome the decided code in words (null only if the catalogue no longer knows it)
   * @param discussedOn the day the decision was discussed with the patient (at the meeting or
   *     recorded later), if it has been
   * @param code the code that followed from it, as it stands in the pathway now, while it stands
   * @param codeWithdrawn the code was registered but has since been withdrawn or rejected
   * @param refusal why the pathway engine refused the code (or its confirmation), if it did
   */
  public record RecordedDecision(
      Decision decision,
      @Nullable Outcome outcome,
      Instant recordedAt,
      String recordedBy,
      @Nullable LocalDate discussedOn,
      @Nullable Instant conversationRecordedAt,
      @Nullable String conversationRecordedBy,
      PathwayView.@Nullable Code code,
      boolean codeWithdrawn,
      @Nullable Rejection refusal) {

    /** The decision has not been discussed with the patient yet. */
    public boolean awaitsConversation() {
      return discussedOn == null;
    }
  }
}
