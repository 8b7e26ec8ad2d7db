package no.forlop.pathway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeRef;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.Rejection;
import no.forlop.pathway.Rejection.Reason;
import no.forlop.pathway.Remark;
import no.forlop.pathway.TrackedMilestone;
import org.jspecify.annotations.Nullable;

/**
 * Understands one patient's pathway instance at one organisation: its history of facts, the codes
 * they add up to, and whether a new fact keeps the pathway valid. A change is accepted only if the
 * pathway's registered codes, with the change applied, still walk through the state machine.
 */
public final class PatientPathway {

  private final Header header;
  private final List<CodeFact> history;
  private final List<CodeFact> pending = new ArrayList<>();
  private List<TrackedMilestone> milestones;

  /**
   * What identifies the instance.
   *
   * @param variant the care setting or severity its norms depend on (e.g. OUTPATIENT), if known
   * @param coordinator the user name of the responsible coordinator, if one is assigned
   * @param changedFrom the change of pathway type that opened this instance, if one did
   * @param changedTo the change of pathway type that closed this instance, if one did
   */
  public record Header(
      UUID id,
      String patient,
      String pathway,
      String organisation,
      @Nullable String variant,
      Instant createdAt,
      String createdBy,
      String catalogueVersion,
      @Nullable String coordinator,
      @Nullable TypeChange changedFrom,
      @Nullable TypeChange changedTo) {

    /** An instance not linked to another by a change of pathway type. */
    public Header(
        UUID id,
        String patient,
        String pathway,
        String organisation,
        @Nullable String variant,
        Instant createdAt,
        String createdBy,
        String catalogueVersion,
        @Nullable String coordinator) {
      this(
          id,
          patient,
          pathway,
          organisation,
          variant,
          createdAt,
          createdBy,
          catalogueVersion,
          coordinator,
          null,
          null);
    }

    /** This header, linked to the changes of pathway type that opened and closed the instance. */
    public Header linked(@Nullable TypeChange from, @Nullable TypeChange to) {
      return new Header(
          id,
          patient,
          pathway,
          organisation,
          variant,
          createdAt,
          createdBy,
          catalogueVersion,
          coordinator,
          from,
          to);
    }
  }

  /**
   * A change of mental-health pathway type: the instance {@code from} (of catalogue pathway {@code
   * fromPathway}) was closed and {@code to} opened at the same organisation, both on {@code
   * changedOn} (ADR 0014).
   *
   * @param fromStartedOn the start of the closed instance, as it stood at the change
   * @param firstStartedOn the start of the first instance of the chain of changes (the closed
   *     instance's own start unless a change opened it too)
   */
  public record TypeChange(
      UUID from,
      String fromPathway,
      UUID to,
      String toPathway,
      LocalDate changedOn,
      LocalDate fromStartedOn,
      LocalDate firstStartedOn,
      @Nullable String note,
      Instant changedAt,
      String changedBy) {}

  /** When, by whom and under which catalogue version a change is made. */
  public record Context(LocalDate today, String actor, Instant now, String catalogueVersion) {}

  /** A new code to record; a proposal may carry a note saying why it is only proposed. */
  public record NewCode(
      CodeDefinition code,
      LocalDate date,
      CodeState state,
      Origin origin,
      @Nullable StartBasis startBasis,
      @Nullable LocalDate referralReceivedOn,
      @Nullable LocalDate referralAssessedOn,
      @Nullable Remark note) {

    public static NewCode manual(CodeDefinition code, LocalDate date) {
      return new NewCode(code, date, CodeState.REGISTERED, Origin.MANUAL, null, null, null, null);
    }
  }

  /** The outcome of a change: the fact recorded, or why it was refused. */
  public sealed interface Outcome {
    /** The change was recorded as this fact. */
    record Recorded(CodeFact fact) implements Outcome {}

    /** The change was refused. */
    record Refused(Rejection rejection) implements Outcome {}
  }

