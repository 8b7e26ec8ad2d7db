package no.forlop.pathway.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Origin;
import no.forlop.pathway.Rejection;
import no.forlop.pathway.Rejection.Reason;
import no.forlop.pathway.Remark;
import org.jspecify.annotations.Nullable;

/**
 * Understands how a pathway's derived codes follow what the EHR events now say, where a person's
 * code always wins: a code a person registered, corrected, withdrew or rejected is never
 * overridden; where the derivation differs from it, the derived code stays visible as a proposal; a
 * derived code a person withdrew or rejected is not derived again; a derived code the coding rules
 * refuse becomes a proposal with the reason, and one refused even as a proposal is reported.
 *
 * <p>Codes are compared slot by slot: a slot is a milestone and its position among the codes of
 * that milestone in date order (a mental-health pathway can have two decisions). Every change goes
 * through the pathway's own {@code register}, {@code correct}, {@code withdraw} and {@code
 * confirm}, so every coding rule still applies; what happened comes back as {@link Outcome} values,
 * never as an exception.
 */
public final class Reconciliation {

  /**
   * A code the derivation wants the pathway to carry.
   *
   * @param key the code's key in the pathway's scheme (suffix, or milestone where unknown)
   * @param origin the derivation's trace: rule, rule-set version, source events and inputs
   * @param note why the code is only proposed, when it is
   */
  public record Wanted(
      String key,
      Milestone milestone,
      LocalDate date,
      CodeState state,
      Origin origin,
      @Nullable StartBasis startBasis,
      @Nullable Remark note) {}

  /** What the reconciliation did to the pathway, or could not do. */
  public sealed interface Outcome {

    /** A derived code was registered (or, where {@code fact.state()} says so, proposed). */
    record Registered(Wanted code, CodeFact fact) implements Outcome {}

    /** A derived proposal became a registered code, as the derivation now says it is. */
    record Confirmed(CodeFact fact) implements Outcome {}

    /** A derived code's key or date was corrected to what the EHR events now give. */
    record Corrected(Wanted code, CodeFact fact) implements Outcome {}

    /** A derived code was withdrawn; {@code fact.reason()} says why. */
    record Withdrawn(CodeFact fact) implements Outcome {}

    /**
     * The coding rules refused the derived code as a registered code, so it was proposed instead,
     * with the rules' reason as its note.
     */
    record ProposedInstead(Wanted code, Rejection why, CodeFact fact) implements Outcome {}

    /** The coding rules refused the derived code even as a proposal: nothing was recorded. */
    record NotDerivable(Wanted code, Rejection why) implements Outcome {}

    /** A stale derived code could not be withdrawn (the order of the codes would break). */
    record NotWithdrawn(UUID registration, Rejection why) implements Outcome {}
  }

  private final PatientPathway pathway;
  private final CodingRules rules;
  private final PatientPathway.Context context;
  private final List<Outcome> outcomes = new ArrayList<>();

  private Reconciliation(
      PatientPathway pathway, CodingRules rules, PatientPathway.Context context) {
    this.pathway = pathway;
    this.rules = rules;
    this.context = context;
  }

  /**
   * Brings the pathway's derived codes in line with the codes wanted (none: every derived code is
   * stale), changing the pathway in memory.
   *
   * @param context the derivation's context: its actor tells the derivation's own facts from a
   *     person's
   * @return what was done and what could not be, in the order it happened
   */
  public static List<Outcome> reconcile(
      PatientPathway pathway,
      List<Wanted> wanted,
      CodingRules rules,
      PatientPathway.Context context) {
    var reconciliation = new Reconciliation(pathway, rules, context);
    reconciliation.run(wanted);
    return List.copyOf(reconciliation.outcomes);
  }

