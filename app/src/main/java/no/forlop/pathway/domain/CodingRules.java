package no.forlop.pathway.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.CodingScheme;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.CodeRef;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.Rejection;
import no.forlop.pathway.Rejection.Reason;
import org.jspecify.annotations.Nullable;

/**
 * Understands the coding guide's rules for one pathway: which codes it has and when they are in
 * use, which date a start carries, and in which order codes may follow each other. The order is
 * checked by walking the registered codes in clinical order through the state machine of {@link
 * PathwayState}; the first code that has no transition from the state reached is the rejection.
 */
public final class CodingRules {

  private static final Comparator<Registration> CLINICAL_ORDER =
      Comparator.comparing(Registration::date)
          .thenComparing(r -> r.code().milestone().ordinal())
          .thenComparing(Registration::recordedAt);

  private final PathwayDefinition pathway;
  private final CodingScheme scheme;
  private final List<CodeDefinition> codes;

  public CodingRules(PathwayDefinition pathway, CodingScheme scheme, List<CodeDefinition> codes) {
    this.pathway = pathway;
    this.scheme = scheme;
    this.codes = List.copyOf(codes);
  }

  public PathwayDefinition pathway() {
    return pathway;
  }

  public CodingScheme scheme() {
    return scheme;
  }

  public List<CodeDefinition> codes() {
    return codes;
  }

  public @Nullable String prefix() {
    return pathway.codePrefix().value();
  }

  public CodeRef ref(CodeDefinition code) {
    return CodeRef.of(code, prefix());
  }

