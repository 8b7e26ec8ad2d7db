package no.forlop.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.UUID;
import no.forlop.database.CopyRows;
import no.forlop.ingest.fhir.Delivery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Understands the intake's own record of a delivery: the delivery byte for byte as it came ({@code
 * delivery}), what became of each of its resources ({@code received_resource}) and what became of
 * the delivery as a whole ({@code delivery_status}). Writes in the caller's transaction.
 */
final class DeliveryRecords {

  /** How much of a rejected resource is kept beside its reason (the delivery keeps it all). */
  private static final int MAX_KEPT_JSON = 64 * 1024;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Clock clock;

  DeliveryRecords(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.clock = clock;
  }

  /** Keeps the delivery byte for byte as it came. */
  void keepDelivery(ReceivedDelivery received) {
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
   * not cost the delivery. One {@code COPY} for the whole delivery ({@link CopyRows}).
   */
  void keepItems(UUID delivery, Delivery content, OffsetDateTime at) {
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
    CopyRows.copy(
        java.util.Objects.requireNonNull(batch.getDataSource()),
        "received_resource",
        COLUMNS,
        rows);
  }

  private static final java.util.List<String> COLUMNS =
      java.util.List.of(
          "delivery",
          "position",
          "source",
          "outcome",
          "reason",
          "reason_nb",
          "reason_code",
          "json",
          "location",
          "received_at");

  /**
   * Records what became of the delivery as a whole ({@code RECEIVED}, {@code STORED}, {@code
   * PROCESSED}, {@code REFUSED}, {@code UNREADABLE}), now.
   */
  void status(UUID delivery, String status, @Nullable String reason) {
    jdbc.sql("insert into delivery_status (delivery, status, reason, at) values (:d, :s, :r, :at)")
        .param("d", delivery)
        .param("s", status)
        .param("r", reason == null ? null : Texts.storable(reason, 2000))
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
  }
}
