package no.forlop.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.domain.Registration;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * A pathway instance as other modules and the API see it: its codes as they stand, its full
 * history, and its lead times as of a date, computed with the catalogue version named.
 *
 * @param pathway the catalogue id of the pathway definition
 * @param codePrefix the official code prefix, where known
 * @param asOf the date the running intervals are measured to
 * @param coordinator the user name of the responsible coordinator, if assigned
 * @param problem set when the registered codes break the coding rules of the catalogue in force
 *     (e.g. after a catalogue change); the state is then the one reached before that code
 * @param changedFrom the pathway this one replaced by a change of pathway type (ADR 0014), if any
 * @param changedTo the pathway that replaced this one by a change of pathway type, if any
 * @param firstStartedOn the start of the first pathway of the chain of type changes that led to
 *     this one (local practice records it as "start første forløp"); without a change, this
 *     pathway's own start, if it has one
 * @param milestones the milestones tracked on the instance that are not registry codes (e.g.
 *     BIOPSY), by date, as the last derivation found them
 */
public record PathwayView(
    PathwayId id,
    PatientIdentifier patient,
    PathwayDefinitionId pathway,
    @Nullable String codePrefix,
    String name,
    OrganisationNumber organisation,
    @Nullable String variant,
    @Nullable String coordinator,
    PathwayState state,
    Instant createdAt,
    String createdBy,
    LocalDate asOf,
    String catalogueVersion,
    List<Code> codes,
    List<Fact> history,
    List<LeadTime> leadTimes,
    @Nullable Rejection problem,
    @Nullable TypeChange changedFrom,
    @Nullable TypeChange changedTo,
    @Nullable LocalDate firstStartedOn,
    List<TrackedMilestone> milestones) {

  /**
   * The other side of a change of pathway type (ADR 0014).
   *
   * @param id the other pathway instance
   * @param pathway its catalogue id
   * @param codePrefix its official code prefix (type forløp), where known
   * @param name its name (Norwegian bokmål)
   * @param changedOn the day of the change: the old pathway ended, the new one started
   * @param startedOn the other pathway's start: for the pathway changed from, its start as it stood
   *     at the change; for the pathway changed to, the day of the change
   * @param note why, as the coordinator wrote it, if given
   */
  public record TypeChange(
      PathwayId id,
      PathwayDefinitionId pathway,
      @Nullable String codePrefix,
      String name,
      LocalDate changedOn,
      LocalDate startedOn,
      @Nullable String note,
      String changedBy,
      Instant changedAt) {}

  /** The earliest registered code of the milestone, if any (proposals do not count). */
  public java.util.Optional<Code> firstRegistered(Milestone milestone) {
    return codes.stream()
        .filter(c -> c.milestone() == milestone && c.state() == CodeState.REGISTERED)
        .min(java.util.Comparator.comparing(Code::date));
  }

  /** How many proposals wait for a coordinator. */
  public int proposals() {
    return (int) codes.stream().filter(c -> c.state() == CodeState.PROPOSED).count();
  }

  /**
   * A derived code and one a person typed disagree: the derived one waits as a proposal for a
   * milestone a person registered by hand.
   */
  public boolean hasDisagreement() {
    return codes.stream()
        .filter(
            c ->
                c.state() == CodeState.PROPOSED
                    && Origin.Kind.valueOf(c.origin()) == Origin.Kind.DERIVED)
        .anyMatch(
            proposed ->
                codes.stream()
                    .anyMatch(
                        c ->
                            Origin.Kind.valueOf(c.origin()) == Origin.Kind.MANUAL
                                && c.milestone() == proposed.milestone()));
  }

  /**
   * A code as it stands (registered or proposed).
   *
   * @param code the official code, or {@code null} where the catalogue does not know it
   * @param key the code's key in its scheme (suffix, or milestone where the suffix is unknown)
   * @param inputs for a derived code, the values its rule looked at (e.g. {@code receivedOn})
   * @param confirmRefused for a proposal, why the coding rules would refuse it as a registered code
   *     now (e.g. a decision before any first attendance), or {@code null} when it can be confirmed
   */
  public record Code(
      RegistrationId registration,
      @Nullable String code,
      String key,
      Milestone milestone,
      LocalDate date,
      CodeState state,
      String origin,
      @Nullable String rule,
      @Nullable String rulesetVersion,
      List<String> sources,
      @Nullable StartBasis startBasis,
      boolean corrected,
      Instant recordedAt,
      String recordedBy,
      Map<String, String> inputs,
      @Nullable Rejection confirmRefused) {

    static Code of(Registration r, @Nullable String official, @Nullable Rejection confirmRefused) {
      return new Code(
          new RegistrationId(r.id()),
          official,
          r.code().key(),
          r.code().milestone(),
          r.date(),
          r.state(),
          r.origin().kind().name(),
          r.origin().ruleId(),
          r.origin().rulesetVersion(),
          r.origin().sources(),
          r.startBasis(),
          r.corrected(),
          r.recordedAt(),
          r.recordedBy(),
          r.origin().inputs(),
          confirmRefused);
    }
  }

  /** One entry in the pathway's history. */
  public record Fact(
      int seq,
      CodeFact.Kind kind,
      RegistrationId registration,
      @Nullable String code,
      @Nullable String key,
      @Nullable LocalDate date,
      @Nullable CodeState state,
      String origin,
      @Nullable String rule,
      @Nullable Remark reason,
      String actor,
      Instant recordedAt,
      String catalogueVersion) {

    static Fact of(CodeFact f) {
      return new Fact(
          f.seq(),
          f.kind(),
          new RegistrationId(f.registration()),
          f.code() == null ? null : f.code().official(),
          f.code() == null ? null : f.code().key(),
          f.date(),
          f.state(),
          f.origin().kind().name(),
          f.origin().ruleId(),
          f.reason(),
          f.actor(),
          f.recordedAt(),
          f.catalogueVersion());
    }
  }
}
