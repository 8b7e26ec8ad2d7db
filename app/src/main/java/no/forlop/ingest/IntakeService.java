package no.forlop.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import no.forlop.audit.Actor;
import no.forlop.coding.DerivingCodes;
import no.forlop.ingest.fhir.Delivery;
import no.forlop.ingest.fhir.FhirDeliveryReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives deliveries from the EHR: stores the delivery as it came before anything else, translates
 * it resource by resource, keeps every resource with what became of it (accepted, rejected with the
 * reason, or ignored), hands the accepted facts to the automatic registration, and derives the
 * codes of the patients they concern.
 */
@Service
public class IntakeService {

  private final FhirDeliveryReader reader = new FhirDeliveryReader();
  private final DerivingCodes coding;
  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transactions;
  private final Clock clock;

  IntakeService(
      DerivingCodes coding,
      JdbcClient jdbc,
      JdbcTemplate batch,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.coding = coding;
    this.jdbc = jdbc;
    this.batch = batch;
    this.transactions = new TransactionTemplate(transactionManager);
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
      Map<Integer, String> alsoRejected,
      Storing storing) {
    return receive(content, channel, actor, true, reader::read, alsoRejected, storing);
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
      Map<Integer, String> alsoRejected,
      Storing storing) {
    var id = UUID.randomUUID();
    var at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.sql(
            """
            insert into delivery (id, channel, received_at, actor, content)
            values (:id, :channel, :at, :actor, :content)
            """)
        .param("id", id)
        .param("channel", channel)
        .param("at", at)
        .param("actor", actor.id())
        .param("content", new String(content, StandardCharsets.UTF_8))
        .update();
    status(id, "RECEIVED", null);
    Delivery delivery;
    try {
      delivery = rejecting(read.apply(content), alsoRejected);
    } catch (no.forlop.ingest.fhir.UnreadableDeliveryException e) {
      status(id, "UNREADABLE", e.getMessage());
      throw new UnreadableDeliveryException(e.getMessage(), e);
    }
    if (storing == Storing.ALL_OR_NOTHING && !delivery.rejected().isEmpty()) {
      var refused = refused(delivery);
      transactions.executeWithoutResult(tx -> keepItems(id, refused, at));
      return report(id, refused, Set.of());
    }
    Set<String> patients =
        transactions.execute(
            tx -> {
              keepItems(id, delivery, at);
              return coding.store(delivery.events(), id);
            });
    status(id, "STORED", null);
    if (derive) {
      coding.derive(patients);
      status(id, "PROCESSED", null);
    }
    return report(id, delivery, patients);
  }

  private static IntakeReport report(UUID id, Delivery delivery, Set<String> patients) {
    var rejected =
        delivery.rejected().stream()
            .map(r -> new IntakeReport.Problem(r.source(), r.reason()))
            .toList();
    var ignored =
        delivery.ignored().stream()
            .map(r -> new IntakeReport.Problem(r.source(), r.reason()))
            .toList();
    var items = delivery.items().stream().map(IntakeService::itemOf).toList();
    return new IntakeReport(id, delivery.events().size(), rejected, ignored, patients, items);
  }

  private static IntakeReport.Item itemOf(Delivery.Item item) {
    if (item instanceof Delivery.Rejected r) {
      return new IntakeReport.Item(r.source(), IntakeReport.Outcome.REJECTED, r.reason());
    }
    if (item instanceof Delivery.Ignored i) {
      return new IntakeReport.Item(i.source(), IntakeReport.Outcome.IGNORED, i.reason());
    }
    return new IntakeReport.Item(item.source(), IntakeReport.Outcome.ACCEPTED, null);
  }

  /** The delivery with the resources at these positions rejected for the reasons given. */
  private static Delivery rejecting(Delivery delivery, Map<Integer, String> alsoRejected) {
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
            items.set(position, new Delivery.Rejected(item.source(), reason, json));
          }
        });
    return new Delivery(items);
  }

  /** A delivery refused as a whole: the resources that were fine are kept as not stored. */
  private static Delivery refused(Delivery delivery) {
    var rejected = delivery.rejected().size();
    var reason =
        "not stored: the delivery is all or nothing, and "
            + rejected
            + (rejected == 1 ? " of its resources was" : " of its resources were")
            + " rejected";
    return new Delivery(
        delivery.items().stream()
            .map(
                item ->
                    item instanceof Delivery.Accepted a
                        ? new Delivery.Ignored(a.source(), a.source() + " " + reason)
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
   */
  public List<RejectedResource> latestRejected(int limit) {
    return jdbc.sql(
            """
            select r.source, r.reason, r.delivery, d.channel, r.received_at
            from received_resource r join delivery d on d.id = r.delivery
            where r.outcome = 'REJECTED'
            order by r.received_at desc, r.seq desc limit :limit
            """)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new RejectedResource(
                    rs.getString("source"),
                    rs.getString("reason"),
                    rs.getObject("delivery", UUID.class),
                    rs.getString("channel"),
                    rs.getObject("received_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** What the last derivation of each patient could not use, and why. */
  public List<IntakeReport.Problem> derivationProblems() {
    return coding.problems().stream()
        .map(p -> new IntakeReport.Problem(p.source(), p.reason()))
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
    coding.problems().stream()
        .map(p -> new IntakeReport.Problem(p.source(), p.reason()))
        .forEach(problems::add);
    return problems;
  }

  /**
   * Keeps what became of every resource, with its position in the delivery. The delivery itself is
   * stored as it came, so an accepted resource is found there by position; a rejected one keeps its
   * own JSON here, next to the reason, for the person who fixes it at the source.
   */
  private void keepItems(UUID delivery, Delivery content, OffsetDateTime at) {
    var rows = new ArrayList<Object[]>();
    int position = 0;
    for (var item : content.items()) {
      if (item instanceof Delivery.Accepted a) {
        rows.add(new Object[] {delivery, position, a.source(), "ACCEPTED", null, null, at});
      } else if (item instanceof Delivery.Rejected r) {
        rows.add(
            new Object[] {delivery, position, r.source(), "REJECTED", r.reason(), r.json(), at});
      } else if (item instanceof Delivery.Ignored i) {
        rows.add(new Object[] {delivery, position, i.source(), "IGNORED", i.reason(), null, at});
      }
      position++;
    }
    batch.batchUpdate(
        """
        insert into received_resource (delivery, position, source, outcome, reason, json,
                                       received_at)
        values (?, ?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  private void status(UUID delivery, String status, String reason) {
    jdbc.sql("insert into delivery_status (delivery, status, reason, at) values (:d, :s, :r, :at)")
        .param("d", delivery)
        .param("s", status)
        .param("r", reason)
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
  }
}
