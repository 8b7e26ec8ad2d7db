package no.forlop.ingest.referral;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GP's referral passes HAPI's R4 instance validator: every resource against its base profile
 * (cardinalities, types, invariants, required value sets) and the Bundle's transaction rules. The
 * Norwegian code systems (kodeverk 8480, 8306, ICD-10) are not known to the validator, which says
 * so as a warning at most; an error is what a receiving FHIR server would refuse.
 */
class ReferralBundleValidationTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirValidator validator;

  @BeforeAll
  static void validator() {
    var support =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR),
            new CommonCodeSystemsTerminologyService(FHIR));
    validator = FHIR.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(support));
  }

  private static GpReferral referral(String fnr, String icd10) {
    return new GpReferral(
        UUID.fromString("6a1f0c2e-3b7d-4e59-8c21-9d4e5f6a7b80"),
        Instant.parse("2024-12-30T09:15:00Z"),
        new GpReferral.Person(fnr, "Kari Testesen", LocalDate.of(1950, 1, 1)),
        new GpReferral.Organisation("974600951", "Fjordby legesenter"),
        new GpReferral.Organisation("910000012", "Fjordby sykehus HF"),
        "lung",
        "Pakkeforløp for lungekreft",
        "A12A",
        "PK",
        icd10,
        "2026.12.1",
        "Kriteriene for begrunnet mistanke er oppfylt.",
        List.of(
            new GpReferral.Answer("lung-xray", "filterSteps", "Røntgen thorax tatt", true),
            new GpReferral.Answer("lung-haemoptysis", "criteria", "Hemoptyse", false),
            new GpReferral.Answer(
                "lung-referral-xray", ReferralBundles.REQUIRED_CONTENT, "Røntgensvar", true),
            new GpReferral.Answer(
                "lung-referral-smoking", ReferralBundles.REQUIRED_CONTENT, "Røykeanamnese", false)),
        List.of("Røntgensvar", "Røykeanamnese"));
  }

  private static List<SingleValidationMessage> errors(String resource) {
    return validator.validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .toList();
  }

  @Test
  void the_referral_bundle_has_no_validation_error() {
    var bundle = ReferralBundles.transaction(referral(TestPatients.next(), "C34"));

    assertThat(errors(bundle)).isEmpty();
  }

  @Test
  void a_referral_without_a_suspected_diagnosis_is_valid_too() {
    var bundle = ReferralBundles.transaction(referral(TestPatients.next(), null));

    assertThat(errors(bundle)).isEmpty();
  }

  @Test
  void the_validator_finds_an_error_in_a_broken_referral() {
    // the same Bundle with the ServiceRequest's required status taken out: the validator must
    // say so, or the tests above would pass whatever the Bundle held
    var bundle = ReferralBundles.transaction(referral(TestPatients.next(), "C34"));
    var broken = bundle.replaceFirst("\"status\": \"active\",", "");
    assertThat(broken).isNotEqualTo(bundle);

    assertThat(errors(broken))
        .extracting(SingleValidationMessage::getMessage)
        .anyMatch(m -> m.contains("ServiceRequest.status"));
  }

  @Test
  void a_referral_naming_the_gp_by_hpr_number_is_valid_too() {
    var fromGp = referral(TestPatients.next(), "C34").withRequesterHpr("9144900");

    var bundle = ReferralBundles.transaction(fromGp);

    assertThat(bundle).contains("PractitionerRole", "9144900");
    assertThat(errors(bundle)).isEmpty();
  }
}
