package no.forlop.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import no.forlop.access.Actor;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.coding.DerivingCodes;
import no.forlop.coding.StoredFacts;
import no.forlop.ingest.fhir.Delivery;
import no.forlop.ingest.fhir.FhirDeliveryReader;
import no.forlop.ingest.fhir.IntakeReason;
import no.forlop.patient.PatientDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives deliveries from the EHR: translates each resource on its own (accepted, rejected with
 * the reason, or ignored), then keeps, in one transaction, the delivery byte for byte as it came,
 * what became of every resource and the accepted facts, and derives the codes of the patients they
 * concern. Nothing is half-stored: a database that fails for a while fails the whole delivery (the
 * sender comes again), and a resource the database refuses (which the reader's checks should have
 * caught) is rejected on its own while the others are stored.
 */
@Service
public class IntakeService {

  private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

  /** How much of a rejected resource is kept beside its reason (the delivery keeps it all). */
  private static final int MAX_KEPT_JSON = 64 * 1024;

  private final FhirDeliveryReader reader = new FhirDeliveryReader();
  private final DerivingCodes coding;
  private final PatientDirectory directory;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transactions;
  private final TransactionTemplate savepoints;
  private final Clock clock;

  IntakeService(
      DerivingCodes coding,
      PatientDirectory directory,
      JdbcClient jdbc,
      JdbcTemplate batch,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.coding = coding;
    this.directory = directory;
    this.jdbc = jdbc;
    this.batch = batch;
    this.transactions = new TransactionTemplate(transactionManager);
    this.savepoints = new TransactionTemplate(transactionManager);
    this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  /**
   * Receives one delivery (a FHIR Bundle, a single resource, or NDJSON).
   *
   * @param derive derive the affected patients' codes now; {@code false} leaves it to a later
   *     {@link #derive(Collection)} (a replay of many files derives once at the end)
   * @throws UnreadableDeliveryException if the delivery is not JSON or NDJSON at all; it is kept
   */
  public IntakeReport receive(byte[] content, String channel, Actor actor, boolean derive) {
    return receive(content, channel, actor, derive, reader::read, Map.of(), Storing.ACCEPTED_FACTS);
  }

  /** What to store of a delivery in which some resources were rejected. */
  public enum Storing {
    /** The facts of the accepted resources; the rejected ones are kept and reported (a batch). */
    ACCEPTED_FACTS,
    /**
     * No fact at all if any resource was rejected (a FHIR transaction: all or nothing). The
     * delivery and every resource are still kept, the ones that were fine as ignored with the
     * reason.
     */
    ALL_OR_NOTHING
  }

  /**
   * Receives one delivery of FHIR interactions (the FHIR endpoint's batch, transaction or single
   * resource) and derives the codes of the patients it concerns at once, so that the caller can
   * read the pathways right after.
   *
   * @param alsoRejected resources the caller rejects on grounds of its own (a bundle entry whose
   *     request contradicts its resource), by position in the delivery (0 for the first), with the
   *     reason: they are kept as rejected and never stored
   * @throws UnreadableDeliveryException if the delivery is not JSON or NDJSON at all; it is kept
   */
  public IntakeReport receive(
      byte[] content,
      String channel,
      Actor actor,
      Map<Integer, IntakeReason> alsoRejected,
      Storing storing) {
    return receive(content, channel, actor, alsoRejected, Map.of(), storing);
  }

  /**
   * As {@link #receive(byte[], String, Actor, Map, Storing)}, with conditional creates: a resource
   * whose position is named in {@code ifNoneExist} is stored only if no fact of its type carries
   * the business identifier given ({@code system|value}, or {@code value} in any system). If one
   * does, the resource is ignored with the reason {@code ALREADY_EXISTS} (its {@link
   * IntakeReport.Item#existing()} says which); if several do, it is rejected with {@code
   * CONDITIONAL_MULTIPLE_MATCHES}.
   */
  public IntakeReport receive(
      byte[] content,
      String channel,
      Actor actor,
      Map<Integer, IntakeReason> alsoRejected,
      Map<Integer, String> ifNoneExist,
      Storing storing) {
    return receive(
        content,
        channel,
        actor,
        true,
        bytes -> ifNoneExist(reader.read(bytes), ifNoneExist),
        alsoRejected,
        storing);
  }

  /** The delivery with each conditional create that matches a stored fact set aside. */
  private Delivery ifNoneExist(Delivery delivery, Map<Integer, String> conditions) {
    if (conditions.isEmpty()) {
      return delivery;
    }
    var items = new ArrayList<>(delivery.items());
    conditions.forEach(
        (position, identifier) -> {
          if (position < 0
              || position >= items.size()
              || !(items.get(position) instanceof Delivery.Accepted accepted)) {
            return;
          }
          var source = accepted.source();
          var type = source.substring(0, Math.max(0, source.indexOf('/')));
          var matches = coding.factsWithIdentifier(type, identifier);
          if (matches.size() == 1) {
            items.set(
                position,
                new Delivery.Ignored(
                    source,
                    accepted.position(),
                    IntakeReason.of("ALREADY_EXISTS", source, matches.get(0))));
          } else if (matches.size() > 1) {
            items.set(
                position,
                new Delivery.Rejected(
                    source,
                    accepted.position(),
                    IntakeReason.of(
                        "CONDITIONAL_MULTIPLE_MATCHES", source, String.valueOf(matches.size())),
                    accepted.json()));
          }
        });
    return new Delivery(items);
  }

  /**
   * Receives a stretch of a larger NDJSON file, e.g. one chunk of a bulk import, as a delivery of
   * its own: every line is read on its own (a bad line is rejected, never the stretch), and reasons
   * name the line's number in the whole file.
   *
   * @param firstLine the number, in the whole file, of the stretch's first line (1 for the first)
   * @param derive as for {@link #receive(byte[], String, Actor, boolean)}
   */
  public IntakeReport receiveLines(
      byte[] ndjson, long firstLine, String channel, Actor actor, boolean derive) {
    return receive(
        ndjson,
        channel,
        actor,
        derive,
        bytes -> reader.readLines(bytes, firstLine),
        Map.of(),
        Storing.ACCEPTED_FACTS);
  }

  // --- resilience (bulk chunks stored exactly once): begin -------------------------------------

  /**
   * Receives a stretch of NDJSON as {@link #receiveLines} does, without deriving, but in ONE
   * transaction together with what {@code inSameTransaction} writes: the delivery row, its
   * statuses, every resource's outcome and the facts are stored with the caller's own record of the
   * stretch (a bulk import marks its chunk stored there), or none of it is. A stop or a database
   * failure in the middle leaves no trace, so the stretch is received again from the start, and
   * never twice.
   *
   * <p>Everything {@link #receive} writes must join this transaction (plain {@code
   * TransactionTemplate}s with the default propagation do); a write in a transaction of its own
   * here would break the promise. A write that may fail and be tried again inside (storing one
   * resource at a time after a refusal) must be behind a savepoint ({@code PROPAGATION_NESTED}):
   * PostgreSQL aborts the whole transaction at the first failed statement.
   *
   * @param inSameTransaction called last, inside the transaction, with the report; an exception
   *     from it rolls everything back
   */
  public IntakeReport receiveLinesOnce(
      byte[] ndjson,
      long firstLine,
      String channel,
      Actor actor,
      Consumer<IntakeReport> inSameTransaction) {
    return transactions.execute(
        tx -> {
          var report = receiveLines(ndjson, firstLine, channel, actor, false);
          inSameTransaction.accept(report);
          return report;
        });
  }

  // --- resilience: end ---------------------------------------------------------------------------

  private IntakeReport receive(
      byte[] content,
      String channel,
      Actor actor,
      boolean derive,
      Function<byte[], Delivery> read,
      Map<Integer, IntakeReason> alsoRejected,
      Storing storing) {
    var id = UUID.randomUUID();
    var at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    var received = new Received(id, channel, actor, at, content);
    Delivery delivery;
    try {
      delivery = rejecting(read.apply(content), alsoRejected);
    } catch (no.forlop.ingest.fhir.UnreadableDeliveryException e) {
      transactions.executeWithoutResult(
          tx -> {
            keepDelivery(received);
            status(id, "UNREADABLE", e.getMessage());
          });
      throw new UnreadableDeliveryException(e.getMessage(), e);
    }
    if (storing == Storing.ALL_OR_NOTHING && !delivery.rejected().isEmpty()) {
      return refuse(received, delivery);
    }
    Stored stored;
    try {
      // a savepoint, not the caller's transaction: a bulk chunk's transaction goes on after it
      stored = savepoints.execute(tx -> store(received, delivery));
    } catch (DataAccessException e) {
      if (isTransient(e)) {
        throw e;
      }
      // one resource the checks let through still broke the database's rules: store the others
      log.warn(
          "Delivery {} could not be stored as a whole ({}); storing its resources one by one",
          id,
          e.getClass().getSimpleName());
      stored = savepoints.execute(tx -> storeOneByOne(received, delivery, storing, tx));
      if (storing == Storing.ALL_OR_NOTHING && !stored.delivery().rejected().isEmpty()) {
        return refuse(received, stored.delivery());
      }
    }
    if (derive) {
      coding.derive(stored.patients());
      status(id, "PROCESSED", null);
    }
    return report(id, stored.delivery(), stored.patients());
  }

  /** A delivery as it came: who sent it, when, and its bytes. */
  private record Received(UUID id, String channel, Actor actor, OffsetDateTime at, byte[] body) {}

  /** What was stored of a delivery: what became of each resource, and the patients concerned. */
  private record Stored(Delivery delivery, Set<String> patients) {}

  /**
   * Keeps the delivery, what became of each resource and the facts, in the caller's transaction.
   */
  private Stored store(Received received, Delivery delivery) {
    keepDelivery(received);
    var patients = kept(coding.store(delivery.events(), received.id()), received);
    keepItems(received.id(), delivery, received.at());
    status(received.id(), "STORED", null);
    return new Stored(delivery, patients);
  }

  /**
   * Keeps the delivery and stores its facts one at a time, each behind a savepoint, so that the one
   * the database refuses is rejected with the reason and every other resource is stored; all or
   * nothing, a refusal rolls everything back (the caller then keeps the delivery as refused).
   */
  private Stored storeOneByOne(
      Received received, Delivery delivery, Storing storing, TransactionStatus transaction) {
    keepDelivery(received);
    var patients = new LinkedHashSet<String>();
    var items = new ArrayList<Delivery.Item>();
    for (var item : delivery.items()) {
      var event = factOf(item);
      if (event == null) {
        items.add(item);
        continue;
      }
      try {
        patients.addAll(
            savepoints.execute(tx -> kept(coding.store(List.of(event), received.id()), received)));
        items.add(item);
      } catch (DataAccessException e) {
        if (isTransient(e)) {
          throw e;
        }
        log.warn(
            "A resource of delivery {} at {} could not be stored ({})",
            received.id(),
            item.position(),
            e.getClass().getSimpleName());
        items.add(
            new Delivery.Rejected(
                item.source(),
                item.position(),
                IntakeReason.of("STORAGE_FAILED", item.source(), e.getClass().getSimpleName()),
                item instanceof Delivery.Accepted accepted ? accepted.json() : ""));
      }
    }
    var result = new Delivery(items);
    if (storing == Storing.ALL_OR_NOTHING && !result.rejected().isEmpty()) {
      // all or nothing: what was stored behind the savepoints goes too; the caller refuses it
      transaction.setRollbackOnly();
      return new Stored(result, Set.of());
    }
    keepItems(received.id(), result, received.at());
    status(received.id(), "STORED", null);
    return new Stored(result, patients);
  }

  /**
   * Gives the patient directory the names of the new versions of Patient resources among the facts
   * just stored (in the same transaction), and returns the patients whose facts changed.
   */
  private Set<String> kept(StoredFacts stored, Received received) {
    var names = new ArrayList<PatientDirectory.Name>();
    for (var fact : stored.added()) {
      if (fact instanceof PatientRecord record && record.name() != null) {
        names.add(new PatientDirectory.Name(record.identifier(), record.name()));
      }
    }
    directory.keep(names, received.at().toInstant());
    return stored.patients();
  }

  /**
   * The fact an item of a delivery stores: an accepted resource's, or that of an ignored one kept
   * as its resource's newest version (a procedure not done); {@code null} for none.
   */
  private static no.forlop.coding.@Nullable ClinicalEvent factOf(Delivery.Item item) {
    if (item instanceof Delivery.Accepted accepted) {
      return accepted.event();
    }
    return item instanceof Delivery.Ignored ignored ? ignored.kept() : null;
  }

  /** A delivery refused as a whole: kept, with the resources that were fine as not stored. */
  private IntakeReport refuse(Received received, Delivery delivery) {
    var refused = refused(delivery);
    transactions.executeWithoutResult(
        tx -> {
          keepDelivery(received);
          keepItems(received.id(), refused, received.at());
          status(received.id(), "REFUSED", null);
        });
    return report(received.id(), refused, Set.of());
  }

  /**
   * Whether the database failed for a while (unreachable, a deadlock, a timeout), not because of
   * what was sent: then nothing is stored, and the sender is asked to come again.
   */
  static boolean isTransient(DataAccessException e) {
    return e instanceof TransientDataAccessException
        || e instanceof RecoverableDataAccessException
        || no.forlop.web.DatabaseOutage.isCause(e);
  }

  private static IntakeReport report(UUID id, Delivery delivery, Set<String> patients) {
    var rejected =
        delivery.rejected().stream()
            .map(r -> new IntakeReport.Problem(r.source(), r.reason().code(), r.reason().english()))
            .toList();
    var ignored =
        delivery.ignored().stream()
            .map(r -> new IntakeReport.Problem(r.source(), r.reason().code(), r.reason().english()))
            .toList();
    var items = delivery.items().stream().map(IntakeService::itemOf).toList();
    return new IntakeReport(id, delivery.accepted().size(), rejected, ignored, patients, items);
  }

  private static IntakeReport.Item itemOf(Delivery.Item item) {
    if (item instanceof Delivery.Rejected r) {
      return new IntakeReport.Item(
          r.source(), r.position(), IntakeReport.Outcome.REJECTED, r.reason());
    }
    if (item instanceof Delivery.Ignored i) {
      return new IntakeReport.Item(
          i.source(), i.position(), IntakeReport.Outcome.IGNORED, i.reason());
    }
    return new IntakeReport.Item(
        item.source(), item.position(), IntakeReport.Outcome.ACCEPTED, null);
  }

  /** The delivery with the resources at these positions rejected for the reasons given. */
  private static Delivery rejecting(Delivery delivery, Map<Integer, IntakeReason> alsoRejected) {
    if (alsoRejected.isEmpty()) {
      return delivery;
    }
    var items = new ArrayList<>(delivery.items());
    alsoRejected.forEach(
        (position, reason) -> {
          if (position >= 0 && position < items.size()) {
            var item = items.get(position);
            var json = "";
            if (item instanceof Delivery.Accepted a) {
              json = a.json();
            } else if (item instanceof Delivery.Rejected r) {
              json = r.json();
            }
            items.set(
                position, new Delivery.Rejected(item.source(), item.position(), reason, json));
          }
        });
    return new Delivery(items);
  }

  /**
   * A delivery refused as a whole: the resources that were fine (and those ignored but to be kept
   * as a version, which is not stored either) are kept as not stored.
   */
  private static Delivery refused(Delivery delivery) {
    var rejected = delivery.rejected().size();
    return new Delivery(
        delivery.items().stream()
            .map(
                item ->
                    factOf(item) != null
                        ? new Delivery.Ignored(
                            item.source(),
                            item.position(),
                            rejected == 1
                                ? IntakeReason.of("NOT_STORED_ALL_OR_NOTHING", item.source())
                                : IntakeReason.variant(
                                    "NOT_STORED_ALL_OR_NOTHING",
                                    "many",
                                    item.source(),
                                    String.valueOf(rejected)))
                        : item)
            .toList());
  }

  /** Derives the codes of these patients (after deliveries received with {@code derive=false}). */
  public void derive(Collection<String> patients) {
    coding.derive(patients);
  }

  /** Derives everything again from the facts stored (e.g. after a failure, or new rules). */
  public int reprocess() {
    return coding.deriveAll();
  }

  /**
   * The latest resources that could not be used, newest first, with the delivery each came in (the
   * integration engineer's view of what to fix at the source).
   *
   * @param outcome rejected or ignored resources
   * @param channel only those of deliveries of this channel (e.g. {@code bulk:<job>}), or all
   * @param language the language of the reasons
   */
  public List<RejectedResource> latestNotUsed(
      IntakeReport.Outcome outcome, @Nullable String channel, int limit, Locale language) {
    var english = "en".equals(language.getLanguage());
    return jdbc.sql(
            """
            select r.source, r.location, r.outcome, r.reason_code, r.reason, r.reason_nb,
                   r.delivery, d.channel, r.received_at
            from received_resource r join delivery d on d.id = r.delivery
            where r.outcome = :outcome and (cast(:channel as text) is null or d.channel = :channel)
            order by r.received_at desc, r.seq desc limit :limit
            """)
        .param("outcome", outcome.name())
        .param("channel", channel)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new RejectedResource(
                    rs.getString("source"),
                    rs.getString("location"),
                    IntakeReport.Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("reason_code"),
                    english || rs.getString("reason_nb") == null
                        ? rs.getString("reason")
                        : rs.getString("reason_nb"),
                    rs.getObject("delivery", UUID.class),
                    rs.getString("channel"),
                    rs.getObject("received_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /**
   * How many resources of the deliveries of a channel were rejected and ignored, by reason code (a
   * bulk job's summary: {@code NUL_CHARACTER: 1}); codes of older rows are {@code UNKNOWN}.
   */
  public Map<String, Long> notUsedByReason(String channel, IntakeReport.Outcome outcome) {
    var counts = new java.util.TreeMap<String, Long>();
    jdbc.sql(
            """
            select coalesce(r.reason_code, 'UNKNOWN') as code, count(*) as n
            from received_resource r join delivery d on d.id = r.delivery
            where d.channel = :channel and r.outcome = :outcome group by 1
            """)
        .param("channel", channel)
        .param("outcome", outcome.name())
        .query((rs, n) -> counts.put(rs.getString("code"), rs.getLong("n")))
        .list();
    return counts;
  }

  /** What the last derivation of each patient could not use, and why, in English. */
  public List<IntakeReport.Problem> derivationProblems() {
    return derivationProblems(Locale.ENGLISH);
  }

  /**
   * What the last derivation of each patient could not use, and why, in this language (Norwegian
   * bokmål unless English), with the problem's stable code.
   */
  public List<IntakeReport.Problem> derivationProblems(Locale language) {
    return coding.problems().stream()
        .map(p -> new IntakeReport.Problem(p.source(), p.code().name(), p.text(language)))
        .toList();
  }

  /** The resources that could not be used, newest first (the integration engineer's view). */
  public List<IntakeReport.Problem> rejections(int limit) {
    var problems = new ArrayList<IntakeReport.Problem>();
    problems.addAll(
        jdbc.sql(
                """
                select source, reason from received_resource where outcome = 'REJECTED'
                order by received_at desc, seq desc limit :limit
                """)
            .param("limit", limit)
            .query(
                (rs, n) -> new IntakeReport.Problem(rs.getString("source"), rs.getString("reason")))
            .list());
    problems.addAll(derivationProblems());
    return problems;
  }

  /** Keeps the delivery byte for byte as it came. */
  private void keepDelivery(Received received) {
    jdbc.sql(
            """
            insert into delivery (id, channel, received_at, actor, body)
            values (:id, :channel, :at, :actor, :body)
            """)
        .param("id", received.id())
        .param("channel", Texts.storable(received.channel(), 200))
        .param("at", received.at())
        .param("actor", received.actor().id())
        .param("body", received.body())
        .update();
    status(received.id(), "RECEIVED", null);
  }

  /**
   * Keeps what became of every resource, with its position in the delivery. The delivery itself is
   * stored as it came, so an accepted resource is found there by position; a rejected one keeps its
   * own JSON here (shortened when it is very long), next to the reason, for the person who fixes it
   * at the source. Every text is made storable first: a NUL the sender put in an id or a value must
   * not cost the delivery.
   */
  private void keepItems(UUID delivery, Delivery content, OffsetDateTime at) {
    var rows = new ArrayList<Object[]>();
    int position = 0;
    for (var item : content.items()) {
      var source = Texts.storable(item.source(), 300);
      var where = Texts.storable(item.position(), 300);
      if (item instanceof Delivery.Accepted) {
        rows.add(
            new Object[] {
              delivery, position, source, "ACCEPTED", null, null, null, null, where, at
            });
      } else if (item instanceof Delivery.Rejected r) {
        rows.add(
            new Object[] {
              delivery,
              position,
              source,
              "REJECTED",
              Texts.storable(r.reason().english(), 2000),
              Texts.storable(r.reason().norwegian(), 2000),
              r.reason().code(),
              Texts.storable(r.json(), MAX_KEPT_JSON),
              where,
              at
            });
      } else if (item instanceof Delivery.Ignored i) {
        rows.add(
            new Object[] {
              delivery,
              position,
              source,
              "IGNORED",
              Texts.storable(i.reason().english(), 2000),
              Texts.storable(i.reason().norwegian(), 2000),
              i.reason().code(),
              null,
              where,
              at
            });
      }
      position++;
    }
    batch.batchUpdate(
        """
        insert into received_resource (delivery, position, source, outcome, reason, reason_nb,
                                       reason_code, json, location, received_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  private void status(UUID delivery, String status, @Nullable String reason) {
    jdbc.sql("insert into delivery_status (delivery, status, reason, at) values (:d, :s, :r, :at)")
        .param("d", delivery)
        .param("s", status)
        .param("r", reason == null ? null : Texts.storable(reason, 2000))
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
  }
}
