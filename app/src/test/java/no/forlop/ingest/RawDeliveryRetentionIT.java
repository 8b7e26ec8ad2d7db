package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.coding.DerivingCodes;
import no.forlop.patient.PatientDirectory;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Deliveries as received are kept for {@code forlop.retention.raw-deliveries} (P12M), then their
 * content is purged (issue 18, ADR 0042). The application's clock stands at 2024-12-31 (Oslo), so
 * deliveries received on 2023-12-31 are exactly twelve months old and kept, and those of 2023-12-30
 * are one day older and purged. They are received through the real intake, with a clock of their
 * own day. The purge keeps the facts, the codes, the traces to the delivery, what became of each
 * resource and the audit trail, and is audited itself.
 */
class RawDeliveryRetentionIT extends ApplicationTest {

  @Autowired RawDeliveryRetention retention;
  @Autowired JdbcClient jdbc;
  @Autowired DerivingCodes coding;
  @Autowired PatientDirectory directory;
  @Autowired JdbcTemplate batch;
  @Autowired PlatformTransactionManager transactions;
  @Autowired IntakeService intake;
  @Autowired IntakeMetrics metrics;

  /** Start of 2023-12-31 in Oslo: the first instant whose deliveries are kept. */
  private static final Instant KEPT_FROM = Instant.parse("2023-12-30T23:00:00Z");

  /** Receives a colorectal history and one rejected resource, as if at {@code at}. */
  private UUID receiveAt(Instant at, String patient) {
    var intakeThen =
        new IntakeService(
            coding, directory, jdbc, batch, transactions, Clock.fixed(at, ZoneOffset.UTC), metrics);
    var lines = new ArrayList<String>();
    var org = "org-ret-" + patient;
    lines.add(ColorectalHistory.json(ColorectalHistory.organisation(org)));
    ColorectalHistory.of(patient, org).forEach(r -> lines.add(ColorectalHistory.json(r)));
    // a resource the intake rejects: its JSON (with the fødselsnummer) is kept with the reason
    lines.add(
        """
        {"resourceType":"Patient","id":"ret-bad-%s","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"%s"}],"birthDate":"not a date"}"""
            .formatted(patient, patient));
    var report =
        intakeThen.receive(
            String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
            "test:retention",
            Actor.system("test"),
            true);
    return report.delivery();
  }

  private Map<String, Object> delivery(UUID id) {
    return jdbc.sql(
            """
            select received_at, channel, purged_at, content is null and body is null as empty
            from delivery where id = :id
            """)
        .param("id", id)
        .query()
        .singleRow();
  }

  private long count(String sql, Object id) {
    return jdbc.sql(sql).param("id", id).query(Long.class).single();
  }

  private Map<String, String> codesOf(String patient) {
    var pathways = pathwaysOf(patient).json();
    assertThat(pathways).hasSize(1);
    var codes = new HashMap<String, String>();
    pathways
        .get(0)
        .path("codes")
        .forEach(c -> codes.put(c.path("code").asString(), c.path("date").asString()));
    return codes;
  }