  public PatientPathway(Header header, List<CodeFact> history) {
    this(header, history, List.of());
  }

  /** An instance with its history and the milestones tracked on it (e.g. BIOPSY). */
  public PatientPathway(Header header, List<CodeFact> history, List<TrackedMilestone> milestones) {
    this.header = header;
    this.history = new ArrayList<>(history);
    this.milestones = List.copyOf(milestones);
  }

  public Header header() {
    return header;
  }

  /** The same instance with another header (e.g. newly linked), keeping what is not stored yet. */
  public PatientPathway with(Header newHeader) {
    if (!newHeader.id().equals(header.id())) {
      throw new IllegalArgumentException("another instance: " + newHeader.id());
    }
    var copy = new PatientPathway(newHeader, history, milestones);
    copy.pending.addAll(pending);
    return copy;
  }

  /** Every fact, oldest first, including those not yet stored. */
  public List<CodeFact> history() {
    return List.copyOf(history);
  }

  /** Facts recorded since the pathway was loaded, to be stored. */
  public List<CodeFact> pending() {
    return List.copyOf(pending);
  }

  /** The milestones tracked on the instance (not registry codes), by date. */
  public List<TrackedMilestone> milestones() {
    return milestones;
  }

  /**
   * The day of the clinical decision taken at the trust that transferred the patient here for
   * treatment, where the derivation tracks one ({@link TrackedMilestone#DECIDED_AT_SENDER}).
   */
  public @Nullable LocalDate decidedElsewhere() {
    return milestones.stream()
        .filter(m -> TrackedMilestone.DECIDED_AT_SENDER.equals(m.type()))
        .map(TrackedMilestone::date)
        .min(java.util.Comparator.naturalOrder())
        .orElse(null);
  }

  /** What the pathway tells the lead-time engine ({@link LeadTimes.Basis#of(String, List)}). */
  public LeadTimes.Basis measuringBasis() {
    return LeadTimes.Basis.of(header.variant(), milestones);
  }

  /** Replaces the tracked milestones with what the derivation now finds. */
  public void track(List<TrackedMilestone> found) {
    this.milestones =
        found.stream()
            .sorted(
                java.util.Comparator.comparing(TrackedMilestone::date)
                    .thenComparing(TrackedMilestone::type))
            .toList();
  }

  /** Every registration as it stands now, in the order they were first recorded. */
  public List<Registration> registrations() {
    return List.copyOf(fold(history).values());
  }

  public Optional<Registration> registration(UUID id) {
    return Optional.ofNullable(fold(history).get(id));
  }

  /** The registered codes (not proposals, not withdrawn) in clinical order. */
  public List<Registration> registeredCodes(CodingRules rules) {
    return rules.walk(registrations(), decidedElsewhere()).inClinicalOrder();
  }

  public PathwayState state(CodingRules rules) {
    return rules.walk(registrations(), decidedElsewhere()).state();
  }

  /**
   * For a proposal: why the coding rules would refuse it as a registered code now (the order it
   * would break, e.g. a decision before any first attendance), or {@code null} where it could be
   * confirmed, or where the registration is no proposal.
   */
  public @Nullable Rejection confirmRefused(UUID registration, CodingRules rules) {
    var all = fold(history);
    var proposal = all.get(registration);
    if (proposal == null || !proposal.isProposed()) {
      return null;
    }
    var incomplete = incomplete(proposal, rules);
    if (incomplete != null) {
      return incomplete;
    }
    var after = new ArrayList<>(all.values());
    after.replaceAll(r -> r.id().equals(registration) ? r.confirmed() : r);
    return rules.walk(after, decidedElsewhere()).rejection();
  }