  /**
   * Finds a code of this pathway from what a user or a rule wrote: the official code ({@code
   * A12CK}, or {@code D11CU} without a pathway module), the key ({@code CK}), or the milestone
   * ({@code PATHWAY_START}) where the milestone has exactly one code.
   */
  public Optional<CodeDefinition> resolve(String text) {
    var wanted = text.strip().toUpperCase(Locale.ROOT);
    var prefix = prefix();
    if (prefix != null && wanted.startsWith(prefix) && wanted.length() > prefix.length()) {
      var bySuffix = byKey(wanted.substring(prefix.length()));
      if (bySuffix.isPresent()) {
        return bySuffix;
      }
    }
    var byKey = byKey(wanted);
    if (byKey.isPresent()) {
      return byKey;
    }
    try {
      var milestone = Milestone.valueOf(wanted);
      var matching = codes.stream().filter(c -> c.milestone() == milestone).toList();
      return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Optional<CodeDefinition> byKey(String key) {
    return codes.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  public Optional<CodeDefinition> definitionOf(CodeRef ref) {
    return byKey(ref.key());
  }

  /** The checks that concern one code on its own: in use on its date, and not in the future. */
  public Optional<Rejection> checkCode(CodeDefinition code, LocalDate date, LocalDate today) {
    var display = ref(code).display();
    if (date.isAfter(today)) {
      return Optional.of(Rejection.of(Reason.DATE_IN_FUTURE, display, date, today));
    }
    if (!pathway.validOn(date)) {
      return Optional.of(
          Rejection.of(
              Reason.PATHWAY_NOT_VALID_ON_DATE,
              pathway.names().nb(),
              date,
              orDash(pathway.validFrom().value()),
              orDash(pathway.validTo().value())));
    }
    if (!code.validOn(date)) {
      return Optional.of(
          Rejection.of(
              Reason.CODE_NOT_VALID_ON_DATE,
              display,
              date,
              orDash(code.validFrom()),
              orDash(code.validTo())));
    }
    return Optional.empty();
  }

  /**
   * The date rules of a start: it is dated the day the referral was received (cancer), not the day
   * it was assessed; other bases must be allowed by the scheme's start rules on that date.
   */
  public Optional<Rejection> checkStart(
      @Nullable StartBasis basis,
      LocalDate date,
      @Nullable LocalDate referralReceivedOn,
      @Nullable LocalDate referralAssessedOn) {
    var allowed =
        scheme.startRules().stream().filter(r -> r.validOn(date)).map(r -> r.basis()).toList();
    var effective = basis != null ? basis : StartBasis.REFERRAL_RECEIVED;
    if (!allowed.isEmpty() && !allowed.contains(effective)) {
      return Optional.of(Rejection.of(Reason.START_BASIS_NOT_ALLOWED, effective, date));
    }
    if (effective == StartBasis.REFERRAL_RECEIVED && referralReceivedOn != null) {
      if (!date.equals(referralReceivedOn)) {
        return Optional.of(
            date.equals(referralAssessedOn)
                ? Rejection.of(Reason.START_ON_ASSESSMENT, date, referralReceivedOn)
                : Rejection.of(Reason.START_NOT_ON_RECEIPT, date, referralReceivedOn));
      }
    }
    if (effective == StartBasis.REFERRAL_ASSESSED && referralAssessedOn != null) {
      if (!date.equals(referralAssessedOn)) {
        return Optional.of(Rejection.of(Reason.START_NOT_ON_RECEIPT, date, referralAssessedOn));
      }
    }
    return Optional.empty();
  }

  /**
   * Walks the registered codes in clinical order; the result is the state reached or the first code
   * that breaks the order.
   */
  public Walk walk(List<Registration> registrations) {
    return walk(registrations, null);
  }

  /**
   * Walks the registered codes of an instance whose treatment may rest on a clinical decision taken
   * at the trust that transferred the patient here ({@code decidedElsewhere}, its day): a treatment
   * start on or after that day needs no decision of its own, and until then the instance stands as
   * decided.
   */
  public Walk walk(List<Registration> registrations, @Nullable LocalDate decidedElsewhere) {
    var ordered =
        registrations.stream().filter(Registration::isRegistered).sorted(CLINICAL_ORDER).toList();
    var walker = new Walker();
    walker.decidedElsewhere = decidedElsewhere;
    walker.laterStart =
        ordered.stream()
            .filter(r -> r.code().milestone() == Milestone.PATHWAY_START)
            .findFirst()
            .orElse(null);
    for (var registration : ordered) {
      var rejection = walker.step(registration);
      if (rejection != null) {
        return new Walk(walker.state(), rejection, ordered);
      }
    }
    return new Walk(walker.state(), null, ordered);
  }

  /** The result of walking the codes: the state reached and, if the order is broken, why. */
  public record Walk(
      PathwayState state, @Nullable Rejection rejection, List<Registration> inClinicalOrder) {

    public boolean valid() {
      return rejection == null;
    }
  }

  private final class Walker {
    PathwayState state = PathwayState.AWAITING_START;
    @Nullable Registration start;
    @Nullable Registration firstAttendance;
    final List<Registration> decisions = new ArrayList<>();
    @Nullable Registration treatment;
    @Nullable Registration closing;
    @Nullable Registration laterStart;
    @Nullable LocalDate decidedElsewhere;

    /**
     * The state reached; an instance that rests on a decision taken elsewhere stands as decided.
     */
    PathwayState state() {
      if (decidedElsewhere != null
          && decisions.isEmpty()
          && (state == PathwayState.AWAITING_FIRST_ATTENDANCE || state == PathwayState.IN_WORKUP)) {
        return PathwayState.DECIDED;
      }
      return state;
    }

    @Nullable Rejection step(Registration r) {
      var code = r.code();
      var display = code.display();
      var definition = definitionOf(code).orElse(null);
      if (definition == null) {
        return Rejection.of(Reason.UNKNOWN_CODE, display, pathway.names().nb());
      }
      if (closing != null) {
        return Rejection.of(
            Reason.AFTER_CLOSING, display, r.date(), closing.code().display(), closing.date());
      }
      if (code.milestone() != Milestone.PATHWAY_START && start == null) {
        return laterStart == null
            ? Rejection.of(Reason.START_MISSING, display, r.date())
            : Rejection.of(
                Reason.BEFORE_START,
                display,
                r.date(),
                laterStart.code().display(),
                laterStart.date());
      }
      switch (code.milestone()) {
        case PATHWAY_START -> {
          if (start != null) {
            return already(display, start);
          }
          start = r;
          state = PathwayState.AWAITING_FIRST_ATTENDANCE;
        }
        case FIRST_ATTENDANCE -> {
          if (firstAttendance != null) {
            return already(display, firstAttendance);
          }
          firstAttendance = r;
          if (state == PathwayState.AWAITING_FIRST_ATTENDANCE) {
            state = PathwayState.IN_WORKUP;
          }
        }
        case PATIENT_DELAY -> {
          // recorded while the pathway is open; it changes no state
        }
        case CLINICAL_DECISION -> {
          var rejection = decide(r, definition);
          if (rejection != null) {
            return rejection;
          }
        }
        case TREATMENT_START -> {
          if (treatment != null) {
            return already(display, treatment);
          }
          if (decisions.isEmpty()) {
            if (decidedElsewhere != null && !r.date().isBefore(decidedElsewhere)) {
              // transferred for treatment: the sender's decision counts (checked there)
              treatment = r;
              state = PathwayState.IN_TREATMENT;
              return null;
            }
            return Rejection.of(Reason.DECISION_MISSING, display, r.date());
          }
          var last = decisions.get(decisions.size() - 1);
          if (!definitionOf(last.code()).map(CodeDefinition::permitsTreatment).orElse(false)) {
            return Rejection.of(
                Reason.TREATMENT_NOT_PERMITTED,
                display,
                r.date(),
                last.code().display(),
                last.date());
          }
          treatment = r;
          state = PathwayState.IN_TREATMENT;
        }
        case EVALUATION -> {
          if (decisions.isEmpty()) {
            return Rejection.of(Reason.DECISION_MISSING, display, r.date());
          }
        }
        case TRANSFERRED -> {
          closing = r;
          state = PathwayState.TRANSFERRED;
        }
        case PATHWAY_END -> {
          closing = r;
          state = PathwayState.CLOSED;
        }
      }
      if (definition.closesPathway() && closing == null) {
        closing = r;
        state = PathwayState.CLOSED;
      }
      return null;
    }

    private @Nullable Rejection decide(Registration r, CodeDefinition definition) {
      var display = r.code().display();
      if (treatment != null) {
        return Rejection.of(
            Reason.DECISION_AFTER_TREATMENT,
            display,
            r.date(),
            treatment.code().display(),
            treatment.date());
      }
      if (firstAttendance == null && scheme.decisionRequiresFirstAttendance()) {
        return Rejection.of(Reason.FIRST_ATTENDANCE_MISSING, display, r.date());
      }
      if (!decisions.isEmpty()) {
        if (decisions.size() >= scheme.maxClinicalDecisions()) {
          return Rejection.of(
              Reason.TOO_MANY_DECISIONS, display, r.date(), scheme.maxClinicalDecisions());
        }
        var last = decisions.get(decisions.size() - 1);
        if (!definitionOf(last.code()).map(CodeDefinition::permitsFurtherDecision).orElse(false)) {
          return Rejection.of(
              Reason.DECISION_ALLOWS_NO_FURTHER_DECISION,
              display,
              r.date(),
              last.code().display(),
              last.date());
        }
      }
      decisions.add(r);
      state = PathwayState.DECIDED;
      return null;
    }

    private Rejection already(String display, Registration existing) {
      return Rejection.of(
          Reason.ALREADY_REGISTERED, display, existing.code().display(), existing.date());
    }
  }

  private static String orDash(@Nullable Object value) {
    return value == null ? "–" : value.toString();
  }
}
