package no.forlop.coding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.forlop.audit.Actor;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Milestone;
import no.forlop.coding.domain.Derivation;
import no.forlop.coding.domain.DerivationResult;
import no.forlop.coding.domain.DerivationRules;
import no.forlop.coding.domain.ProblemCode;
import no.forlop.coding.persistence.ClinicalEventStore;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.InvalidPathwayRequestException;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.PathwayWork;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.domain.CodeFact;
import no.forlop.pathway.domain.CodeState;
import no.forlop.pathway.domain.Origin;
import no.forlop.terminology.TerminologyService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic registration: stores EHR facts, derives each affected patient's codes and brings
 * their pathways in line — registering, correcting, withdrawing or proposing derived codes through
 * the pathway engine, so that every coding rule still applies. A code a person registered,
 * corrected, withdrew or rejected always wins over the derivation; where they disagree, the derived
 * code stays visible as a proposal.
 */
@Service
public class DerivingCodes {

  /** The actor of every change the derivation makes. */
  public static final Actor DERIVATION = new Actor("system:derivation", "AUTOMATIC_REGISTRATION");

  private static final Logger log = LoggerFactory.getLogger(DerivingCodes.class);

  private final ClinicalEventStore events;
  private final PathwayService pathways;
  private final CatalogueService catalogues;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TerminologyService terminologies;
  private final DerivationRules rules = RuleSetLoader.bundled();

  DerivingCodes(
      ClinicalEventStore events,
      PathwayService pathways,
      CatalogueService catalogues,
      JdbcClient jdbc,
      JdbcTemplate batch,
      PlatformTransactionManager transactionManager,
      Clock clock,
      TerminologyService terminologies) {
    this.events = events;
    this.pathways = pathways;
    this.catalogues = catalogues;
    this.jdbc = jdbc;
    this.batch = batch;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.terminologies = terminologies;
    log.info("Derivation rules version {} loaded ({} rules)", rules.version(), rules.all().size());
  }

  public DerivationRules rules() {
    return rules;
  }

  /**
   * Stores facts (in one transaction: all or none), and returns the keys of the patients whose
   * facts changed. Storing the same fact again changes nothing.
   */
  public Set<String> store(List<ClinicalEvent> facts, @Nullable UUID delivery) {
    return Objects.requireNonNull(
        transactions.execute(status -> events.store(facts, delivery, clock.instant())));
  }

  /**
   * The facts of this FHIR resource type that carry this business identifier, as the sender knows
   * them ({@code Encounter/e1}): what a conditional create ({@code If-None-Exist}) asks for.
   *
   * @param identifier {@code system|value}, or {@code value} alone (any system), as in a FHIR token
   *     search
   */
  public List<String> factsWithIdentifier(String resourceType, String identifier) {
    return events.displaysWithIdentifier(resourceType, identifier);
  }

  /** How many patients one transaction derives. */
  static final int CHUNK = 200;

  /**
   * Derives the codes of these patients, a chunk of patients per transaction: their facts are read
   * in one go, their pathways loaded and changed in one unit of work, and the results stored in
   * batches.
   */
  public void derive(Collection<String> patients) {
    var all = List.copyOf(new java.util.LinkedHashSet<>(patients));
    for (int from = 0; from < all.size(); from += CHUNK) {
      var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      transactions.executeWithoutResult(status -> deriveChunk(chunk));
    }
  }

  /**
   * Derives every patient's codes again (e.g. after new rules or a new catalogue); returns how many
   * patients.
   */
  public int deriveAll() {
    var patients = events.patients();
    derive(patients);
    return patients.size();
  }

  /** What the last derivations could not use, and why. */
  public List<DerivationResult.Problem> problems() {
    return jdbc.sql(
            "select source, reason, code, args from derivation_problem order by source, reason")
        .query((rs, n) -> problemOf(rs))
        .list();
  }