  private void run(List<Wanted> wanted) {
    var byPerson = personTouched();
    var active =
        pathway.registrations().stream()
            .filter(r -> r.status() == Registration.Status.ACTIVE)
            .toList();
    var derivedNow =
        slots(
            active.stream()
                .filter(r -> r.origin().isDerived() && !byPerson.contains(r.id()))
                .toList());
    var personal =
        slots(
            active.stream()
                .filter(r -> !r.origin().isDerived() || byPerson.contains(r.id()))
                .toList());
    var desired = new LinkedHashMap<String, Wanted>();
    var counters = new LinkedHashMap<Milestone, Integer>();
    for (var code : wanted) {
      var n = counters.merge(code.milestone(), 1, Integer::sum);
      desired.put(code.milestone() + "#" + n, code);
    }
    // withdrawals first, latest first, so that the codes stay in order at every step
    var stale =
        derivedNow.entrySet().stream()
            .filter(e -> !desired.containsKey(e.getKey()))
            .map(Map.Entry::getValue)
            .sorted(Comparator.comparing(Registration::date).reversed())
            .toList();
    for (var code : stale) {
      withdraw(code, ReconciliationRemark.NO_LONGER_SUPPORTED.with());
    }
    for (var entry : desired.entrySet()) {
      var want = entry.getValue();
      var current = derivedNow.get(entry.getKey());
      var person = personal.get(entry.getKey());
      if (refusedBefore(want)) {
        continue;
      }
      if (person != null) {
        followPerson(want, current, person);
      } else if (current == null) {
        register(want, want.state(), want.note());
      } else if (same(current, want)) {
        if (current.state() == CodeState.PROPOSED && want.state() == CodeState.REGISTERED) {
          confirm(current);
        }
      } else if (current.state() == CodeState.PROPOSED && want.state() == CodeState.REGISTERED) {
        // a proposal is no registered fact to correct: the registered code, with its own rule
        // and sources, takes its place (e.g. an explicit decision after one proposed from the
        // diagnosis)
        withdraw(current, ReconciliationRemark.REPLACED.with(want.key(), want.date()));
        register(want, want.state(), want.note());
      } else {
        correct(current, want);
      }
    }
  }

  /** A person's code wins; a differing derivation stays visible as a proposal. */
  private void followPerson(Wanted want, @Nullable Registration current, Registration person) {
    if (person.code().key().equals(want.key()) && person.date().equals(want.date())) {
      if (current != null) {
        withdraw(current, ReconciliationRemark.SAME_AS_PERSON.with());
      }
      return;
    }
    if (current != null && same(current, want) && current.state() == CodeState.PROPOSED) {
      return;
    }
    if (current != null) {
      withdraw(current, ReconciliationRemark.REPLACED_BY_PROPOSAL.with());
    }
    register(
        want,
        CodeState.PROPOSED,
        ReconciliationRemark.DIFFERS_FROM_PERSON.with(person.code().display(), person.date()));
  }

  /** Registers the code; where the rules refuse a registered code, proposes it instead. */
  private void register(Wanted want, CodeState state, @Nullable Remark note) {
    var result = tryRegister(want, state, note);
    if (result instanceof PatientPathway.Outcome.Recorded recorded) {
      outcomes.add(new Outcome.Registered(want, recorded.fact()));
    } else if (state == CodeState.REGISTERED) {
      proposeInstead(want, ((PatientPathway.Outcome.Refused) result).rejection());
    } else {
      outcomes.add(
          new Outcome.NotDerivable(want, ((PatientPathway.Outcome.Refused) result).rejection()));
    }
  }

  private void proposeInstead(Wanted want, Rejection why) {
    var result = tryRegister(want, CodeState.PROPOSED, Remark.of(why));
    if (result instanceof PatientPathway.Outcome.Recorded recorded) {
      outcomes.add(new Outcome.ProposedInstead(want, why, recorded.fact()));
    } else {
      outcomes.add(
          new Outcome.NotDerivable(want, ((PatientPathway.Outcome.Refused) result).rejection()));
    }
  }