  /** Records a new code, or refuses it. A proposal is checked on its own, not against the order. */
  public Outcome register(NewCode code, CodingRules rules, Context context) {
    var ref = rules.ref(code.code());
    var own = rules.checkCode(code.code(), code.date(), context.today());
    if (own.isPresent()) {
      return refused(own.get());
    }
    if (code.code().milestone() == no.forlop.catalog.Milestone.PATHWAY_START) {
      var start =
          rules.checkStart(
              code.startBasis(), code.date(), code.referralReceivedOn(), code.referralAssessedOn());
      if (start.isPresent()) {
        return refused(start.get());
      }
    }
    var id = UUID.randomUUID();
    var fact =
        new CodeFact(
            nextSeq(),
            CodeFact.Kind.REGISTERED,
            id,
            ref,
            code.date(),
            code.state(),
            code.origin(),
            code.startBasis(),
            code.note(),
            context.actor(),
            context.now(),
            context.catalogueVersion());
    if (code.state() == CodeState.REGISTERED) {
      var rejection = orderBroken(fact, rules);
      if (rejection != null) {
        return refused(rejection);
      }
    }
    return record(fact);
  }

  /** Corrects the code and/or date of a registration; the reason is required. */
  public Outcome correct(
      UUID registration,
      @Nullable CodeDefinition newCode,
      @Nullable LocalDate newDate,
      @Nullable Remark reason,
      CodingRules rules,
      Context context) {
    var current = fold(history).get(registration);
    var problem = checkChangeable(registration, current, reason, "correct");
    if (problem != null) {
      return refused(problem);
    }
    var code = newCode != null ? rules.ref(newCode) : current.code();
    var date = newDate != null ? newDate : current.date();
    if (code.equals(current.code()) && date.equals(current.date())) {
      return refused(
          Rejection.of(Reason.NOTHING_TO_CORRECT, current.code().display(), current.date()));
    }
    var definition = newCode != null ? newCode : rules.definitionOf(code).orElseThrow();
    var own = rules.checkCode(definition, date, context.today());
    if (own.isPresent()) {
      return refused(own.get());
    }
    var fact =
        change(CodeFact.Kind.CORRECTED, registration, code, date, current.state(), reason, context);
    if (current.state() == CodeState.REGISTERED) {
      var rejection = orderBroken(fact, rules);
      if (rejection != null) {
        return refused(rejection);
      }
    }
    return record(fact);
  }

  /** Withdraws a registration (it no longer counts, and stays in the history); reason required. */
  public Outcome withdraw(
      UUID registration, @Nullable Remark reason, CodingRules rules, Context context) {
    var current = fold(history).get(registration);
    var problem = checkChangeable(registration, current, reason, "withdraw");
    if (problem != null) {
      return refused(problem);
    }
    var fact = change(CodeFact.Kind.WITHDRAWN, registration, null, null, null, reason, context);
    var rejection = orderBroken(fact, rules);
    return rejection != null ? refused(rejection) : record(fact);
  }

  /**
   * A proposal in a pathway whose code prefix the catalogue does not know cannot be confirmed as if
   * it were complete: its code would be a bare suffix ({@code A}) that no registry can take. It
   * stays a proposal until a catalogue version with the prefix is in force.
   */
  private static @Nullable Rejection incomplete(Registration proposal, CodingRules rules) {
    if (rules.prefix() != null) {
      return null;
    }
    return Rejection.of(
        Reason.CODE_PREFIX_UNKNOWN,
        proposal.code().display(),
        proposal.date(),
        rules.pathway().names().nb());
  }

  /** Confirms a proposal: from now on it is a registered code, if the order allows it. */
  public Outcome confirm(UUID registration, CodingRules rules, Context context) {
    var current = fold(history).get(registration);
    if (current == null) {
      return refused(Rejection.of(Reason.NO_SUCH_REGISTRATION, registration));
    }
    if (!current.isProposed()) {
      return refused(Rejection.of(Reason.NOT_A_PROPOSAL, current.code().display(), current.date()));
    }
    var incomplete = incomplete(current, rules);
    if (incomplete != null) {
      return refused(incomplete);
    }
    var own =
        rules
            .definitionOf(current.code())
            .flatMap(d -> rules.checkCode(d, current.date(), context.today()));
    if (own.isPresent()) {
      return refused(own.get());
    }
    var fact =
        change(
            CodeFact.Kind.CONFIRMED, registration, null, null, CodeState.REGISTERED, null, context);
    var rejection = orderBroken(fact, rules);
    return rejection != null ? refused(rejection) : record(fact);
  }

