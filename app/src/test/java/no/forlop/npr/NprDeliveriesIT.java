package no.forlop.npr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.audit.AuditLog;
import no.forlop.coding.DerivingCodes;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.Remark;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deliveries to NPR end to end. The service tests work in an organisation of their own, so other
 * tests' pathways do not count; the HTTP tests use the demo unit 910000020 in a period of their
 * own. Today is 2024-12-31.
 */
class NprDeliveriesIT extends ApplicationTest {

  private static final LocalDate FROM = LocalDate.parse("2024-03-01");
  private static final LocalDate TO = LocalDate.parse("2024-03-31");

  @Autowired PathwayService pathways;
  @Autowired NprDeliveries deliveries;
  @Autowired AuditLog audit;

  private String unit;
  private Actor leader;
  private final NprSchemas schemas = new NprSchemas();

  @BeforeEach
  void ownUnit() {
    unit = no.forlop.testing.TestUnits.next();
    leader = new Actor("lise", "STATISTICS", Set.of(unit));
  }

  private PathwayId pathway(String organisation, String patient, String... codesAndDates) {
    var actor = new Actor("kari", "PATIENT_CARE", Set.of(organisation));
    var id =
        pathways.create(CreatePathway.of(patient, "colorectal", organisation, null), actor).id();
    for (var entry : codesAndDates) {
      var parts = entry.split(" ");
      var result =
          pathways.register(id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), actor);
      assertThat(result).as(entry).isInstanceOf(ChangeResult.Changed.class);
    }
    return id;
  }

  private String message(DeliverySummary d) {
    return deliveries.message(d.id(), leader);
  }

  @Test
  void codes_on_both_boundary_days_are_in_and_the_days_outside_are_out() {
    var anne = TestPatients.next();
    var before = pathway(unit, anne, "A12A 2024-02-29", "A12S 2024-03-01");
    var after = pathway(unit, TestPatients.next(), "A12A 2024-03-31", "A12S 2024-04-01");

    var d = deliveries.deliver(unit, FROM, TO, leader);
    var xml = message(d);

    assertThat(d.codes()).isEqualTo(2);
    assertThat(d.patients()).isEqualTo(2);
    assertThat(d.pathways()).isEqualTo(2);
    assertThat(xml)
        .contains("value=\"A12S\" date=\"2024-03-01\"")
        .contains("value=\"A12A\" date=\"2024-03-31\"")
        .doesNotContain("2024-02-29")
        .doesNotContain("2024-04-01")
        .contains(before.toString())
        .contains(after.toString())
        .doesNotContain(anne);
    assertThat(schemas.problemsOfMessage(xml)).isEmpty();
    assertThat(d.sequence()).isEqualTo(1);
    assertThat(d.supersedes()).isNull();
    assertThat(d.current()).isTrue();
    assertThat(d.createdBy()).isEqualTo("lise");
  }

  @Test
  void proposals_and_other_organisations_are_left_out() {
    var patient = TestPatients.next();
    var id = pathway(unit, patient, "A12A 2024-03-05");
    var derived =
        pathways.register(
            id,
            new RegisterCode(
                "A12S",
                LocalDate.parse("2024-03-10"),
                CodeState.PROPOSED,
                Origin.derived("test-rule", "1", List.of("Encounter/e1"), Map.of()),
                null,
                null,
                null,
                Remark.written("test")),
            DerivingCodes.DERIVATION);
    var otherUnit = no.forlop.testing.TestUnits.next();
    pathway(otherUnit, TestPatients.next(), "A12A 2024-03-06");

    var d = deliveries.deliver(unit, FROM, TO, leader);

    assertThat(derived).isInstanceOf(ChangeResult.Changed.class);
    assertThat(d.codes()).isEqualTo(1);
    assertThat(message(d))
        .contains("2024-03-05")
        .doesNotContain("2024-03-10")
        .doesNotContain("2024-03-06");
  }

  @Test
  void a_code_of_a_pathway_without_a_known_prefix_is_refused_by_name_not_sent_as_a_bare_suffix() {
    var actor = new Actor("kari", "PATIENT_CARE", Set.of(unit));
    var breast =
        pathways.create(CreatePathway.of(TestPatients.next(), "breast", unit, null), actor).id();
    assertThat(
            pathways.register(
                breast, RegisterCode.manual("A", LocalDate.parse("2024-03-05")), actor))
        .isInstanceOf(ChangeResult.Changed.class);
    var colorectal = pathway(unit, TestPatients.next(), "A12A 2024-03-06");

    var d = deliveries.deliver(unit, FROM, TO, leader);

    // the complete code is sent, the incomplete one named with why
    assertThat(d.codes()).isEqualTo(1);
    assertThat(d.withheldCodes()).isEqualTo(1);
    assertThat(message(d))
        .contains("value=\"A12A\"", colorectal.toString())
        .doesNotContain("value=\"A\"")
        .doesNotContain(breast.toString());
    assertThat(d.refusedCodes()).hasSize(1);
    var refused = d.refusedCodes().get(0);
    assertThat(refused.pathwayInstance()).isEqualTo(breast.value());
    assertThat(refused.pathway()).isEqualTo("breast");
    assertThat(refused.code()).isEqualTo("A");
    assertThat(refused.date()).isEqualTo(LocalDate.parse("2024-03-05"));
    assertThat(refused.reason()).isEqualTo("CODE_PREFIX_UNKNOWN");
    assertThat(refused.detail())
        .isEqualTo(
            "the catalogue has no code prefix for the pathway breast, so A of 2024-03-05 is"
                + " incomplete (code missing from the catalogue) and is not sent; it is sent once a"
                + " catalogue version with the prefix is in force");
    // kept with the delivery, as delivered
    assertThat(deliveries.get(d.id(), leader).refusedCodes()).containsExactly(refused);
  }

  @Test
  void a_delivery_of_complete_codes_refuses_none() {
    pathway(unit, TestPatients.next(), "A12A 2024-03-06");

    var d = deliveries.deliver(unit, FROM, TO, leader);

    assertThat(d.codes()).isEqualTo(1);
    assertThat(d.withheldCodes()).isZero();
    assertThat(d.refusedCodes()).isEmpty();
  }

  @Test
  void the_identities_are_separate_complete_and_their_download_is_audited() {
    var anne = TestPatients.next();
    var bob = TestPatients.next();
    pathway(unit, anne, "A12A 2024-03-02");
    pathway(unit, bob, "A12A 2024-03-03");
    pathway(unit, TestPatients.next(), "A12A 2024-04-03");

    var d = deliveries.deliver(unit, FROM, TO, leader);
    var identities = deliveries.identities(d.id(), leader);

    assertThat(NprDeliveries.identityNumbers(identities)).containsExactlyInAnyOrder(anne, bob);
    assertThat(NprDeliveries.identityKeys(identities)).containsExactly("P1", "P2");
    assertThat(message(d)).contains("key=\"P1\"").contains("key=\"P2\"").doesNotContain(anne);
    assertThat(schemas.problemsOfIdentities(identities)).isEmpty();
    assertThat(NprDeliveries.sha256(identities)).isEqualTo(d.identitiesSha256());
    assertThat(NprDeliveries.sha256(message(d))).isEqualTo(d.messageSha256());
    var resources = audit.forPatient(anne).stream().map(e -> e.resource()).toList();
    assertThat(resources)
        .contains("npr-delivery/" + d.id())
        .contains("npr-delivery/" + d.id() + "/identities");
  }

  @Test
  void a_re_delivery_supersedes_the_first_and_carries_the_correction() {
    var id = pathway(unit, TestPatients.next(), "A12A 2024-03-02", "A12S 2024-03-09");
    var first = deliveries.deliver(unit, FROM, TO, leader);
    var registration =
        pathways.get(id, null, leader).codes().stream()
            .filter(c -> "A12S".equals(c.code()))
            .findFirst()
            .orElseThrow()
            .registration();
    var corrected =
        pathways.correct(
            id,
            registration,
            null,
            LocalDate.parse("2024-03-12"),
            Remark.written("wrong day"),
            leader);
    assertThat(corrected).isInstanceOf(ChangeResult.Changed.class);
    // an overlapping but different period is a delivery of its own
    var overlapping = deliveries.deliver(unit, FROM, LocalDate.parse("2024-04-30"), leader);

    var second = deliveries.deliver(unit, FROM, TO, leader);

    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.supersedes()).isEqualTo(first.id());
    assertThat(message(second))
        .contains("supersedes=\"" + first.id() + "\"")
        .contains("value=\"A12S\" date=\"2024-03-12\"")
        .doesNotContain("2024-03-09");
    assertThat(message(first)).contains("value=\"A12S\" date=\"2024-03-09\"");
    var record = deliveries.list(unit, leader);
    assertThat(record)
        .extracting(DeliverySummary::id)
        .containsExactlyInAnyOrder(first.id(), second.id(), overlapping.id());
    assertThat(deliveries.get(first.id(), leader).current()).isFalse();
    assertThat(deliveries.get(first.id(), leader).supersededBy()).isEqualTo(second.id());
    assertThat(deliveries.get(second.id(), leader).current()).isTrue();
    assertThat(deliveries.get(overlapping.id(), leader).current()).isTrue();
    assertThat(overlapping.supersedes()).isNull();
  }

  @Test
  void another_units_leader_is_refused() {
    pathway(unit, TestPatients.next(), "A12A 2024-03-02");
    var d = deliveries.deliver(unit, FROM, TO, leader);
    var stranger = new Actor("nina", "STATISTICS", Set.of("910000020"));

    assertThatThrownBy(() -> deliveries.deliver(unit, FROM, TO, stranger))
        .isInstanceOfSatisfying(
            NprDeliveryException.class,
            e -> assertThat(e.kind()).isEqualTo(NprDeliveryException.Kind.OUTSIDE_UNITS));
    assertThatThrownBy(() -> deliveries.identities(d.id(), stranger))
        .isInstanceOf(NprDeliveryException.class);
    assertThat(deliveries.list(null, stranger)).noneMatch(x -> x.organisation().equals(unit));
  }

  // ------------------------------------------------------------------------------- over HTTP

  @Test
  void over_http_a_delivery_is_made_listed_and_downloaded_exactly_as_stored() {
    var org = "910000020";
    var patient = TestPatients.next();
    pathway(org, patient, "A12A 2019-06-03");
    var body = "{\"organisation\":\"910000020\",\"from\":\"2019-06-01\",\"to\":\"2019-06-30\"}";

    var created = post("/api/v1/npr/deliveries", body, AS, "lise");
    assertThat(created.status()).isEqualTo(201);
    var id = created.json().get("id").asString();
    assertThat(created.location()).endsWith("/api/v1/npr/deliveries/" + id);
    assertThat(created.json().get("current").asBoolean()).isTrue();

    var message = get("/api/v1/npr/deliveries/" + id + "/message.xml", AS, "lise");
    assertThat(message.status()).isEqualTo(200);
    assertThat(message.contentType()).startsWith("application/xml");
    assertThat(NprDeliveries.sha256(message.body()))
        .isEqualTo(created.json().get("messageSha256").asString());
    assertThat(message.body()).contains("date=\"2019-06-03\"").doesNotContain(patient);
    var identities = get("/api/v1/npr/deliveries/" + id + "/identities.xml", AS, "admin");
    assertThat(identities.body()).contains(patient);

    var again = post("/api/v1/npr/deliveries", body, AS, "admin");
    assertThat(again.json().get("supersedes").asString()).isEqualTo(id);
    var list = get("/api/v1/npr/deliveries?organisation=910000020", AS, "lise").json();
    var first =
        java.util.stream.StreamSupport.stream(list.spliterator(), false)
            .filter(n -> n.get("id").asString().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(first.get("current").asBoolean()).isFalse();
    assertThat(
            get("/api/v1/npr/deliveries/" + id, AS, "lise").json().get("supersededBy").asString())
        .isEqualTo(again.json().get("id").asString());
  }

  @Test
  void over_http_other_roles_and_other_units_are_refused() {
    var body = "{\"organisation\":\"910000012\",\"from\":\"2019-06-01\",\"to\":\"2019-06-30\"}";
    var coordinator = post("/api/v1/npr/deliveries", body, AS, "kari");
    assertThat(coordinator.status()).isEqualTo(403);
    assertThat(coordinator.outcome().getIssueFirstRep().getCode().toCode()).isEqualTo("forbidden");
    assertThat(get("/api/v1/npr/deliveries", AS, "nina").status()).isEqualTo(403);

    pathway(unit, TestPatients.next(), "A12A 2024-03-02");
    var outside =
        post(
            "/api/v1/npr/deliveries",
            "{\"organisation\":\"" + unit + "\",\"from\":\"2024-03-01\",\"to\":\"2024-03-31\"}",
            AS,
            "lise");
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.reason()).isEqualTo("OUTSIDE_UNITS");
    assertThat(outside.text())
        .isEqualTo("Organisasjonen " + unit + " er ikke en av enhetene dine.");
    var outsideEnglish =
        post(
            "/api/v1/npr/deliveries",
            "{\"organisation\":\"" + unit + "\",\"from\":\"2024-03-01\",\"to\":\"2024-03-31\"}",
            AS,
            "lise",
            ENGLISH[0],
            ENGLISH[1]);
    assertThat(outsideEnglish.reason()).isEqualTo("OUTSIDE_UNITS");
    assertThat(outsideEnglish.text())
        .isEqualTo("Organisation " + unit + " is not one of your units.");
    var mine = deliveries.deliver(unit, FROM, TO, leader);
    var foreign = get("/api/v1/npr/deliveries/" + mine.id() + "/identities.xml", AS, "lise");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.body()).doesNotContain("idType");
  }

  @Test
  void over_http_bad_input_is_refused() {
    var missing =
        post(
            "/api/v1/npr/deliveries",
            "{\"from\":\"2024-03-01\",\"to\":\"2024-03-31\"}",
            AS,
            "lise");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.reason()).isEqualTo("MISSING_FIELD");
    assertThat(missing.text())
        .isEqualTo("Feltet «organisation» mangler. Fyll det ut og send forespørselen på nytt.");
    var noTo =
        post(
            "/api/v1/npr/deliveries",
            "{\"organisation\":\"910000012\",\"from\":\"2024-03-01\"}",
            AS,
            "lise");
    assertThat(noTo.status()).isEqualTo(400);
    var backwards =
        post(
            "/api/v1/npr/deliveries",
            "{\"organisation\":\"910000012\",\"from\":\"2024-03-31\",\"to\":\"2024-03-01\"}",
            AS,
            "lise");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.reason()).isEqualTo("INVALID_PERIOD");
    assertThat(backwards.text())
        .isEqualTo(
            "Perioden slutter (2024-03-01) før den begynner (2024-03-31). Bytt om «from» og «to».");
    var future =
        post(
            "/api/v1/npr/deliveries",
            "{\"organisation\":\"910000012\",\"from\":\"2024-12-01\",\"to\":\"2025-01-31\"}",
            AS,
            "lise",
            ENGLISH[0],
            ENGLISH[1]);
    assertThat(future.reason()).isEqualTo("INVALID_PERIOD");
    assertThat(future.text())
        .isEqualTo(
            "The period cannot end after today (2024-12-31), but ends 2025-01-31. Choose a period"
                + " that is over.");
    var unknown =
        post(
            "/api/v1/npr/deliveries",
            "{\"organisation\":\"999999999\",\"from\":\"2024-03-01\",\"to\":\"2024-03-31\"}",
            AS,
            "admin");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.reason()).isEqualTo("UNKNOWN_ORGANISATION");
    assertThat(unknown.text())
        .isEqualTo(
            "Organisasjonen 999999999 er verken en enhet eller eier av noe forløp. Kontroller"
                + " organisasjonsnummeret.");
    var notADate =
        post(
            "/api/v1/npr/deliveries",
            "{\"organisation\":\"910000012\",\"from\":\"2024-02-30\",\"to\":\"2024-03-31\"}",
            AS,
            "lise");
    assertThat(notADate.status()).isEqualTo(400);
    assertThat(get("/api/v1/npr/deliveries/" + UUID.randomUUID(), AS, "lise").status())
        .isEqualTo(404);
  }
}
