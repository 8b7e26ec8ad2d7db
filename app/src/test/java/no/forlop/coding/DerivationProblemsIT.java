package no.forlop.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.coding.domain.ProblemCode;
import no.forlop.ingest.IntakeService;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A derivation problem is stored by its code and arguments and shown in the reader's language; one
 * stored before problems had codes is still shown, by its text.
 */
class DerivationProblemsIT extends ApplicationTest {

  static final Actor EHR = new Actor("ehr-test", "INTEGRATION");

  @Autowired IntakeService intake;
  @Autowired DerivingCodes derivation;
  @Autowired JdbcClient jdbc;

  @Test
  void a_referral_with_an_unknown_pathway_code_is_reported_by_code_in_norwegian_and_english() {
    var p = "p-" + UUID.randomUUID();
    var ndjson =
        """
        {"resourceType":"Patient","id":"%1$s","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"%2$s"}]}
        {"resourceType":"Organization","id":"hf1","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.101","value":"910000012"}]}
        {"resourceType":"ServiceRequest","id":"sr-%1$s","status":"active","intent":"order","subject":{"reference":"Patient/%1$s"},"performer":[{"reference":"Organization/hf1"}],"authoredOn":"2024-03-01T14:05:00+01:00","code":{"coding":[{"system":"urn:oid:2.16.578.1.12.4.1.1.8480","code":"A99A"}]}}
        """
            .formatted(p, TestPatients.next());
    intake.receive(ndjson.getBytes(StandardCharsets.UTF_8), "test", EHR, true);
    var source = "ServiceRequest/sr-" + p;

    assertThat(
            jdbc.sql(
                    "select code, array_to_string(args, '|') from derivation_problem where source = :s")
                .param("s", source)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                .list())
        .singleElement()
        .asString()
        .startsWith("UNKNOWN_PATHWAY_CODE A99A|");
    var norwegian = derivationProblem(get("/api/v1/ingest/rejections?limit=1000").json(), source);
    assertThat(norwegian.get("code").asString()).isEqualTo("UNKNOWN_PATHWAY_CODE");
    assertThat(norwegian.get("reason").asString())
        .startsWith("har forløpskoden A99A, som katalogen (versjon ")
        .endsWith(") ikke har");
    var english =
        derivationProblem(get("/api/v1/ingest/rejections?limit=1000", ENGLISH).json(), source);
    assertThat(english.get("code").asString()).isEqualTo("UNKNOWN_PATHWAY_CODE");
    assertThat(english.get("reason").asString())
        .startsWith("carries the pathway code A99A, which the catalogue (version ")
        .endsWith(") does not have");
  }

  @Test
  void a_problem_stored_before_problems_had_codes_is_shown_by_its_text() {
    var source = "ServiceRequest/old-" + UUID.randomUUID();
    jdbc.sql(
            """
            insert into derivation_problem (patient_key, source, reason, derived_at)
            values (:patient, :source, 'names the medication Medication/m1, which was never received', :at)
            """)
        .param("patient", "Patient/old-" + UUID.randomUUID())
        .param("source", source)
        .param("at", OffsetDateTime.parse("2024-12-01T10:00:00Z"))
        .update();

    assertThat(derivation.problems())
        .filteredOn(p -> p.source().equals(source))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(ProblemCode.UNCODED);
              assertThat(p.reason())
                  .isEqualTo("names the medication Medication/m1, which was never received");
              assertThat(p.text(ProblemCode.NORWEGIAN)).isEqualTo(p.reason());
            });
  }

  private static JsonNode derivationProblem(JsonNode rejections, String source) {
    for (var problem : rejections.get("derivationProblems")) {
      if (problem.get("source").asString().equals(source)) {
        return problem;
      }
    }
    throw new AssertionError(source + " is not among " + rejections.get("derivationProblems"));
  }
}
