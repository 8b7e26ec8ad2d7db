package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.collection;
import static no.forlop.ingest.fhir.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralResponse;
import no.forlop.ingest.fhir.Delivery.Ignored;
import no.forlop.ingest.referral.GpReferral;
import no.forlop.ingest.referral.ReferralBundles;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * The GP's answers to a pathway's entry criteria, sent with the referral, as the intake reads them
 * (ADR 0044): complete when every item of required content is confirmed, incomplete when one is
 * not, unknown when the response lists none; a response based on no referral is ignored with the
 * reason, and a response to another questionnaire is an assessment as before.
 */
class EntryCriteriaResponsesTest {

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  private static String bundle(Boolean... confirmed) {
    var answers = new ArrayList<GpReferral.Answer>();
    answers.add(new GpReferral.Answer("colorectal-age-over-40", "criteria", "Over 40 år", true));
    for (int i = 0; i < confirmed.length; i++) {
      answers.add(
          new GpReferral.Answer(
              "content-" + i, ReferralBundles.REQUIRED_CONTENT, "Innhold " + i, confirmed[i]));
    }
    return ReferralBundles.transaction(
        new GpReferral(
            UUID.randomUUID(),
            Instant.parse("2024-12-20T09:00:00Z"),
            new GpReferral.Person(TestPatients.next(), "Kari Testesen", null),
            new GpReferral.Organisation("974600951", "Fjordby legesenter"),
            new GpReferral.Organisation("910000012", null),
            "colorectal",
            "Pakkeforløp for tykk- og endetarmskreft",
            "A12A",
            "PK",
            "C18",
            "test",
            "Kriteriene er oppfylt.",
            answers,
            List.of()));
  }

  private ReferralResponse response(String bundle) {
    var delivery = reader.read(bundle.getBytes(StandardCharsets.UTF_8));
    var referral =
        delivery.events().stream().filter(Referral.class::isInstance).findFirst().orElseThrow();
    var response =
        delivery.events().stream()
            .filter(ReferralResponse.class::isInstance)
            .map(ReferralResponse.class::cast)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no response in " + delivery.items()));
    assertThat(response.referral()).isEqualTo(referral.source().key());
    assertThat(response.questionnaire())
        .isEqualTo(ReferralBundles.QUESTIONNAIRE + "colorectal")
        .doesNotContain("|");
    assertThat(response.status()).isEqualTo("completed");
    return response;
  }

  @Test
  void every_item_of_required_content_confirmed_is_complete() {
    var response = response(bundle(true, true));

    assertThat(response.requiredContent()).isEqualTo(2);
    assertThat(response.confirmed()).isEqualTo(2);
    assertThat(response.complete()).isTrue();
  }

  @Test
  void one_item_not_confirmed_is_incomplete() {
    var response = response(bundle(true, false));

    assertThat(response.requiredContent()).isEqualTo(2);
    assertThat(response.confirmed()).isEqualTo(1);
    assertThat(response.complete()).isFalse();
  }

  @Test
  void a_response_that_lists_no_required_content_leaves_completeness_unknown() {
    var response = response(bundle());

    assertThat(response.requiredContent()).isZero();
    assertThat(response.complete()).isNull();
  }

  @Test
  void a_response_to_the_entry_criteria_based_on_no_referral_is_ignored_with_the_reason() {
    var delivery =
        reader.read(
            collection(
                patient("p1", "12036110072"),
                """
                    {"resourceType": "QuestionnaireResponse", "id": "qr1", "status": "completed",
                     "questionnaire": "%scolorectal|1",
                     "subject": {"reference": "Patient/p1"},
                     "authored": "2024-12-20T10:00:00+01:00"}
                    """
                    .formatted(ReferralBundles.QUESTIONNAIRE)));

    assertThat(delivery.ignored())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.source()).isEqualTo("QuestionnaireResponse/qr1");
              assertThat(i.reason().english()).contains("based on (basedOn) no referral");
            });
    assertThat(delivery.rejected()).isEmpty();
  }

  @Test
  void a_response_to_another_questionnaire_is_an_assessment_as_before() {
    var delivery =
        reader.read(
            collection(
                patient("p1", "12036110072"),
                """
                    {"resourceType": "QuestionnaireResponse", "id": "qr2", "status": "completed",
                     "questionnaire": "https://example.org/Questionnaire/phq9",
                     "subject": {"reference": "Patient/p1"},
                     "authored": "2024-12-20T10:00:00+01:00"}
                    """));

    assertThat(delivery.events()).anyMatch(Assessment.class::isInstance);
    assertThat(delivery.events()).noneMatch(ReferralResponse.class::isInstance);
    assertThat(delivery.ignored()).extracting(Ignored::source).isEmpty();
  }
}
