package no.forlop.coding;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Localized;
import no.forlop.coding.domain.Derivation;
import no.forlop.coding.domain.DerivationResult;
import no.forlop.coding.domain.DerivationRule;
import no.forlop.coding.domain.DerivationRules;
import no.forlop.coding.domain.ProblemCode;
import no.forlop.coding.persistence.ClinicalEventStore;
import no.forlop.database.AdvisoryLocks;
import no.forlop.pathway.DerivationRefusal;
import no.forlop.pathway.DerivedCode;
import no.forlop.pathway.DerivedInstance;
import no.forlop.pathway.OrganisationNumber;
import no.forlop.pathway.PathwayDefinitionId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PatientDerivation;
import no.forlop.pathway.Remark;
import no.forlop.pathway.RuleExplanations;
import no.forlop.pathway.TrackedMilestone;
import no.forlop.patient.PatientIdentifier;
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
 * The automatic registration: stores EHR facts, derives each affected patient's pathway instances
 * and codes, and hands them to the pathway module, which brings the pathways in line (a person's
 * code always wins there; see {@link PathwayService#applyDerivations}). Keeps what could not be
 * used, and why, as the derivation's problems.
 */
@Service
public class DerivingCodes implements RuleExplanations {

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
  private final AdvisoryLocks locks;
  private final DerivationRules rules = RuleSetLoader.bundled();

  DerivingCodes(
      ClinicalEventStore events,
      PathwayService pathways,
      CatalogueService catalogues,
      JdbcClient jdbc,
      JdbcTemplate batch,
      PlatformTransactionManager transactionManager,
      Clock clock,
      TerminologyService terminologies,
      AdvisoryLocks locks) {
    this.events = events;
    this.pathways = pathways;
    this.catalogues = catalogues;
    this.jdbc = jdbc;
    this.batch = batch;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.terminologies = terminologies;
    this.locks = locks;
    log.info("Derivation rules version {} loaded ({} rules)", rules.version(), rules.all().size());
  }

  public DerivationRules rules() {
    return rules;
  }

  @Override
  public String ruleSetVersion() {
    return rules.version();
  }

  @Override
  public Optional<Localized> question(String ruleId) {
    return rules.all().stream()
        .filter(rule -> rule.id().equals(ruleId))
        .findFirst()
        .map(DerivationRule::question);
  }

  /**
   * Stores facts (in one transaction: all or none), and returns the keys of the patients whose
   * facts changed and the facts that were new. Storing the same fact again changes nothing.
   */
  public StoredFacts store(List<ClinicalEvent> facts, @Nullable UUID delivery) {
    return Objects.requireNonNull(
        transactions.execute(
            status -> {
              // the same resource received by two nodes at once is stored once (ADR 0032): the
              // second waits, then finds it stored; the same for a business identifier's alias
              locks.lockForTransaction(AdvisoryLocks.Space.SOURCE, sourcesOf(facts));
              return events.store(facts, delivery, clock.instant());
            }));
  }

  private static List<String> sourcesOf(List<ClinicalEvent> facts) {
    var names = new java.util.HashSet<String>();
    for (var fact : facts) {
      names.add(fact.source().key());
      names.addAll(fact.source().identifiers());
    }
    return List.copyOf(names);
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
   * Derives the codes of these patients as {@link #derive(Collection)} does, split into {@code
   * ways} disjoint sets of patients derived at the same time, each on its own thread and in its own
   * transactions (a bulk import's chunk on both cores). Returns when every set is derived; a
   * failure of any set is thrown after all sets have stopped. No lock is needed between the sets:
   * each patient is in one set only, and each set locks its own patients' pathways.
   */
  public void derive(Collection<String> patients, int ways) {
    var all = List.copyOf(new java.util.LinkedHashSet<>(patients));
    if (ways <= 1 || all.size() < 2 * MIN_PER_WAY) {
      derive(all);
      return;
    }
    var parts = split(all, ways);
    var others = new ArrayList<java.util.concurrent.Future<?>>();
    for (var part : parts.subList(1, parts.size())) {
      others.add(helpers().submit(() -> derive(part)));
    }
    RuntimeException failure = null;
    try {
      derive(parts.get(0));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (var other : others) {
      try {
        waitFor(other);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Fewer patients than this for each thread are derived on one: not worth a second thread. */
  static final int MIN_PER_WAY = 8;

  /**
   * The patients in {@code ways} disjoint sets of (nearly) equal size, each in the order given, in
   * stretches (a patient's neighbours in a delivery go to the same set).
   */
  static List<List<String>> split(List<String> patients, int ways) {
    var parts = new ArrayList<List<String>>();
    int size = (patients.size() + ways - 1) / ways;
    for (int from = 0; from < patients.size(); from += size) {
      parts.add(patients.subList(from, Math.min(patients.size(), from + size)));
    }
    return parts;
  }

  private static void waitFor(java.util.concurrent.Future<?> future) {
    try {
      future.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // the other set goes on to its end in its own transactions; this caller stops waiting
      throw new IllegalStateException("interrupted while deriving", e);
    }
  }

  private java.util.concurrent.@Nullable ExecutorService helpers;

  private synchronized java.util.concurrent.ExecutorService helpers() {
    if (helpers == null) {
      helpers =
          java.util.concurrent.Executors.newCachedThreadPool(
              r -> {
                var thread = new Thread(r, "derive-helper");
                thread.setDaemon(true);
                return thread;
              });
    }
    return helpers;
  }

  @jakarta.annotation.PreDestroy
  synchronized void stopHelpers() {
    if (helpers != null) {
      helpers.shutdown();
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

  private void deriveChunk(List<String> patients) {
    // one derivation of a patient at a time, across every node sharing the database (ADR 0032):
    // locked before the facts are read, so the derivation that runs last has read every fact
    // stored before it, and the first pathway of a patient (no row yet to lock) is opened once
    locks.lockForTransaction(AdvisoryLocks.Space.PATIENT_KEY, patients);
    var catalogue = catalogues.current();
    var derivation = new Derivation(catalogue, rules, terminologies.current());
    var results = events.factsOf(patients).values().stream().map(derivation::derive).toList();
    var known = results.stream().filter(r -> r.patientIdentifier() != null).toList();
    var refusals =
        pathways.applyDerivations(
            known.stream().map(r -> derived(r, catalogue.version())).toList(), DERIVATION);
    var problems = new ArrayList<Object[]>();
    var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    var next = refusals.iterator();
    for (var result : results) {
      var found = new ArrayList<>(result.problems());
      if (result.patientIdentifier() != null) {
        found.addAll(organisationProblems(result));
        next.next().forEach(refusal -> found.add(problemOf(refusal)));
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
    jdbc.sql("delete from derivation_problem where patient_key in (:p)")
        .param("p", patients)
        .update();
    batch.batchUpdate(
        """
        insert into derivation_problem (patient_key, source, reason, code, args, derived_at)
        values (?, ?, ?, ?, ?, ?)
        """,
        problems);
  }

  /** What the derivation found for one patient, as the pathway module takes it. */
  private PatientDerivation derived(DerivationResult result, String catalogueVersion) {
    return new PatientDerivation(
        PatientIdentifier.parse(Objects.requireNonNull(result.patientIdentifier())),
        result.instances().stream()
            .filter(instance -> OrganisationNumber.isValid(instance.organisation()))
            .map(
                instance ->
                    new DerivedInstance(
                        PathwayDefinitionId.of(instance.pathway()),
                        OrganisationNumber.of(instance.organisation()),
                        instance.start(),
                        instance.codes().stream().map(c -> derived(c, catalogueVersion)).toList(),
                        instance.milestones().stream()
                            .map(
                                m ->
                                    new TrackedMilestone(
                                        m.type(), m.date(), m.rule(), m.sources(), m.detail()))
                            .toList(),
                        transfer(instance.transferredFrom()),
                        instance.unused().stream()
                            .map(
                                p ->
                                    new no.forlop.pathway.UnusedFact(
                                        p.source(),
                                        no.forlop.pathway.Remark.of(
                                            p.code().key(), p.args().toArray()),
                                        p.code().ignored()))
                            .toList()))
            .toList());
  }

  /** The sender of a transfer, where the pathway module takes its organisation. */
  private static DerivedInstance.@Nullable Transfer transfer(
      DerivationResult.@Nullable Transfer transfer) {
    if (transfer == null || !OrganisationNumber.isValid(transfer.organisation())) {
      return null;
    }
    return new DerivedInstance.Transfer(
        OrganisationNumber.of(transfer.organisation()),
        transfer.senderStart(),
        transfer.sentOn(),
        no.forlop.coding.domain.RuleId.TRANSFER_SENT.id());
  }

  /**
   * The instances at an organisation the pathway module does not take (not an organisation number
   * or other identifier it accepts): not handed over, reported as the refusal to open them reads.
   */
  private static List<DerivationResult.Problem> organisationProblems(DerivationResult result) {
    var problems = new ArrayList<DerivationResult.Problem>();
    for (var instance : result.instances()) {
      if (!OrganisationNumber.isValid(instance.organisation())) {
        problems.add(
            new DerivationResult.Problem(
                instance.codes().stream()
                    .flatMap(c -> c.sources().stream())
                    .findFirst()
                    .orElse("pathway " + instance.pathway()),
                ProblemCode.PATHWAY_REFUSED,
                ProblemCode.PATHWAY_REFUSED.withRemark(
                    List.of(),
                    Remark.of("problem.INVALID_ORGANISATION", instance.organisation()))));
      }
    }
    return problems;
  }

  private DerivedCode derived(DerivationResult.Code code, String catalogueVersion) {
    var inputs = new LinkedHashMap<>(code.inputs());
    inputs.put("catalogueVersion", catalogueVersion);
    return new DerivedCode(
        code.key(),
        code.milestone(),
        code.date(),
        code.state(),
        code.startBasis(),
        code.note(),
        code.rule(),
        rules.version(),
        code.sources(),
        inputs);
  }

  /** A refusal of the pathway rules, as a problem of the derivation (source and reason). */
  private static DerivationResult.Problem problemOf(DerivationRefusal refusal) {
    if (refusal instanceof DerivationRefusal.NotOpened notOpened) {
      // e.g. a second mental-health pathway while one is open: not opened, reported (the text
      // points to the type change; which type is right is a clinical judgement)
      var instance = notOpened.instance();
      var source =
          instance.codes().stream()
              .flatMap(c -> c.sources().stream())
              .findFirst()
              .orElse("pathway " + instance.pathway().value());
      return new DerivationResult.Problem(
          source,
          ProblemCode.PATHWAY_REFUSED,
          ProblemCode.PATHWAY_REFUSED.withRemark(List.of(), notOpened.remark()));
    }
    var refused = (DerivationRefusal.NotDerivable) refusal;
    var code = refused.code();
    return new DerivationResult.Problem(
        String.join(", ", code.sources()),
        ProblemCode.CODE_REFUSED,
        ProblemCode.CODE_REFUSED.withRemark(
            List.of(code.key(), code.date().toString()), Remark.of(refused.rejection())));
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
}