  private PatientPathway.Outcome tryRegister(Wanted want, CodeState state, @Nullable Remark note) {
    var code = rules.resolve(want.key());
    if (code.isEmpty()) {
      return new PatientPathway.Outcome.Refused(unknownCode(want.key()));
    }
    return pathway.register(
        new PatientPathway.NewCode(
            code.get(), want.date(), state, want.origin(), want.startBasis(), null, null, note),
        rules,
        context);
  }

  private void correct(Registration current, Wanted want) {
    var reason =
        ReconciliationRemark.EVENTS_CHANGED.with(String.join(", ", want.origin().sources()));
    PatientPathway.Outcome result;
    if (current.code().key().equals(want.key())) {
      result = pathway.correct(current.id(), null, want.date(), reason, rules, context);
    } else {
      var code = rules.resolve(want.key());
      result =
          code.isEmpty()
              ? new PatientPathway.Outcome.Refused(unknownCode(want.key()))
              : pathway.correct(
                  current.id(),
                  code.get(),
                  current.date().equals(want.date()) ? null : want.date(),
                  reason,
                  rules,
                  context);
    }
    if (result instanceof PatientPathway.Outcome.Recorded recorded) {
      outcomes.add(new Outcome.Corrected(want, recorded.fact()));
      return;
    }
    withdraw(current, ReconciliationRemark.CHANGED_NOW_PROPOSED.with());
    proposeInstead(want, ((PatientPathway.Outcome.Refused) result).rejection());
  }

  private void confirm(Registration current) {
    if (pathway.confirm(current.id(), rules, context)
        instanceof PatientPathway.Outcome.Recorded recorded) {
      outcomes.add(new Outcome.Confirmed(recorded.fact()));
    }
  }

  private void withdraw(Registration code, Remark reason) {
    var result = pathway.withdraw(code.id(), reason, rules, context);
    if (result instanceof PatientPathway.Outcome.Recorded recorded) {
      outcomes.add(new Outcome.Withdrawn(recorded.fact()));
    } else {
      outcomes.add(
          new Outcome.NotWithdrawn(
              code.id(), ((PatientPathway.Outcome.Refused) result).rejection()));
    }
  }

  /** Registrations a person registered, corrected, withdrew or rejected. */
  private Set<UUID> personTouched() {
    var touched = new HashSet<UUID>();
    for (var fact : pathway.history()) {
      if (!fact.actor().equals(context.actor()) && fact.kind() != CodeFact.Kind.CONFIRMED) {
        touched.add(fact.registration());
      }
    }
    return touched;
  }

  /** A derived code a person withdrew or rejected is not derived again. */
  private boolean refusedBefore(Wanted want) {
    var history = pathway.history();
    var registered = new LinkedHashMap<UUID, CodeFact>();
    for (var fact : history) {
      if (fact.kind() == CodeFact.Kind.REGISTERED && fact.origin().isDerived()) {
        registered.put(fact.registration(), fact);
      }
    }
    for (var fact : history) {
      if ((fact.kind() == CodeFact.Kind.WITHDRAWN || fact.kind() == CodeFact.Kind.REJECTED)
          && !fact.actor().equals(context.actor())) {
        var original = registered.get(fact.registration());
        if (original != null
            && original.code() != null
            && want.key().equals(original.code().key())
            && want.date().equals(original.date())) {
          return true;
        }
      }
    }
    return false;
  }

  private Rejection unknownCode(String key) {
    return Rejection.of(Reason.UNKNOWN_CODE, key, rules.pathway().names().nb());
  }

  private static boolean same(Registration current, Wanted want) {
    return current.code().key().equals(want.key()) && current.date().equals(want.date());
  }

  /** The codes by slot: milestone and position among that milestone's codes by date. */
  private static Map<String, Registration> slots(List<Registration> codes) {
    var slots = new LinkedHashMap<String, Registration>();
    var counters = new LinkedHashMap<Milestone, Integer>();
    codes.stream()
        .sorted(Comparator.comparing(Registration::date))
        .forEach(
            code -> {
              var n = counters.merge(code.code().milestone(), 1, Integer::sum);
              slots.put(code.code().milestone() + "#" + n, code);
            });
    return slots;
  }
}
