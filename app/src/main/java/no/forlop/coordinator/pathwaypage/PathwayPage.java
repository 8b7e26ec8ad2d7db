package no.forlop.coordinator.pathwaypage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayState;
import org.jspecify.annotations.Nullable;

/**
 * What a patient's pathway page shows, ready for the template: the header, the timeline of
 * milestones with the why of each, the lead-time bars, the history of facts, the notes, and the
 * choices the action forms offer. Dates and times are already formatted in the user's language.
 *
 * @param patientName the name the EHR sent, if any
 * @param patient the fødselsnummer or D-nummer (shown: opening the page is audited)
 * @param problem set when the registered codes break the coding rules of the catalogue in force
 * @param mayChange the user may change codes, assign and write notes (leaders only read)
 * @param evaluates the pathway is open and has evaluation points (mental health and substance use)
 * @param plannedEvaluation the date planned for the next evaluation, formatted, if any
 * @param changedFrom the pathway this one replaced by a change of pathway type, if any
 * @param changedTo the pathway that replaced this one by a change of pathway type, if any
 * @param firstStartedOn the start of the first pathway before the changes of type, formatted (only
 *     for a pathway that replaced another)
 * @param pathwayTypes the types this pathway may change to (the other mental-health and
 *     substance-use pathways in use today); empty when it cannot change type
 * @param today today's date (ISO), the type change's default date
 * @param whole the patient's whole pathway across the trusts transfers link (ADR 0021); {@code
 *     null} when no transfer links this pathway to another
 */
