package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Attendance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** References, relative, absolute or by urn:uuid, all lead to the key of the resource. */
class ReferencesTest {

  private static final String URN = "urn:uuid:6b1f3c1e-8f0a-4d4b-9c55-0d2f6a1e7c01";

  private final References references = new References(Map.of(URN, "Patient/p1"));

  @Test
  void references_in_all_three_forms_in_one_bundle_resolve_to_the_same_key() {
    var events = new FhirDeliveryReader().read(fixture("references-three-forms.json")).events();

    assertThat(events.get(0).source().key()).isEqualTo("Patient/p1");
    assertThat(events.subList(1, 4))
        .hasOnlyElementsOfType(Attendance.class)
        .map(ClinicalEvent::patient)
        .containsOnly("Patient/p1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Patient/p1",
        "https://ehr.fjordby.example/fhir/Patient/p1",
        "https://ehr.fjordby.example/fhir/Patient/p1/_history/2",
        "Patient/p1/_history/2",
        URN
      })
  void each_form_resolves_to_type_and_id(String reference) {
    assertThat(references.resolve(reference))
        .isEqualTo(new References.Target("Patient/p1", "Patient"));
  }

  @Test
  void a_urn_the_delivery_does_not_explain_is_its_own_key_of_unknown_type() {
    var urn = "urn:uuid:11111111-2222-4333-8444-555555555555";

    assertThat(references.resolve(urn)).isEqualTo(new References.Target(urn, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"#contained1", "p1", "https://ehr.fjordby.example/fhir/", "Patient?x=1"})
  void other_forms_are_not_understood(String reference) {
    assertThat(references.resolve(reference)).isNull();
  }
}
