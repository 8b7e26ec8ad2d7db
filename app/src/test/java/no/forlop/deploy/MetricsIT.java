package no.forlop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import no.forlop.access.SignInGuard;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The metrics operators watch (ADR 0045, docs/operations.md §2), as Prometheus reads them: a
 * delivery moves the intake's counters by exactly what it held, its lag is recorded, a wrong
 * password and a lockout are counted by the way in, and {@code /actuator/prometheus} serves every
 * metric the Grafana dashboard shows, to an administrator only among the demo users.
 */
class MetricsIT extends ApplicationTest {

  private static final String FHIR_JSON = "application/fhir+json";

  @Autowired MeterRegistry registry;
  @Autowired SignInGuard guard;

  @Test
  void a_delivery_moves_the_intake_counters_by_exactly_what_it_held_and_records_its_lag() {
    // given: where the counters stand
    var before = intake();
    var lags = lagCount();

    // when: a batch of one good patient, one encounter without its status and a practitioner
    var patient = TestPatients.next();
    var answer = post("/fhir", FHIR_JSON, batch(patient, false), AS, "ehr");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);

    // then: three received, one of each outcome, the good one derived, once
    var after = intake();
    assertThat(delta(before, after))
        .containsEntry("received|Patient", 1.0)
        .containsEntry("received|Encounter", 1.0)
        .containsEntry("received|Practitioner", 1.0)
        .containsEntry("rejected|Encounter", 1.0)
        .containsEntry("rejected|Patient", 0.0)
        .containsEntry("ignored|Practitioner", 1.0)
        .containsEntry("ignored|Patient", 0.0)
        .containsEntry("derived|Patient", 1.0)
        .containsEntry("derived|Encounter", 0.0)
        .containsEntry("stored", 1.0)
        .containsEntry("refused", 0.0);
    assertThat(lagCount()).isEqualTo(lags + 1);