record PathwayPage(
    UUID id,
    @Nullable String patientName,
    String patient,
    String pathwayName,
    String organisation,
    String organisationName,
    PathwayState state,
    @Nullable String coordinator,
    @Nullable String coordinatorName,
    String asOf,
    String catalogueVersion,
    @Nullable String problem,
    List<Entry> timeline,
    List<Bar> leadTimes,
    List<HistoryEntry> history,
    List<NoteEntry> notes,
    List<Choice> codes,
    List<Choice> startBases,
    List<Choice> coordinators,
    boolean mayChange,
    boolean evaluates,
    @Nullable String plannedEvaluation,
    @Nullable Link changedFrom,
    @Nullable Link changedTo,
    @Nullable String firstStartedOn,
    List<Choice> pathwayTypes,
    String today,
    @Nullable Whole whole,
    List<Unused> unused) {

  /**
   * A fact from the EHR the derivation found for this pathway but could not code.
   *
   * @param source the resource as the EHR knows it
   * @param reason why, in the reader's language
   * @param ignored left out on purpose (it belongs elsewhere), not missing something
   */
  public record Unused(String source, String reason, boolean ignored) {}

  /** Whether the page offers the change of pathway type. */
  public boolean changesType() {
    return mayChange && !pathwayTypes.isEmpty();
  }

  /**
   * The other side of a change of pathway type.
   *
   * @param label the other pathway's type code and name (e.g. "D12 Utredning og behandling …")
   * @param changedOn the day of the change, formatted
   * @param startedOn the other pathway's start, formatted (for the one changed to: the change day)
   */
  record Link(UUID id, String label, String changedOn, String startedOn, @Nullable String note) {}

  /**
   * The patient's whole pathway across trusts: the trusts in order, the milestones its lead times
   * are made of and where each was registered, and the lead times themselves (NPR's measure: the
   * first trust's start to the treating trust's treatment start). Of another trust's instance the
   * page shows only these; a link to its page only where the user may open it.
   *
   * @param transferredFrom the trust that transferred the patient here, if one did
   * @param transferredTo the trust this one transferred the patient to, if it did
   */
  record Whole(
      List<Trust> trusts,
      @Nullable Trust transferredFrom,
      @Nullable Trust transferredTo,
      List<Point> milestones,
      List<Bar> leadTimes) {}

  /**
   * One trust's instance in the whole pathway.
   *
   * @param link the instance's id where the user may open its page, else {@code null}
   * @param transferredOn the day the previous trust transferred the patient here, formatted
   * @param here the instance this page shows
   */
  record Trust(String name, @Nullable UUID link, @Nullable String transferredOn, boolean here) {}

  /**
   * A milestone of the whole pathway (start, first attendance, decision, treatment start).
   *
   * @param milestone its catalogue milestone (PATHWAY_START, …), for its name on the page
   */
  record Point(String milestone, String code, String date, String trust) {}

  /** Whether the pathway has a proposal waiting for a coordinator. */
  public boolean hasProposals() {
    return timeline.stream().anyMatch(Entry::proposed);
  }

  /**
   * A milestone on the timeline: a code (registered or proposed) or a tracked milestone such as a
   * biopsy.
   *
   * @param anchor the element id on the page
   * @param registration the code's registration (null for a tracked milestone)
   * @param code the official code (null where the catalogue knows no event letter for it, as for
   *     the mental-health pathways' start); for a tracked milestone its type (BIOPSY)
   * @param name the code's name in words, from the catalogue (tracked: null, the page names it)
   * @param state REGISTERED, PROPOSED or TRACKED
   */
  record Entry(
      String anchor,
      @Nullable UUID registration,
      LocalDate isoDate,
      String date,
      @Nullable String code,
      @Nullable String name,
      String state,
      boolean manual,
      boolean corrected,
      boolean incomplete,
      Why why,
      @Nullable Blocked blocked) {

    public boolean proposed() {
      return CodeState.PROPOSED.name().equals(state);
    }

    public boolean tracked() {
      return registration == null;
    }
  }

  /**
   * Why a code is there: the rule, its question, the rule-set version, the source events and the
   * inputs for a derived code; who registered it and when for a manual one; the catalogue version
   * it was checked against; and later confirmations and corrections.
   *
   * @param note why a proposal is only proposed (as the derivation wrote it)
   */
  record Why(
      boolean manual,
      @Nullable String rule,
      @Nullable String question,
      @Nullable String rulesetVersion,
      List<String> sources,
      List<Input> inputs,
      @Nullable String catalogueVersion,
      String recordedBy,
      String recordedAt,
      @Nullable String note,
      @Nullable String confirmedBy,
      @Nullable String confirmedAt,
      @Nullable String correctedBy,
      @Nullable String correctedAt,
      @Nullable String correctionReason) {}

  /** A value a rule looked at, as the page says it (e.g. Henvisning mottatt: 04.03.2024). */
  record Input(String name, String value) {}

  /**
   * A lead-time interval as a bar: the days used against the norm.
   *
   * @param used the days of a finished interval, or the days elapsed so far
   * @param norm the norm in days (verified, or unverified when {@code normUnverified})
   * @param usedPercent the bar's length, relative to the longer of used and norm
   * @param normPercent where the norm's mark sits (null without a norm)
   */
  record Bar(
      String indicator,
      String name,
      @Nullable String treatment,
      String from,
      @Nullable String to,
      long used,
      @Nullable Integer norm,
      boolean normUnverified,
      String dayType,
      LeadTime.Status status,
      @Nullable String dueDate,
      int usedPercent,
      @Nullable Integer normPercent,
      boolean patientDelayed,
      @Nullable String assumption,
      @Nullable String notJudged) {

    public boolean finished() {
      return to != null;
    }

    public String statusClass() {
      return "status-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** One fact of the history, newest first. */
  record HistoryEntry(
      int seq,
      CodeFact.Kind kind,
      @Nullable String code,
      @Nullable String codeName,
      @Nullable String date,
      @Nullable CodeState state,
      boolean manual,
      @Nullable String rule,
      @Nullable String reason,
      String actor,
      String at,
      String catalogueVersion) {}

  /** A note with its author and time. */
  record NoteEntry(String text, String author, String at) {}

  /**
   * Why a proposal cannot be confirmed yet, and the step that is missing.
   *
   * @param reason the coding rules' reason, in the reader's language
   * @param missingStep the name of the missing milestone (e.g. "Første fremmøte"), where one is
   * @param missingCode the value of that milestone's code in the register form
   */
  record Blocked(String reason, @Nullable String missingStep, @Nullable String missingCode) {}

  /** An option of a select. */
  record Choice(String value, String label) {

    public boolean is(@Nullable String other) {
      return Objects.equals(value, other);
    }
  }
}
