package no.forlop.pathway.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.IndicatorDefinition;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayState;
import org.jspecify.annotations.Nullable;

/**
 * Understands the lead times a patient lived through across a chain of instances linked by
 * transfers between trusts, measured as NPR measures one pathway across institutions: from the
 * first trust's start (A) to the first attendance (S), the decision (C) and the treatment start (F)
 * wherever each was registered (NPR's per-patient file names the institution of each: {@code
 * Ainst}, {@code Sinst}, {@code Cinst}, {@code Finst}). The intervals and their norms are the
 * per-instance ones ({@link LeadTimes}: OF1 first A → first S, OF2 first S → decision, OF3 decision
 * → F and OF4 first A → F per treatment type, norm in force on the interval's start day); the
 * repeating intervals (evaluations) are the treating instance's own and are not repeated here.
 *
 * <p>Pure: the chain's codes and the as-of date come in as parameters (ADR 0021).
 */
public final class PatientLeadTimes {

  private static final Set<Milestone> ACROSS =
      Set.of(
          Milestone.FIRST_ATTENDANCE,
          Milestone.CLINICAL_DECISION,
          Milestone.TREATMENT_START,
          Milestone.PATIENT_DELAY);

  private final Catalogue catalogue;
  private final CodingRules rules;

  /**
   * @param rules the coding rules of the chain's pathway (every instance of a chain is of the same
   *     pathway; the last instance's rules)
   */
  public PatientLeadTimes(Catalogue catalogue, CodingRules rules) {
    this.catalogue = catalogue;
    this.rules = rules;
  }

  /**
   * One instance of a chain.
   *
   * @param inClinicalOrder its registered codes in clinical order (as its walk gives them)
   * @param transferredOn the day the previous instance transferred the patient here; {@code null}
   *     for the first
   */
  public record Member(
      UUID id,
      String organisation,
      List<Registration> inClinicalOrder,
      PathwayState state,
      @Nullable String variant,
      @Nullable LocalDate transferredOn) {

    public Member {
      inClinicalOrder = List.copyOf(inClinicalOrder);
    }
  }

  /** A milestone of the whole pathway, with the instance (and so the trust) that registered it. */
  public record Point(UUID pathway, String organisation, String code, LocalDate date) {}

  /**
   * The patient's whole pathway across the chain.
   *
   * @param decision the first clinical decision on or after the first attendance (the end of OF2)
   * @param treatment the first treatment start (the end of OF3 and OF4): its trust is the treating
   *     trust
   */
  public record Result(
      List<Member> chain,
      @Nullable Point start,
      @Nullable Point firstAttendance,
      @Nullable Point decision,
      @Nullable Point treatment,
      List<LeadTime> leadTimes) {

    public Result {
      chain = List.copyOf(chain);
      leadTimes = List.copyOf(leadTimes);
    }
  }

  /**
   * The chain an instance belongs to, first trust first: followed back through the transfer that
   * opened each instance and forward through the transfer each sent. An instance without links is a
   * chain of one.
   */
  public static List<UUID> chainOf(UUID id, Collection<TransferLink> links) {
    var seen = new LinkedHashSet<UUID>();
    seen.add(id);
    var first = id;
    while (true) {
      var current = first;
      var before = links.stream().filter(l -> l.to().equals(current)).findFirst();
      if (before.isEmpty() || !seen.add(before.get().from())) {
        break;
      }
      first = before.get().from();
    }
    var chain = new ArrayList<UUID>();
    chain.add(first);
    var visited = new LinkedHashSet<UUID>(chain);
    while (true) {
      var current = chain.get(chain.size() - 1);
      var after = links.stream().filter(l -> l.from().equals(current)).findFirst();
      if (after.isEmpty() || !visited.add(after.get().to())) {
        break;
      }
      chain.add(after.get().to());
    }
    return chain;
  }

  /**
   * Measures the whole pathway of a chain as of a date: the first instance's start, then the first
   * attendance, decision and treatment start wherever registered; whether an open interval can
   * still end is judged by the last instance's state (where the patient is now).
   *
   * @param chain the instances, first trust first
   */
  public Result measure(List<Member> chain, LocalDate asOf) {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a chain has at least one instance");
    }
    var owner = new IdentityHashMap<Registration, Member>();
    var merged = new ArrayList<Registration>();
    var first = chain.get(0);
    first.inClinicalOrder().stream()
        .filter(r -> r.code().milestone() == Milestone.PATHWAY_START)
        .findFirst()
        .ifPresent(
            start -> {
              merged.add(start);
              owner.put(start, first);
            });
    for (var member : chain) {
      for (var r : member.inClinicalOrder()) {
        if (ACROSS.contains(r.code().milestone())) {
          merged.add(r);
          owner.put(r, member);
        }
      }
    }
    merged.sort(
        Comparator.comparing(Registration::date)
            .thenComparing(r -> r.code().milestone().ordinal()));
    var last = chain.get(chain.size() - 1);
    var repeating =
        catalogue.indicatorsOf(rules.pathway()).stream()
            .filter(IndicatorDefinition::repeating)
            .map(IndicatorDefinition::id)
            .toList();
    var leadTimes =
        new LeadTimes(catalogue, rules)
            .measure(merged, last.state(), last.variant(), asOf, false).stream()
                .filter(l -> !repeating.contains(l.indicator()))
                .toList();
    var start = firstOf(merged, Milestone.PATHWAY_START, null);
    var attendance = firstOf(merged, Milestone.FIRST_ATTENDANCE, null);
    var decision =
        firstOf(merged, Milestone.CLINICAL_DECISION, attendance == null ? null : attendance.date());
    var treatment = firstOf(merged, Milestone.TREATMENT_START, null);
    return new Result(
        chain,
        point(start, owner),
        point(attendance, owner),
        point(decision, owner),
        point(treatment, owner),
        leadTimes);
  }

  private static @Nullable Registration firstOf(
      List<Registration> merged, Milestone milestone, @Nullable LocalDate notBefore) {
    return merged.stream()
        .filter(r -> r.code().milestone() == milestone)
        .filter(r -> notBefore == null || !r.date().isBefore(notBefore))
        .findFirst()
        .orElse(null);
  }

  private static @Nullable Point point(
      @Nullable Registration registration, IdentityHashMap<Registration, Member> owner) {
    if (registration == null) {
      return null;
    }
    var member = owner.get(registration);
    return new Point(
        member.id(), member.organisation(), registration.code().display(), registration.date());
  }
}
