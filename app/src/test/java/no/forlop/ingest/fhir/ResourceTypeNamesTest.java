package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;

/**
 * The reader names the resource types it reads from their classes' {@code @ResourceDef} instead of
 * asking HAPI, which would scan every type's definition at start (ADR 0033): the names must be
 * HAPI's own, each naming the class HAPI parses it into.
 */
class ResourceTypeNamesTest {

  @Test
  void the_types_read_are_named_as_hapi_names_them() {
    var reader = new FhirDeliveryReader();
    var fhir = FhirContext.forR4Cached();

    assertThat(reader.resourceTypes())
        .containsExactly(
            "Appointment",
            "ClinicalImpression",
            "Condition",
            "Encounter",
            "EpisodeOfCare",
            "ImagingStudy",
            "Medication",
            "MedicationAdministration",
            "Organization",
            "Patient",
            "Procedure",
            "QuestionnaireResponse",
            "ServiceRequest",
            "Task");
    for (var type : reader.resourceTypes()) {
      var definition = fhir.getResourceDefinition(type);
      assertThat(fhir.getResourceType(definition.getImplementingClass())).isEqualTo(type);
      assertThat(definition.getImplementingClass().getPackageName())
          .isEqualTo("org.hl7.fhir.r4.model");
    }
  }

  @Test
  void a_type_it_does_not_read_is_not_among_them() {
    assertThat(new FhirDeliveryReader().resourceTypes()).doesNotContain("Observation", "Bundle");
  }
}