  /** Rejects a proposal; the reason is required. */
  public Outcome reject(UUID registration, @Nullable Remark reason, Context context) {
    var current = fold(history).get(registration);
    if (current == null) {
      return refused(Rejection.of(Reason.NO_SUCH_REGISTRATION, registration));
    }
    if (!current.isProposed()) {
      return refused(Rejection.of(Reason.NOT_A_PROPOSAL, current.code().display(), current.date()));
    }
    if (isBlank(reason)) {
      return refused(Rejection.of(Reason.REASON_REQUIRED, "reject"));
    }
    return record(change(CodeFact.Kind.REJECTED, registration, null, null, null, reason, context));
  }

  private @Nullable Rejection checkChangeable(
      UUID id, @Nullable Registration current, @Nullable Remark reason, String verb) {
    if (current == null) {
      return Rejection.of(Reason.NO_SUCH_REGISTRATION, id);
    }
    if (current.status() != Registration.Status.ACTIVE) {
      return Rejection.of(Reason.ALREADY_WITHDRAWN, current.code().display(), current.date());
    }
    if (isBlank(reason)) {
      return Rejection.of(Reason.REASON_REQUIRED, verb);
    }
    return null;
  }

  /** Whether there is no reason: none given, or a person's words that are only blanks. */
  private static boolean isBlank(@Nullable Remark reason) {
    return reason == null || reason.isWritten() && reason.args().get(0).isBlank();
  }

  private @Nullable Rejection orderBroken(CodeFact candidate, CodingRules rules) {
    var after = new ArrayList<>(history);
    after.add(candidate);
    return rules.walk(List.copyOf(fold(after).values()), decidedElsewhere()).rejection();
  }

  private CodeFact change(
      CodeFact.Kind kind,
      UUID registration,
      @Nullable CodeRef code,
      @Nullable LocalDate date,
      @Nullable CodeState state,
      @Nullable Remark reason,
      Context context) {
    var original = fold(history).get(registration);
    return new CodeFact(
        nextSeq(),
        kind,
        registration,
        code,
        date,
        state,
        original.origin(),
        original.startBasis(),
        reason != null && reason.isWritten()
            ? Remark.written(reason.args().get(0).strip())
            : reason,
        context.actor(),
        context.now(),
        context.catalogueVersion());
  }

  private int nextSeq() {
    return history.size() + 1;
  }

  private Outcome record(CodeFact fact) {
    history.add(fact);
    pending.add(fact);
    return new Outcome.Recorded(fact);
  }

  private static Outcome refused(Rejection rejection) {
    return new Outcome.Refused(rejection);
  }

  /** Adds up facts into the registrations they describe. */
  static Map<UUID, Registration> fold(List<CodeFact> facts) {
    var registrations = new LinkedHashMap<UUID, Registration>();
    for (var fact : facts) {
      var id = fact.registration();
      var current = registrations.get(id);
      switch (fact.kind()) {
        case REGISTERED ->
            registrations.put(
                id,
                new Registration(
                    id,
                    fact.code(),
                    fact.date(),
                    fact.state(),
                    Registration.Status.ACTIVE,
                    fact.origin(),
                    fact.startBasis(),
                    false,
                    fact.recordedAt(),
                    fact.actor()));
        case CORRECTED -> registrations.put(id, current.with(fact.code(), fact.date()));
        case WITHDRAWN -> registrations.put(id, current.with(Registration.Status.WITHDRAWN));
        case CONFIRMED -> registrations.put(id, current.confirmed());
        case REJECTED -> registrations.put(id, current.with(Registration.Status.REJECTED));
      }
    }
    return registrations;
  }
}
