package no.forlop.ingest.referral;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.Code;
import no.forlop.ingest.fhir.FhirDeliveryReader;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * The GP's referral as FHIR: HAPI parses it strictly as R4, and the intake's own reader (the one
 * behind {@code /fhir}) accepts every resource and reads a pathway referral from it.
 */
class ReferralBundlesTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Instant WRITTEN = Instant.parse("2024-12-30T09:15:00Z");

  private static GpReferral referral(String fnr, String code, String priority, String icd10) {
    return new GpReferral(
        UUID.fromString("0d7c6b8e-2f4a-4c1e-9a53-7b1f2e6d9c40"),
        WRITTEN,
        new GpReferral.Person(fnr, "Kari Testesen", LocalDate.of(1950, 1, 1)),
        new GpReferral.Organisation("974600951", "Fjordby legesenter"),
        new GpReferral.Organisation("910000012", "Fjordby sykehus HF"),
        "colorectal",
        "Pakkeforløp for tykk- og endetarmskreft",
        code,
        priority,
        icd10,
        "2026.12.1",
        "Kriteriene for begrunnet mistanke er oppfylt.",
        List.of(
            new GpReferral.Answer("colorectal-age-over-40", "criteria", "Over 40 år", true),
            new GpReferral.Answer("colorectal-bleeding", "criteria", "Blødning", false)),
        List.of("Familiehistorie", "Hemoglobinverdi"));
  }

  private static Bundle parsed(String json) {
    var parser = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    return parser.parseResource(Bundle.class, json);
  }

  @Test
  void the_bundle_is_a_strictly_valid_r4_transaction_of_creates_with_urn_uuids() {
    var bundle =
        parsed(ReferralBundles.transaction(referral(TestPatients.next(), "A12A", "PK", "C18")));

    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(bundle.getEntry())
        .extracting(e -> e.getResource().fhirType())
        .containsExactly(
            "Patient", "Organization", "Organization", "ServiceRequest", "QuestionnaireResponse");
    assertThat(bundle.getEntry())
        .allSatisfy(
            e -> {
              assertThat(e.getFullUrl()).matches("urn:uuid:[0-9a-f-]{36}");
              assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
              assertThat(e.getRequest().getUrl()).isEqualTo(e.getResource().fhirType());
            });
    var request = (ServiceRequest) bundle.getEntry().get(3).getResource();
    assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
    assertThat(request.getCode().getCodingFirstRep().getSystem()).isEqualTo(Code.PATHWAY_CODES);
    assertThat(request.getCode().getCodingFirstRep().getCode()).isEqualTo("A12A");
    assertThat(request.getCategoryFirstRep().getCodingFirstRep().getSystem())
        .isEqualTo(Code.REFERRAL_PRIORITY);
    assertThat(request.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("PK");
    assertThat(request.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("C18");
    assertThat(request.getIdentifierFirstRep().getSystem())
        .isEqualTo(ReferralBundles.IDENTIFIER_SYSTEM);
    assertThat(request.getNote()).hasSize(2);
    assertThat(request.getNote().get(1).getText())
        .contains("- Familiehistorie", "- Hemoglobinverdi");
    assertThat(request.getSupportingInfoFirstRep().getReference())
        .isEqualTo(bundle.getEntry().get(4).getFullUrl());
    var patient = (Patient) bundle.getEntry().get(0).getResource();
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1950-01-01");
    assertThat(patient.getNameFirstRep().getText()).isEqualTo("Kari Testesen");
  }

  @Test
  void the_answers_are_a_questionnaire_response_by_the_criteria_item_ids() {
    var bundle =
        parsed(ReferralBundles.transaction(referral(TestPatients.next(), "A12A", "PK", null)));

    var response = (QuestionnaireResponse) bundle.getEntry().get(4).getResource();
    assertThat(response.getQuestionnaire())
        .isEqualTo("https://forlop.no/fhir/Questionnaire/entry-criteria-colorectal|2026.12.1");
    var criteria = response.getItem().get(0);
    assertThat(criteria.getLinkId()).isEqualTo("criteria");
    assertThat(criteria.getItem())
        .extracting(
            i -> i.getLinkId() + "=" + i.getAnswerFirstRep().getValueBooleanType().getValue())
        .containsExactly("colorectal-age-over-40=true", "colorectal-bleeding=false");
    assertThat(response.getItem().get(1).getAnswerFirstRep().getValueStringType().getValue())
        .isEqualTo("Kriteriene for begrunnet mistanke er oppfylt.");
    assertThat(response.getBasedOnFirstRep().getReference())
        .isEqualTo(bundle.getEntry().get(3).getFullUrl());
  }

  @Test
  void the_intake_reads_every_resource_and_a_pathway_referral_from_the_gp_to_the_hospital() {
    var fnr = TestPatients.next();
    var json = ReferralBundles.transaction(referral(fnr, "A12A", "PK", "C18.7"));

    var delivery = new FhirDeliveryReader().read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(delivery.rejected()).isEmpty();
    assertThat(delivery.ignored()).isEmpty();
    assertThat(delivery.accepted()).hasSize(5);
    var referral =
        delivery.events().stream()
            .filter(ClinicalEvent.Referral.class::isInstance)
            .map(ClinicalEvent.Referral.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(referral.codes())
        .containsExactly(
            new Code(Code.PATHWAY_CODES, "A12A"), new Code(Code.REFERRAL_PRIORITY, "PK"));
    assertThat(referral.reasons()).containsExactly(new Code(Code.ICD10, "C18.7"));
    assertThat(referral.authoredOn()).isEqualTo(WRITTEN);
    assertThat(referral.status()).isEqualTo("active");
    assertThat(referral.requester()).isNotNull().isNotEqualTo(referral.performer());
    var patient =
        delivery.events().stream()
            .filter(ClinicalEvent.PatientRecord.class::isInstance)
            .map(ClinicalEvent.PatientRecord.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(patient.identifier()).isEqualTo(fnr);
    assertThat(referral.patient()).isEqualTo(patient.source().key());
  }

  @Test
  void without_a_known_pathway_code_the_referral_carries_priority_pk_and_the_reason_only() {
    var json = ReferralBundles.transaction(referral(TestPatients.next(), null, "PK", "C34"));

    var request = (ServiceRequest) parsed(json).getEntry().get(3).getResource();
    assertThat(request.getCode().hasCoding()).isFalse();
    assertThat(request.getCode().getText()).isEqualTo("Pakkeforløp for tykk- og endetarmskreft");
    var delivery = new FhirDeliveryReader().read(json.getBytes(StandardCharsets.UTF_8));
    assertThat(delivery.rejected()).isEmpty();
  }

  @Test
  void the_same_referral_built_twice_is_the_same_bundle() {
    var fnr = TestPatients.next();
    assertThat(ReferralBundles.transaction(referral(fnr, "A12A", "PK", null)))
        .isEqualTo(ReferralBundles.transaction(referral(fnr, "A12A", "PK", null)));
  }

  @Test
  void a_person_prints_no_personal_data() {
    var fnr = TestPatients.next();
    assertThat(new GpReferral.Person(fnr, "Kari Testesen", null).toString())
        .doesNotContain(fnr, "Kari");
  }

  @Test
  void a_d_nummer_is_sent_as_a_d_nummer_and_an_invalid_number_is_refused_without_naming_it() {
    var bundle = parsed(ReferralBundles.transaction(referral("41015010027", "A12A", "PK", null)));
    var patient = (Patient) bundle.getEntry().get(0).getResource();
    assertThat(patient.getIdentifierFirstRep().getSystem())
        .isEqualTo(no.forlop.patient.PatientIdentifier.DNR_SYSTEM);
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("41015010027");

    var fnr = TestPatients.next();
    var wrong = fnr.substring(0, 10) + ((fnr.charAt(10) - '0' + 1) % 10);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ReferralBundles.transaction(referral(wrong, "A12A", "PK", null)))
        .isInstanceOf(no.forlop.patient.InvalidPatientIdentifierException.class)
        .message()
        .doesNotContain(wrong);
  }

  private static GpReferral fromGp(String fnr, String hpr) {
    return referral(fnr, "A12A", "PK", "C18").withRequesterHpr(hpr);
  }

  @Test
  void with_the_gps_hpr_number_the_requester_is_the_gp_at_the_practice_and_still_strict_r4() {
    var bundle = parsed(ReferralBundles.transaction(fromGp(TestPatients.next(), "9144900")));

    assertThat(bundle.getEntry()).hasSize(5);
    var request = (ServiceRequest) bundle.getEntry().get(3).getResource();
    assertThat(request.getRequester().getReference()).isEqualTo("#requester");
    var role = (org.hl7.fhir.r4.model.PractitionerRole) request.getContained().get(0);
    assertThat(role.getPractitioner().getIdentifier().getSystem())
        .isEqualTo("urn:oid:2.16.578.1.12.4.1.4.4");
    assertThat(role.getPractitioner().getIdentifier().getValue()).isEqualTo("9144900");
    assertThat(role.getOrganization().getReference())
        .as("the practice is the Bundle's requesting Organization")
        .isEqualTo(bundle.getEntry().get(1).getFullUrl());
  }

  @Test
  void the_intake_reads_the_practice_and_the_gps_hpr_number_from_the_contained_role() {
    var json = ReferralBundles.transaction(fromGp(TestPatients.next(), "9144900"));
    var plain = ReferralBundles.transaction(referral(TestPatients.next(), "A12A", "PK", "C18"));

    var delivery = new FhirDeliveryReader().read(json.getBytes(StandardCharsets.UTF_8));
    var withoutGp = new FhirDeliveryReader().read(plain.getBytes(StandardCharsets.UTF_8));

    assertThat(delivery.rejected()).isEmpty();
    var referral = referralOf(delivery);
    var organisation = referralOf(withoutGp);
    assertThat(referral.requesterHpr()).isEqualTo("9144900");
    assertThat(referral.requester())
        .as("the same practice key as a referral from the Organization")
        .isEqualTo(organisation.requester())
        .isNotNull();
    assertThat(organisation.requesterHpr()).isNull();
  }

  private static ClinicalEvent.Referral referralOf(no.forlop.ingest.fhir.Delivery delivery) {
    return delivery.events().stream()
        .filter(ClinicalEvent.Referral.class::isInstance)
        .map(ClinicalEvent.Referral.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
