package no.forlop.mdt;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.Milestone;
import no.forlop.mdt.Agenda.Item;
import no.forlop.mdt.Agenda.Outcome;
import no.forlop.mdt.Agenda.RecordedDecision;
import no.forlop.mdt.MdtStore.StoredDecision;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * How one patient's pathway appears on a meeting's agenda, read from the pathway as it stands: its
 * first attendance, the lead time to the clinical decision, the pathway's decision codes in use on
 * the meeting day and the decision recorded (with the code it led to); and the order of the agenda.
 */
final class AgendaItems {

  private AgendaItems() {}

  /** Due first; without a norm after those with one; then by first attendance and name. */
  static final Comparator<Item> ORDER =
      Comparator.comparing(
              (Item i) -> i.decisionDue() == null ? null : i.decisionDue().dueDate(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Item::firstAttendance, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(
              i -> i.patientName() == null ? "" : i.patientName(), Comparator.naturalOrder());

  /** One stored agenda entry with the pathway it is about, as the agenda shows it. */
  static Item item(
      MdtStore.Item entry,
      PathwayView view,
      @Nullable String name,
      @Nullable StoredDecision decision,
      Catalogue catalogue,
      LocalDate meetingDate) {
    return new Item(
        view,
        name,
        PatientIdentifier.parse(entry.patient()).masked(),
        entry.proposed(),
        entry.addedBy(),
        entry.removedBy(),
        firstAttendance(view),
        decisionDue(catalogue, view),
        outcomes(catalogue, view.pathway().value(), meetingDate),
        decision == null ? null : recorded(decision, view, catalogue));
  }

  /**
   * The decision recorded in the meeting, with the code it (or the conversation after it) led to.
   */
  private static RecordedDecision recorded(
      StoredDecision stored, PathwayView view, Catalogue catalogue) {
    var conversation = stored.conversation();
    var outcome = conversation == null ? stored.code() : conversation.code();
    var registration =
        conversation != null && conversation.code().registration() != null
            ? conversation.code().registration()
            : stored.code().registration();
    var code = registration == null ? null : DecisionCodes.codeOf(view, registration);
    var discussedOn =
        stored.decision().discussedOn() != null
            ? stored.decision().discussedOn()
            : conversation == null ? null : conversation.discussedOn();
    return new RecordedDecision(
        stored.decision(),
        outcomes(catalogue, view.pathway().value(), null).stream()
            .filter(o -> o.key().equals(stored.decision().outcome()))
            .findFirst()
            .orElse(null),
        stored.recordedAt(),
        stored.recordedBy(),
        discussedOn,
        conversation == null ? null : conversation.recordedAt(),
        conversation == null ? null : conversation.recordedBy(),
        code,
        registration != null && code == null,
        outcome.refusal());
  }

  /** The pathway's clinical-decision codes (in use on {@code on}, where given). */
  static List<Outcome> outcomes(Catalogue catalogue, String pathway, @Nullable LocalDate on) {
    var definition = catalogue.pathway(pathway);
    if (definition.isEmpty()) {
      return List.of();
    }
    return catalogue.codesOf(definition.get()).stream()
        .filter(c -> c.milestone() == Milestone.CLINICAL_DECISION)
        .filter(c -> on == null || c.validOn(on))
        .map(
            c ->
                new Outcome(
                    c.key(),
                    catalogue.officialCode(definition.get(), c).orElse(null),
                    c.names(),
                    c.permitsTreatment()))
        .toList();
  }

  private static @Nullable LocalDate firstAttendance(PathwayView view) {
    return view.codes().stream()
        .filter(c -> c.milestone() == Milestone.FIRST_ATTENDANCE)
        .filter(c -> c.state() == no.forlop.pathway.CodeState.REGISTERED)
        .map(PathwayView.Code::date)
        .findFirst()
        .orElse(null);
  }

  /** The lead time from first attendance to clinical decision (OF2 in cancer pathways). */
  private static @Nullable LeadTime decisionDue(Catalogue catalogue, PathwayView view) {
    return view.leadTimes().stream()
        .filter(
            t ->
                catalogue
                    .indicator(t.indicator())
                    .map(
                        i ->
                            i.from() == Milestone.FIRST_ATTENDANCE
                                && i.to() == Milestone.CLINICAL_DECISION)
                    .orElse(false))
        .findFirst()
        .orElse(null);
  }
}
