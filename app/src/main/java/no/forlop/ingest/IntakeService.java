package no.forlop.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import no.forlop.access.Actor;
import no.forlop.coding.DerivingCodes;
import no.forlop.ingest.fhir.Delivery;
import no.forlop.ingest.fhir.FhirDeliveryReader;
import no.forlop.ingest.fhir.IntakeReason;
import no.forlop.patient.PatientDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives deliveries from the EHR: translates each resource on its own (accepted, rejected with
 * the reason, or ignored), then keeps, in one transaction, the delivery byte for byte as it came,
 * what became of every resource and the accepted facts, and derives the codes of the patients they
 * concern. Nothing is half-stored: a database that fails for a while fails the whole delivery (the
 * sender comes again), and a resource the database refuses (which the reader's checks should have
 * caught) is rejected on its own while the others are stored.
 *
 * <p>This class owns receiving: reading the delivery, the caller's own rejections and conditional
 * creates, all-or-nothing refusals and deriving. Storing (whole, or one by one behind savepoints)
 * is {@link StoringDeliveries}'s, the delivery's own records are {@link DeliveryRecords}', and what
 * could not be used is asked of {@link IntakeProblems}.
 */
@Service
public class IntakeService {

  private final FhirDeliveryReader reader = new FhirDeliveryReader();
  private final DerivingCodes coding;
  private final DeliveryRecords records;
  private final StoringDeliveries deliveries;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final IntakeMetrics metrics;

  IntakeService(
      DerivingCodes coding,
      PatientDirectory directory,
      JdbcClient jdbc,
      JdbcTemplate batch,
      PlatformTransactionManager transactionManager,
      Clock clock,
      IntakeMetrics metrics) {
    this.coding = coding;
    this.records = new DeliveryRecords(jdbc, batch, clock);
    this.deliveries = new StoringDeliveries(coding, directory, records, transactionManager);
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.metrics = metrics;
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
    var received = new ReceivedDelivery(id, channel, actor, at, content);
    Delivery delivery;
    try {
      delivery = rejecting(read.apply(content), alsoRejected);
    } catch (no.forlop.ingest.fhir.UnreadableDeliveryException e) {
      transactions.executeWithoutResult(
          tx -> {
            records.keepDelivery(received);
            records.status(id, "UNREADABLE", e.getMessage());
          });
      metrics.unreadable(channel);
      throw new UnreadableDeliveryException(e.getMessage(), e);
    }
    if (storing == Storing.ALL_OR_NOTHING && !delivery.rejected().isEmpty()) {
      return refused(channel, report(id, deliveries.refuse(received, delivery)));
    }
    var stored = deliveries.store(received, delivery, storing);
    if (storing == Storing.ALL_OR_NOTHING && !stored.delivery().rejected().isEmpty()) {
      // the database refused a resource: nothing was stored, the delivery is refused as a whole
      return refused(channel, report(id, deliveries.refuse(received, stored.delivery())));
    }
    var report = report(id, stored);
    metrics.received(channel, report, IntakeMetrics.DeliveryOutcome.STORED);
    if (derive) {
      coding.derive(stored.patients());
      records.status(id, "PROCESSED", null);
      metrics.derived(channel, IntakeMetrics.accepted(report), at.toInstant());
    }
    return report;
  }

  private IntakeReport refused(String channel, IntakeReport report) {
    metrics.received(channel, report, IntakeMetrics.DeliveryOutcome.REFUSED);
    return report;
  }

  private static IntakeReport report(UUID id, StoringDeliveries.Stored stored) {
    return report(id, stored.delivery(), stored.patients());
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

  /** Derives the codes of these patients (after deliveries received with {@code derive=false}). */
  public void derive(Collection<String> patients) {
    coding.derive(patients);
  }

  /**
   * Derives the codes of these patients, received on a channel with {@code derive=false}, and
   * counts the resources derived and their lag for the metrics (ADR 0045).
   *
   * @param acceptedByType the accepted resources now derived, per type ({@link
   *     IntakeMetrics#accepted})
   * @param receivedAt when they were received
   */
  public void derive(
      Collection<String> patients,
      String channel,
      Map<String, Long> acceptedByType,
      java.time.Instant receivedAt) {
    derive(patients);
    metrics.derived(channel, acceptedByType, receivedAt);
  }

  /**
   * Derives the codes of these patients on {@code threads} threads at once, each a disjoint set of
   * them (a bulk import's chunk); returns when all are derived.
   */
  public void derive(Collection<String> patients, int threads) {
    coding.derive(patients, threads);
  }

  /** Derives everything again from the facts stored (e.g. after a failure, or new rules). */
  public int reprocess() {
    return coding.deriveAll();
  }
}
