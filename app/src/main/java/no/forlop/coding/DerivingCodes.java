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
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Milestone;
import no.forlop.coding.domain.Derivation;
import no.forlop.coding.domain.DerivationResult;
import no.forlop.coding.domain.DerivationRules;
import no.forlop.coding.persistence.ClinicalEventStore;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.domain.CodeFact;
import no.forlop.pathway.domain.CodeState;
import no.forlop.pathway.domain.Origin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final DerivationRules rules = RuleSetLoader.bundled();

  DerivingCodes(
      ClinicalEventStore events,
      PathwayService pathways,
      CatalogueService catalogues,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.events = events;
    this.pathways = pathways;
    this.catalogues = catalogues;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
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

  /** Derives the codes of these patients, each in its own transaction. */
  public void derive(Collection<String> patients) {
    for (var patient : patients) {
      transactions.executeWithoutResult(status -> derive(patient));
    }
  }

  /** Derives every patient's codes again (e.g. after new rules or a new catalogue). */
  public void deriveAll() {
    derive(events.patients());
  }

  /** What the last derivations could not use, and why. */
  public List<DerivationResult.Problem> problems() {
    return jdbc.sql("select source, reason from derivation_problem order by source, reason")
        .query(
            (rs, n) -> new DerivationResult.Problem(rs.getString("source"), rs.getString("reason")))
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

  private void derive(String patient) {
    var catalogue = catalogues.current();
    var result = new Derivation(catalogue, rules).derive(events.factsOf(patient));
    var problems = new ArrayList<>(result.problems());
    var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (result.patientIdentifier() != null) {
      var today = OsloTime.today(clock);
      var existing = new ArrayList<>(pathways.forDerivation(result.patientIdentifier(), today));
      var used = new HashSet<UUID>();
      for (var instance : result.instances()) {
        var pathway = instanceFor(result.patientIdentifier(), instance, existing, used, today);
        used.add(pathway);
        new Reconciliation(pathway, instance, today, problems).run();
        replaceMilestones(pathway, instance.milestones(), now);
      }
      for (var stale : existing) {
        if (!used.contains(stale.id())) {
          new Reconciliation(stale.id(), null, today, problems).run();
          replaceMilestones(stale.id(), List.of(), now);
        }
      }
    }
    jdbc.sql("delete from derivation_problem where patient_key = :p").param("p", patient).update();
    for (var problem : problems) {
      jdbc.sql(
              """
              insert into derivation_problem (patient_key, source, reason, derived_at)
              values (:p, :source, :reason, :at)
              """)
          .param("p", patient)
          .param("source", problem.source())
          .param("reason", problem.reason())
          .param("at", now)
          .update();
    }
  }

  private UUID instanceFor(
      String patient,
      DerivationResult.Instance instance,
      List<PathwayView> existing,
      Set<UUID> used,
      LocalDate today) {
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
        pathways.create(
            new CreatePathway(patient, instance.pathway(), instance.organisation(), null),
            DERIVATION);
    existing.add(created);
    return created.id();
  }

  private void replaceMilestones(
      UUID pathway, List<DerivationResult.TrackedMilestone> milestones, OffsetDateTime now) {
    jdbc.sql("delete from tracked_milestone where pathway_id = :p").param("p", pathway).update();
    for (var m : milestones) {
      jdbc.sql(
              """
              insert into tracked_milestone (pathway_id, type, date, rule_id, sources, derived_at)
              values (:p, :type, :date, :rule, :sources, :at)
              """)
          .param("p", pathway)
          .param("type", m.type())
          .param("date", m.date())
          .param("rule", m.rule())
          .param("sources", String.join("\n", m.sources()))
          .param("at", now)
          .update();
    }
  }

  /**
   * Brings one pathway's derived codes in line with what the derivation found. Slots are a
   * milestone and its position (a mental-health pathway can have two decisions); in each slot the
   * code a person registered or changed wins.
   */
  private final class Reconciliation {
    private final UUID pathway;
    private final DerivationResult.@Nullable Instance instance;
    private final LocalDate today;
    private final List<DerivationResult.Problem> problems;
    private PathwayView view;

    Reconciliation(
        UUID pathway,
        DerivationResult.@Nullable Instance instance,
        LocalDate today,
        List<DerivationResult.Problem> problems) {
      this.pathway = pathway;
      this.instance = instance;
      this.today = today;
      this.problems = problems;
      this.view = pathways.oneForDerivation(pathway, today);
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
          pathways.register(
              pathway,
              new RegisterCode(
                  want.key(),
                  want.date(),
                  state,
                  origin(want),
                  want.startBasis(),
                  null,
                  null,
                  note),
              DERIVATION);
      if (result instanceof ChangeResult.Refused refused) {
        if (state == CodeState.REGISTERED) {
          register(want, CodeState.PROPOSED, refused.rejection().englishText());
        } else {
          problems.add(
              new DerivationResult.Problem(
                  String.join(", ", want.sources()),
                  "gives "
                      + want.key()
                      + " on "
                      + want.date()
                      + ", which cannot be registered even as a proposal: "
                      + refused.rejection().englishText()));
        }
      } else {
        view = ((ChangeResult.Changed) result).pathway();
      }
    }

    private void correct(PathwayView.Code current, DerivationResult.Code want) {
      var result =
          pathways.correct(
              pathway,
              current.registration(),
              current.key().equals(want.key()) ? null : want.key(),
              current.date().equals(want.date()) ? null : want.date(),
              "The EHR events changed (" + String.join(", ", want.sources()) + ")",
              DERIVATION);
      if (result instanceof ChangeResult.Changed changed) {
        view = changed.pathway();
        return;
      }
      withdraw(current, "The EHR events changed; the new code is proposed");
      register(want, CodeState.PROPOSED, ((ChangeResult.Refused) result).rejection().englishText());
    }

    private void confirm(PathwayView.Code current) {
      if (pathways.confirm(pathway, current.registration(), DERIVATION)
          instanceof ChangeResult.Changed changed) {
        view = changed.pathway();
      }
    }

    private void withdraw(PathwayView.Code code, String reason) {
      var result = pathways.withdraw(pathway, code.registration(), reason, DERIVATION);
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
