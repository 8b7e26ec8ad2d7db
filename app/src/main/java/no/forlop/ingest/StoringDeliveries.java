package no.forlop.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.coding.DerivingCodes;
import no.forlop.coding.StoredFacts;
import no.forlop.ingest.IntakeService.Storing;
import no.forlop.ingest.fhir.Delivery;
import no.forlop.ingest.fhir.IntakeReason;
import no.forlop.patient.PatientDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Understands storing a delivery that has been read: the delivery, what became of each resource and
 * the accepted facts, all at once behind a savepoint; and, when the database refuses that (a
 * resource the reader's checks should have caught), each fact on its own behind a savepoint of its
 * own, so that the one refused is rejected with the reason and the others are stored. A database
 * that fails for a while fails the whole delivery (the sender comes again). Also keeps a delivery
 * refused as a whole (all or nothing).
 *
 * <p>Every write joins the caller's transaction (a bulk chunk's, see {@link
 * IntakeService#receiveLinesOnce}); what may fail and be tried again is behind a savepoint ({@code
 * PROPAGATION_NESTED}), because PostgreSQL aborts the whole transaction at the first failed
 * statement.
 */
final class StoringDeliveries {

  private static final Logger log = LoggerFactory.getLogger(StoringDeliveries.class);

  private final DerivingCodes coding;
  private final PatientDirectory directory;
  private final DeliveryRecords records;
  private final TransactionTemplate transactions;
  private final TransactionTemplate savepoints;

  StoringDeliveries(
      DerivingCodes coding,
      PatientDirectory directory,
      DeliveryRecords records,
      PlatformTransactionManager transactionManager) {
    this.coding = coding;
    this.directory = directory;
    this.records = records;
    this.transactions = new TransactionTemplate(transactionManager);
    this.savepoints = new TransactionTemplate(transactionManager);
    this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** What was stored of a delivery: what became of each resource, and the patients concerned. */
  record Stored(Delivery delivery, Set<String> patients) {}

  /**
   * Stores the delivery as a whole or, if the database refuses a resource, one resource at a time.
   * With {@link Storing#ALL_OR_NOTHING}, a refusal stores nothing; the delivery then comes back
   * with the refused resource rejected, for the caller to {@link #refuse}.
   *
   * @throws DataAccessException if the database failed for a while ({@link #isTransient})
   */
  Stored store(ReceivedDelivery received, Delivery delivery, Storing storing) {
    try {
      // a savepoint, not the caller's transaction: a bulk chunk's transaction goes on after it
      return savepoints.execute(tx -> storeWhole(received, delivery));
    } catch (DataAccessException e) {
      if (isTransient(e)) {
        throw e;
      }
      // one resource the checks let through still broke the database's rules: store the others
      log.warn(
          "Delivery {} could not be stored as a whole ({}); storing its resources one by one",
          received.id(),
          e.getClass().getSimpleName());
      return savepoints.execute(tx -> storeOneByOne(received, delivery, storing, tx));
    }
  }

  /**
   * Keeps a delivery refused as a whole, with the resources that were fine as not stored; returns
   * what became of each resource (no patient is concerned).
   */
  Stored refuse(ReceivedDelivery received, Delivery delivery) {
    var refused = refused(delivery);
    transactions.executeWithoutResult(
        tx -> {
          records.keepDelivery(received);
          records.keepItems(received.id(), refused, received.at());
          records.status(received.id(), "REFUSED", null);
        });
    return new Stored(refused, Set.of());
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

  /**
   * Keeps the delivery, what became of each resource and the facts, in the caller's transaction.
   */
  private Stored storeWhole(ReceivedDelivery received, Delivery delivery) {
    records.keepDelivery(received);
    var patients = kept(coding.store(delivery.events(), received.id()), received);
    records.keepItems(received.id(), delivery, received.at());
    records.status(received.id(), "STORED", null);
    return new Stored(delivery, patients);
  }

  /**
   * Keeps the delivery and stores its facts one at a time, each behind a savepoint, so that the one
   * the database refuses is rejected with the reason and every other resource is stored; all or
   * nothing, a refusal rolls everything back (the caller then keeps the delivery as refused).
   */
  private Stored storeOneByOne(
      ReceivedDelivery received,
      Delivery delivery,
      Storing storing,
      TransactionStatus transaction) {
    records.keepDelivery(received);
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
    records.keepItems(received.id(), result, received.at());
    records.status(received.id(), "STORED", null);
    return new Stored(result, patients);
  }

  /**
   * Gives the patient directory the names of the new versions of Patient resources among the facts
   * just stored (in the same transaction), and returns the patients whose facts changed.
   */
  private Set<String> kept(StoredFacts stored, ReceivedDelivery received) {
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
  private static @Nullable ClinicalEvent factOf(Delivery.Item item) {
    if (item instanceof Delivery.Accepted accepted) {
      return accepted.event();
    }
    return item instanceof Delivery.Ignored ignored ? ignored.kept() : null;
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
}