  /** The tracked milestones (e.g. BIOPSY) of a pathway instance. */
  public List<DerivationResult.TrackedMilestone> milestonesOf(UUID pathway) {
    return jdbc.sql(
            "select type, date, rule_id, sources from tracked_milestone where pathway_id = :p"
                + " order by date, type")
        .param("p", pathway)
        .query(
            (rs, n) ->
                new DerivationResult.TrackedMilestone(
                    rs.getString("type"),
                    rs.getObject("date", LocalDate.class),
                    rs.getString("rule_id"),
                    List.of(rs.getString("sources").split("\n"))))
        .list();
  }

  private void deriveChunk(List<String> patients) {
    var catalogue = catalogues.current();
    var derivation = new Derivation(catalogue, rules, terminologies.current());
    var results = events.factsOf(patients).values().stream().map(derivation::derive).toList();
    var identifiers =
        results.stream()
            .map(DerivationResult::patientIdentifier)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    var work = pathways.work(identifiers, DERIVATION);
    var problems = new ArrayList<Object[]>();
    var milestones = new LinkedHashMap<UUID, List<DerivationResult.TrackedMilestone>>();
    var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (var result : results) {
      var found = new ArrayList<>(result.problems());
      if (result.patientIdentifier() != null) {
        var existing = new ArrayList<>(work.pathwaysOf(result.patientIdentifier()));
        var used = new HashSet<UUID>();
        for (var instance : result.instances()) {
          UUID pathway;
          try {
            pathway = instanceFor(work, result.patientIdentifier(), instance, existing, used);
          } catch (InvalidPathwayRequestException refused) {
            // e.g. a second mental-health pathway while one is open: not opened, reported (the
            // text points to the type change; which type is right is a clinical judgement)
            var source =
                instance.codes().stream()
                    .flatMap(c -> c.sources().stream())
                    .findFirst()
                    .orElse("pathway " + instance.pathway());
            found.add(
                DerivationResult.Problem.of(
                    source, ProblemCode.PATHWAY_REFUSED, refused.getMessage()));
            continue;
          }
          used.add(pathway);
          new Reconciliation(work, pathway, instance, found).run();
          milestones.put(pathway, instance.milestones());
        }
        for (var stale : existing) {
          if (!used.contains(stale.id())) {
            new Reconciliation(work, stale.id(), null, found).run();
            milestones.put(stale.id(), List.of());
          }
        }
      }
      for (var problem : found) {
        problems.add(
            new Object[] {
              result.patient(),
              problem.source(),
              problem.reason(),
              problem.code().name(),
              problem.args().toArray(String[]::new),
              now
            });
      }
    }
    work.commit();
    jdbc.sql("delete from derivation_problem where patient_key in (:p)")
        .param("p", patients)
        .update();
    batch.batchUpdate(
        """
        insert into derivation_problem (patient_key, source, reason, code, args, derived_at)
        values (?, ?, ?, ?, ?, ?)
        """,
        problems);
    if (!milestones.isEmpty()) {
      jdbc.sql("delete from tracked_milestone where pathway_id in (:p)")
          .param("p", milestones.keySet())
          .update();
      var rows = new ArrayList<Object[]>();
      milestones.forEach(
          (pathway, list) ->
              list.forEach(
                  m ->
                      rows.add(
                          new Object[] {
                            pathway,
                            m.type(),
                            m.date(),
                            m.rule(),
                            String.join("\n", m.sources()),
                            now
                          })));
      batch.batchUpdate(
          """
          insert into tracked_milestone (pathway_id, type, date, rule_id, sources, derived_at)
          values (?, ?, ?, ?, ?, ?)
          """,
          rows);
    }
  }

  private UUID instanceFor(
      PathwayWork work,
      String patient,
      DerivationResult.Instance instance,
      List<PathwayView> existing,
      Set<UUID> used) {
    var candidates =
        existing.stream()
            .filter(p -> !used.contains(p.id()))
            .filter(p -> p.pathway().equals(instance.pathway()))
            .filter(p -> p.organisation().equals(instance.organisation()))
            .toList();
    var ours =
        candidates.stream()
            .filter(
                p ->
                    p.codes().stream()
                        .anyMatch(
                            c ->
                                c.milestone() == Milestone.PATHWAY_START
                                    && c.date().equals(instance.start())))
            .findFirst()
            .or(() -> candidates.stream().filter(p -> p.state().isOpen()).findFirst())
            .or(() -> candidates.stream().findFirst());
    if (ours.isPresent()) {
      return ours.get().id();
    }
    var created =
        work.create(new CreatePathway(patient, instance.pathway(), instance.organisation(), null));
    existing.add(created);
    return created.id();
  }

