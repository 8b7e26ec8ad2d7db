package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.forlop.coding.ClinicalEvent;
import org.junit.jupiter.api.Test;

/**
 * Who sent a referral (issue 17, ADR 0043): a requester Organization is the practice as before; a
 * contained PractitionerRole gives the practice by its organization and the GP by HPR number; a
 * contained resource of another type is refused; an identifier that is no HPR number is not kept.
 */
class ServiceRequestRequesterTest {

  private static final String ORGANISATION =
      """
      {"resourceType": "Organization", "id": "legesenter",
       "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "974600951"}]}
      """;

  private static String request(String contained, String requester) {
    return """
        {"resourceType": "ServiceRequest", "id": "sr1", %s
         "status": "active", "intent": "order",
         "code": {"coding": [{"system": "urn:oid:2.16.578.1.12.4.1.1.8480", "code": "A12A"}]},
         "subject": {"reference": "Patient/p1"},
         "requester": {"reference": "%s"},
         "performer": [{"reference": "Organization/hf"}],
         "authoredOn": "2024-11-04T09:30:00+01:00"}
        """
        .formatted(contained, requester);
  }

  private static String role(String system, String value) {
    return """
        "contained": [{"resourceType": "PractitionerRole", "id": "requester",
          "practitioner": {"identifier": {"system": "%s", "value": "%s"}},
          "organization": {"reference": "Organization/legesenter"}}],
        """
        .formatted(system, value);
  }

  private static no.forlop.ingest.fhir.Delivery read(String serviceRequest) {
    var bundle =
        """
        {"resourceType": "Bundle", "type": "batch", "entry": [
          {"resource": %s, "request": {"method": "PUT", "url": "Organization/legesenter"}},
          {"resource": %s, "request": {"method": "PUT", "url": "ServiceRequest/sr1"}}]}
        """
            .formatted(ORGANISATION, serviceRequest);
    return new FhirDeliveryReader().read(bundle.getBytes(StandardCharsets.UTF_8));
  }

  private static ClinicalEvent.Referral referral(no.forlop.ingest.fhir.Delivery delivery) {
    assertThat(delivery.rejected()).isEmpty();
    return delivery.events().stream()
        .filter(ClinicalEvent.Referral.class::isInstance)
        .map(ClinicalEvent.Referral.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_requester_organization_is_the_practice_and_names_no_gp() {
    var referral = referral(read(request("", "Organization/legesenter")));

    assertThat(referral.requester()).isEqualTo("Organization/legesenter");
    assertThat(referral.requesterHpr()).isNull();
  }

  @Test
  void a_contained_practitioner_role_gives_the_practice_and_the_gps_hpr_number() {
    var referral =
        referral(read(request(role("urn:oid:2.16.578.1.12.4.1.4.4", "9144900"), "#requester")));

    assertThat(referral.requester()).isEqualTo("Organization/legesenter");
    assertThat(referral.requesterHpr()).isEqualTo("9144900");
  }

  @Test
  void an_identifier_of_another_system_or_not_an_hpr_number_is_not_kept() {
    var otherSystem =
        referral(read(request(role("urn:oid:2.16.578.1.12.4.1.4.1", "9144900"), "#requester")));
    var tooShort =
        referral(read(request(role("urn:oid:2.16.578.1.12.4.1.4.4", "914"), "#requester")));
    var tooLong =
        referral(read(request(role("urn:oid:2.16.578.1.12.4.1.4.4", "9144900123"), "#requester")));

    assertThat(otherSystem.requesterHpr()).isNull();
    assertThat(tooShort.requesterHpr()).isNull();
    assertThat(tooLong.requesterHpr()).isNull();
    assertThat(tooLong.requester()).as("the practice still").isEqualTo("Organization/legesenter");
  }

  @Test
  void a_contained_requester_of_another_type_is_refused() {
    var contained =
        """
        "contained": [{"resourceType": "Organization", "id": "requester",
          "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "974600951"}]}],
        """;

    var delivery = read(request(contained, "#requester"));

    assertThat(delivery.rejected()).hasSize(1);
    assertThat(delivery.rejected().get(0).reason().code()).isEqualTo("WRONG_REFERENCE_TYPE");
  }
}
