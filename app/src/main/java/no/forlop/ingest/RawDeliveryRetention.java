package no.forlop.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.calendar.OsloTime;
import no.forlop.database.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges deliveries as received once they are older than {@code forlop.retention.raw-deliveries}
 * (issue 18, ADR 0042): a delivery's content (its bytes, with names and fødselsnumre) and the JSON
 * of its rejected resources are set to null and the delivery marked purged; the delivery's row (id,
 * channel, when, sender), what became of each resource and its reason, the facts, codes, traces and
 * audit entries stay, so a trace still names the delivery it came in. Each batch is purged and
 * audited (the counts, no patient) in one transaction.
 *
 * <p>Every node looks at its heartbeat whether {@code check-every} has passed since its last run
 * (the first heartbeat after start runs at once); only the node holding the lease {@value #LEASE}
 * purges (ADR 0032).
 */
@Component
public class RawDeliveryRetention {

  static final String LEASE = "retention:raw-deliveries";
  static final Actor RETENTION = Actor.system("retention");
  private static final int BATCH = 5_000;
  private static final Logger log = LoggerFactory.getLogger(RawDeliveryRetention.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Leases leases;
  private final AuditLog audit;
  private final RetentionSettings settings;
  private volatile Instant nextCheck;

  RawDeliveryRetention(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock,
      Leases leases,
      AuditLog audit,
      RetentionSettings settings) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.leases = leases;
    this.audit = audit;
    this.settings = settings;
    this.nextCheck = clock.instant();
    leases.onHeartbeat(this::purgeIfDue);
  }

  /** What one purge did. */
  public record Purged(long deliveries, long rejectedResources, Instant receivedBefore) {}

  /**
   * The first instant whose deliveries are kept: the start (Europe/Oslo) of the day exactly the
   * retention period before today.
   */
  public Instant keptFrom() {
    var today = LocalDate.now(clock.withZone(OsloTime.ZONE));
    return today.minus(settings.rawDeliveries()).atStartOfDay(OsloTime.ZONE).toInstant();
  }

  /** At a heartbeat: purges if {@code check-every} has passed since this node's last look. */
  void purgeIfDue() {
    var now = clock.instant();
    if (now.isBefore(nextCheck)) {
      return;
    }
    nextCheck = now.plus(settings.checkEvery());
    try {
      var purged = purge();
      if (purged.deliveries() > 0) {
        log.info(
            "Purged the content of {} deliveries received before {} (retention {})",
            purged.deliveries(),
            purged.receivedBefore(),
            settings.rawDeliveries());
      }
    } catch (RuntimeException e) {
      nextCheck = now; // tried again at the next heartbeat
      throw e;
    }
  }

  /**
   * Purges every delivery due, in batches, if this node holds (or can take) the lease; another node
   * purging meanwhile is left to it.
   */
  public Purged purge() {
    var before = keptFrom();
    if (!leases.claim(LEASE)) {
      return new Purged(0, 0, before);
    }
    try {
      long deliveries = 0;
      long rejected = 0;
      while (true) {
        var batch = transactions.execute(tx -> purgeBatch(before));
        if (batch == null || batch.deliveries() == 0) {
          break;
        }
        deliveries += batch.deliveries();
        rejected += batch.rejectedResources();
        if (!leases.renew(LEASE)) {
          break; // another node took it over: it goes on
        }
      }
      return new Purged(deliveries, rejected, before);
    } finally {
      leases.release(LEASE);
    }
  }

  private Purged purgeBatch(Instant before) {
    var cutoff = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
    var ids =
        jdbc.sql(
                """
                select id from delivery
                where purged_at is null and received_at < :before
                order by received_at limit :batch for update skip locked
                """)
            .param("before", cutoff)
            .param("batch", BATCH)
            .query(java.util.UUID.class)
            .list();
    if (ids.isEmpty()) {
      return new Purged(0, 0, before);
    }
    var array = ids.toArray(java.util.UUID[]::new);
    var rejected =
        jdbc.sql(
                """
                update received_resource set json = null
                where delivery = any(:ids) and json is not null
                """)
            .param("ids", array)
            .update();
    var deliveries =
        jdbc.sql(
                """
                update delivery set content = null, body = null, purged_at = :now
                where id = any(:ids)
                """)
            .param("ids", array)
            .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .update();
    audit.record(
        RETENTION,
        AuditAction.PURGE,
        null,
        "delivery",
        "deliveries=%d rejected-resources=%d received-before=%s retention=%s"
            .formatted(deliveries, rejected, before, settings.rawDeliveries()));
    return new Purged(deliveries, rejected, before);
  }
}