  /**
   * Brings one pathway's derived codes in line with what the derivation found. Slots are a
   * milestone and its position (a mental-health pathway can have two decisions); in each slot the
   * code a person registered or changed wins.
   */
  private final class Reconciliation {
    private final PathwayWork work;
    private final UUID pathway;
    private final DerivationResult.@Nullable Instance instance;
    private final List<DerivationResult.Problem> problems;
    private PathwayView view;

    Reconciliation(
        PathwayWork work,
        UUID pathway,
        DerivationResult.@Nullable Instance instance,
        List<DerivationResult.Problem> problems) {
      this.work = work;
      this.pathway = pathway;
      this.instance = instance;
      this.problems = problems;
      this.view = work.view(pathway);
    }

    void run() {
      var byPerson = personTouched();
      var derivedNow = new LinkedHashMap<String, PathwayView.Code>();
      var personal = new LinkedHashMap<String, PathwayView.Code>();
      slot(
          view.codes().stream()
              .filter(c -> isDerived(c) && !byPerson.contains(c.registration()))
              .toList(),
          derivedNow);
      slot(
          view.codes().stream()
              .filter(c -> !isDerived(c) || byPerson.contains(c.registration()))
              .toList(),
          personal);
      var desired = new LinkedHashMap<String, DerivationResult.Code>();
      if (instance != null) {
        var counters = new LinkedHashMap<Milestone, Integer>();
        for (var code : instance.codes()) {
          var n = counters.merge(code.milestone(), 1, Integer::sum);
          desired.put(code.milestone() + "#" + n, code);
        }
      }
      // withdrawals first, latest first, so that the codes stay in order at every step
      var stale =
          derivedNow.entrySet().stream()
              .filter(e -> !desired.containsKey(e.getKey()))
              .map(Map.Entry::getValue)
              .sorted(Comparator.comparing(PathwayView.Code::date).reversed())
              .toList();
      for (var code : stale) {
        withdraw(code, "The EHR events behind this code no longer support it");
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
          withdraw(current, "Replaced: the EHR events now give " + want.key() + " " + want.date());
          register(want, want.state(), want.note());
        } else {
          correct(current, want);
        }
      }
    }

    /** A person's code wins; a differing derivation stays visible as a proposal. */
    private void followPerson(
        DerivationResult.Code want, PathwayView.@Nullable Code current, PathwayView.Code person) {
      if (person.key().equals(want.key()) && person.date().equals(want.date())) {
        if (current != null) {
          withdraw(current, "A person registered the same code");
        }
        return;
      }
      if (current != null && same(current, want) && current.state() == CodeState.PROPOSED) {
        return;
      }
      if (current != null) {
        withdraw(current, "Replaced by a proposal: a person registered a different code");
      }
      register(
          want,
          CodeState.PROPOSED,
          "Differs from the code a person registered: "
              + Objects.requireNonNullElse(person.code(), person.key())
              + " "
              + person.date());
    }

    private void register(DerivationResult.Code want, CodeState state, @Nullable String note) {
      var result =
          work.register(
              pathway,
              new RegisterCode(
                  want.key(),
                  want.date(),
                  state,
                  origin(want),
                  want.startBasis(),
                  null,
                  null,
                  note));
      if (result instanceof ChangeResult.Refused refused) {
        if (state == CodeState.REGISTERED) {
          register(want, CodeState.PROPOSED, refused.rejection().englishText());
        } else {
          problems.add(
              DerivationResult.Problem.of(
                  String.join(", ", want.sources()),
                  ProblemCode.CODE_REFUSED,
                  want.key(),
                  want.date(),
                  refused.rejection().englishText()));
        }
      } else {
        view = ((ChangeResult.Changed) result).pathway();
      }
    }