    // when: the same as a transaction (all or nothing): refused as a whole
    var refused = post("/fhir", FHIR_JSON, batch(TestPatients.next(), true), AS, "ehr");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);

    // then: received and refused, nothing derived, no lag
    var last = intake();
    assertThat(delta(after, last))
        .containsEntry("received|Patient", 1.0)
        .containsEntry("rejected|Encounter", 1.0)
        .containsEntry("derived|Patient", 0.0)
        .containsEntry("stored", 0.0)
        .containsEntry("refused", 1.0);
    assertThat(lagCount()).isEqualTo(lags + 1);
  }

  @Test
  void a_wrong_password_is_counted_by_its_way_in_and_so_is_the_lockout_it_leads_to() {
    var name = "metrics-nobody-" + TestPatients.next().substring(0, 6);
    var basic = failures("basic");
    var form = failures("form");
    var locks = lockouts("basic", "username");
    try {
      // when: a wrong password on the API
      var wrong =
          get("/api/v1/pathways/worklist", AS, "nobody", "Authorization", basicWith("kari", "x"));
      assertThat(wrong.status()).isEqualTo(401);

      // then: one failure by HTTP Basic, none by the form
      assertThat(failures("basic")).isEqualTo(basic + 1);
      assertThat(failures("form")).isEqualTo(form);
      assertThat(lockouts("basic", "username")).isEqualTo(locks);

      // when: a name nobody has is tried until it is locked (10 in a row)
      for (int i = 0; i < 10; i++) {
        get("/api/v1/pathways/worklist", AS, "nobody", "Authorization", basicWith(name, "g" + i));
      }

      // then: its tenth failure locked it, once
      assertThat(failures("basic")).isEqualTo(basic + 11);
      assertThat(lockouts("basic", "username")).isEqualTo(locks + 1);
    } finally {
      guard.release("kari");
      guard.release(name);
      guard.releaseAddress("127.0.0.1");
    }
  }

  @Test
  void prometheus_reads_every_metric_the_dashboard_shows_with_an_administrators_password() {
    // given: a delivery, so the intake's metrics have their series
    var answer = post("/fhir", FHIR_JSON, batch(TestPatients.next(), false), AS, "ehr");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);

    // when
    var scrape = get("/actuator/prometheus", AS, "admin");

    // then
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.contentType()).startsWith("text/plain");
    var names =
        GrafanaDashboard.metricNames().stream()
            .filter(name -> !GrafanaDashboard.ofPullConnector(name)) // PullConnectorIT's
            .toList();
    assertThat(names).contains("forlop_intake_lag_seconds_bucket", "forlop_pathways_overdue");
    for (var name : names) {
      assertThat(scrape.body()).as(name).containsPattern("(?m)^" + name + "[{ ]");
    }
    assertThat(scrape.body())
        .contains("forlop_signin_failures_total{method=\"form\"}")
        .contains("forlop_bulk_jobs{state=\"running\"}")
        .contains("unit=\"910000012\"")
        .contains("jvm_memory_used_bytes");
    // and not to anybody else
    assertThat(get("/actuator/prometheus", AS, "nobody").status()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", AS, "kari").status()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", AS, "ehr").status()).isEqualTo(403);
  }

  @Test
  void readiness_and_liveness_are_up_and_open_without_sign_in() {
    var readiness = get("/actuator/health/readiness", AS, "nobody");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    assertThat(get("/actuator/health/liveness", AS, "nobody").status()).isEqualTo(200);
  }

  /** One patient (with a name), an Encounter without its status, a Practitioner. */
  private static byte[] batch(String patient, boolean transaction) {
    var person = new Patient();
    person.setId(ColorectalHistory.id(patient, "p"));
    person.addIdentifier().setSystem("urn:oid:2.16.578.1.12.4.1.4.1").setValue(patient);
    person.addName().setFamily("Metrikksen").addGiven("Målfrid");
    var encounter = new Encounter();
    encounter.setId(ColorectalHistory.id(patient, "e9"));
    encounter.setSubject(new Reference("Patient/" + person.getIdPart()));
    var practitioner = new Practitioner();
    practitioner.setId(ColorectalHistory.id(patient, "dr"));
    List<Resource> resources = List.of(person, encounter, practitioner);
    if (!transaction) {
      return ColorectalHistory.batch(resources);
    }
    var bundle = new Bundle();
    bundle.setType(Bundle.BundleType.TRANSACTION);
    for (var resource : resources) {
      bundle
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.PUT)
          .setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
    return ColorectalHistory.FHIR
        .newJsonParser()
        .encodeResourceToString(bundle)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The push channel's counters now, by outcome and resource type, and deliveries by outcome. */
  private Map<String, Double> intake() {
    var counts = new java.util.HashMap<String, Double>();
    for (var outcome : List.of("received", "rejected", "ignored", "derived")) {
      for (var type : List.of("Patient", "Encounter", "Practitioner")) {
        counts.put(
            outcome + "|" + type,
            count("forlop.intake.resources." + outcome, "channel", "push", "resource_type", type));
      }
    }
    for (var outcome : List.of("stored", "refused")) {
      counts.put(outcome, count("forlop.intake.deliveries", "channel", "push", "outcome", outcome));
    }
    return counts;
  }

  private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    var delta = new java.util.HashMap<String, Double>();
    after.forEach((key, value) -> delta.put(key, value - before.getOrDefault(key, 0.0)));
    return delta;
  }

  private double count(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private long lagCount() {
    Timer timer = registry.find("forlop.intake.lag").tags("channel", "push").timer();
    return timer == null ? 0 : timer.count();
  }

  private double failures(String method) {
    return count("forlop.signin.failures", "method", method);
  }

  private double lockouts(String method, String scope) {
    return count("forlop.signin.lockouts", "method", method, "scope", scope);
  }

  private static String basicWith(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