  @Test
  void a_delivery_one_day_past_retention_is_purged_and_one_exactly_at_it_is_kept() {
    assertThat(retention.keptFrom()).isEqualTo(KEPT_FROM);
    var oldPatient = TestPatients.next();
    var edgePatient = TestPatients.next();
    var old = receiveAt(KEPT_FROM.minusSeconds(1), oldPatient); // 2023-12-30 23:59:59 Oslo
    var edge = receiveAt(KEPT_FROM, edgePatient); // 2023-12-31 00:00 Oslo
    var codes = codesOf(oldPatient);
    assertThat(codes).containsKeys("A12A", "A12S", "A12CK", "A12FK");
    var facts = "select count(*) from clinical_event where delivery = :id";
    var outcomes = "select count(*) from received_resource where delivery = :id";
    var withJson =
        "select count(*) from received_resource where delivery = :id and json is not null";
    var factsBefore = count(facts, old);
    var outcomesBefore = count(outcomes, old);
    assertThat(factsBefore).isPositive();
    assertThat(count(withJson, old)).as("the rejected resource's JSON is kept").isPositive();
    var auditBefore = count("select count(*) from audit_event where patient = :id", oldPatient);
    var pathwayBefore =
        jdbc.sql("select id from pathway where patient = :p")
            .param("p", oldPatient)
            .query()
            .listOfRows();

    retention
        .purge(); // (a node's heartbeat may have purged them already: the state is what counts)

    var purged = delivery(old);
    assertThat(purged.get("purged_at")).isNotNull();
    assertThat(purged.get("empty")).isEqualTo(true);
    assertThat(purged.get("channel")).isEqualTo("test:retention");
    var kept = delivery(edge);
    assertThat(kept.get("purged_at")).isNull();
    assertThat(kept.get("empty")).isEqualTo(false);
    assertThat(count(withJson, edge)).isPositive();

    // the facts still name the delivery they came in; what became of each resource stays, its JSON
    // goes; the reasons stay
    assertThat(count(facts, old)).isEqualTo(factsBefore);
    assertThat(count(outcomes, old)).isEqualTo(outcomesBefore);
    assertThat(count(withJson, old)).isZero();
    assertThat(
            count(
                "select count(*) from received_resource where delivery = :id and outcome = 'REJECTED'"
                    + " and reason is not null",
                old))
        .isPositive();
    // the pathway and its audit trail are untouched, and a new derivation from the stored facts
    // (not the purged content) gives the same codes
    assertThat(
            jdbc.sql("select id from pathway where patient = :p")
                .param("p", oldPatient)
                .query()
                .listOfRows())
        .isEqualTo(pathwayBefore);
    assertThat(count("select count(*) from audit_event where patient = :id", oldPatient))
        .isEqualTo(auditBefore);
    intake.derive(List.of(oldPatient));
    assertThat(codesOf(oldPatient)).isEqualTo(codes);

    // audited: who, what, how many, up to when; no patient
    var entries =
        jdbc.sql(
                """
                select actor, patient, resource, details from audit_event
                where action = 'PURGE' and details like :cutoff order by id
                """)
            .param("cutoff", "%received-before=" + KEPT_FROM + " %")
            .query()
            .listOfRows();
    assertThat(entries).isNotEmpty();
    assertThat(entries)
        .allSatisfy(
            entry -> {
              assertThat(entry.get("actor")).isEqualTo("system:retention");
              assertThat(entry.get("patient")).isNull();
              assertThat(entry.get("resource")).isEqualTo("delivery");
              assertThat((String) entry.get("details"))
                  .matches(
                      "deliveries=\\d+ rejected-resources=\\d+ received-before=\\S+ retention=P12M")
                  .doesNotContain(oldPatient);
            });
    var total =
        entries.stream()
            .mapToLong(
                e ->
                    Long.parseLong(
                        ((String) e.get("details")).replaceAll("deliveries=(\\d+) .*", "$1")))
            .sum();
    assertThat(total).isGreaterThanOrEqualTo(1);

    // a second purge finds nothing more of these
    retention.purge();
    assertThat(delivery(edge).get("purged_at")).isNull();
  }

  @Test
  void a_delivery_stays_append_only_but_for_the_purge() {
    var id = receiveAt(KEPT_FROM.minusSeconds(86_400), TestPatients.next());
    retention.purge();
    assertThat(delivery(id).get("purged_at")).isNotNull();
    // nothing else may change, and nothing be deleted, purged or not
    assertThatThrownBy(
            () ->
                jdbc.sql("update delivery set channel = 'changed' where id = :id")
                    .param("id", id)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("update delivery set purged_at = now() where id = :id")
                    .param("id", id)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.sql("delete from delivery where id = :id").param("id", id).update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("update received_resource set reason = 'changed' where delivery = :id")
                    .param("id", id)
                    .update())
        .hasMessageContaining("append-only");
    // a delivery not yet due cannot be emptied without being marked purged
    var fresh = receiveAt(KEPT_FROM, TestPatients.next());
    assertThatThrownBy(
            () ->
                jdbc.sql("update delivery set body = null, content = null where id = :id")
                    .param("id", fresh)
                    .update())
        .hasMessageContaining("append-only");
  }
}