    private void correct(PathwayView.Code current, DerivationResult.Code want) {
      var result =
          work.correct(
              pathway,
              current.registration(),
              current.key().equals(want.key()) ? null : want.key(),
              current.date().equals(want.date()) ? null : want.date(),
              "The EHR events changed (" + String.join(", ", want.sources()) + ")");
      if (result instanceof ChangeResult.Changed changed) {
        view = changed.pathway();
        return;
      }
      withdraw(current, "The EHR events changed; the new code is proposed");
      register(want, CodeState.PROPOSED, ((ChangeResult.Refused) result).rejection().englishText());
    }

    private void confirm(PathwayView.Code current) {
      if (work.confirm(pathway, current.registration()) instanceof ChangeResult.Changed changed) {
        view = changed.pathway();
      }
    }

    private void withdraw(PathwayView.Code code, String reason) {
      var result = work.withdraw(pathway, code.registration(), reason);
      if (result instanceof ChangeResult.Changed changed) {
        view = changed.pathway();
      } else {
        log.warn(
            "Could not withdraw a derived code from pathway {}: {}",
            pathway,
            ((ChangeResult.Refused) result).rejection().reason());
      }
    }

    /** Registrations a person registered, corrected, withdrew or rejected. */
    private Set<UUID> personTouched() {
      var touched = new HashSet<UUID>();
      for (var fact : view.history()) {
        if (!fact.actor().equals(DERIVATION.id()) && fact.kind() != CodeFact.Kind.CONFIRMED) {
          touched.add(fact.registration());
        }
      }
      return touched;
    }

    /** A derived code a person withdrew or rejected is not derived again. */
    private boolean refusedBefore(DerivationResult.Code want) {
      var registered = new LinkedHashMap<UUID, PathwayView.Fact>();
      for (var fact : view.history()) {
        if (fact.kind() == CodeFact.Kind.REGISTERED && "DERIVED".equals(fact.origin())) {
          registered.put(fact.registration(), fact);
        }
      }
      for (var fact : view.history()) {
        if ((fact.kind() == CodeFact.Kind.WITHDRAWN || fact.kind() == CodeFact.Kind.REJECTED)
            && !fact.actor().equals(DERIVATION.id())) {
          var original = registered.get(fact.registration());
          if (original != null
              && want.key().equals(original.key())
              && want.date().equals(original.date())) {
            return true;
          }
        }
      }
      return false;
    }

    private Origin origin(DerivationResult.Code want) {
      var inputs = new LinkedHashMap<>(want.inputs());
      inputs.put("catalogueVersion", catalogues.current().version());
      return Origin.derived(want.rule(), rules.version(), want.sources(), inputs);
    }
  }

  /**
   * A stored problem: by its code and arguments, or (stored before problems had codes) by its
   * English text.
   */
  private static DerivationResult.Problem problemOf(java.sql.ResultSet rs)
      throws java.sql.SQLException {
    var code = rs.getString("code");
    var args = rs.getArray("args");
    if (code == null || args == null) {
      return DerivationResult.Problem.of(
          rs.getString("source"), ProblemCode.UNCODED, rs.getString("reason"));
    }
    return new DerivationResult.Problem(
        rs.getString("source"), ProblemCode.valueOf(code), List.of((String[]) args.getArray()));
  }

  private static boolean isDerived(PathwayView.Code code) {
    return "DERIVED".equals(code.origin());
  }

  private static boolean same(PathwayView.Code current, DerivationResult.Code want) {
    return current.key().equals(want.key()) && current.date().equals(want.date());
  }

  private static void slot(List<PathwayView.Code> codes, Map<String, PathwayView.Code> into) {
    var counters = new LinkedHashMap<Milestone, Integer>();
    codes.stream()
        .sorted(Comparator.comparing(PathwayView.Code::date))
        .forEach(
            code -> {
              var n = counters.merge(code.milestone(), 1, Integer::sum);
              into.put(code.milestone() + "#" + n, code);
            });
  }
}
