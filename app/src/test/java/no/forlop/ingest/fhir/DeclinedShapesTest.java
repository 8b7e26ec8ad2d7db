package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.collection;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.Code;
import no.forlop.ingest.fhir.Delivery.Ignored;
import org.junit.jupiter.api.Test;

/**
 * What was not done because the patient declined: the reason ({@code statusReason}) and the day are
 * kept with the not-done fact, so that the derivation can propose X (rule {@code
 * END-PATIENT-DECLINED}); without a coded reason it stays an ordinary not-done.
 */
class DeclinedShapesTest {

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  @Test
  void a_procedure_the_patient_declined_keeps_its_reason_day_and_performer() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "Organization", "id": "hf",
                 "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.101",
                                 "value": "910000012"}]}
                """,
                """
                {"resourceType": "Procedure", "id": "colo", "status": "not-done",
                 "statusReason": {"coding": [{"system": "http://snomed.info/sct",
                                              "code": "105480006"}]},
                 "code": {"coding": [{"system": "http://snomed.info/sct", "code": "73761001"}]},
                 "subject": {"reference": "Patient/p1"},
                 "performedDateTime": "2024-03-12T11:00:00+01:00",
                 "performer": [{"actor": {"reference": "Organization/hf"}}]}
                """));

    assertThat(delivery.rejected()).isEmpty();
    Ignored ignored =
        delivery.ignored().stream()
            .filter(i -> i.reason().code().startsWith("NOT_DONE"))
            .findFirst()
            .orElseThrow();
    assertThat(ignored.reason().code()).isEqualTo("NOT_DONE_WITH_REASON");
    assertThat(ignored.reason().english())
        .startsWith("Procedure/colo has status not-done with reason 105480006")
        .contains("END-PATIENT-DECLINED");
    assertThat(ignored.reason().norwegian())
        .startsWith("Procedure/colo har status not-done med årsak 105480006");
    assertThat(ignored.kept())
        .isInstanceOfSatisfying(
            NotDone.class,
            n -> {
              assertThat(n.reasons())
                  .containsExactly(new Code("http://snomed.info/sct", "105480006"));
              assertThat(n.performed()).isEqualTo(Instant.parse("2024-03-12T10:00:00Z"));
              assertThat(n.performers()).containsExactly("Organization/hf");
            });
  }

  @Test
  void a_drug_the_patient_declined_keeps_its_reason_and_day() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "MedicationAdministration", "id": "ma1", "status": "not-done",
                 "statusReason": [{"coding": [{"system": "http://snomed.info/sct",
                                               "code": "105480006"}]}],
                 "medicationCodeableConcept": {"coding": [{"system": "http://www.whocc.no/atc",
                                                           "code": "L01XC06"}]},
                 "subject": {"reference": "Patient/p1"},
                 "effectiveDateTime": "2024-04-10T10:00:00+02:00"}
                """));

    assertThat(delivery.ignored())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.reason().code()).isEqualTo("NOT_DONE_WITH_REASON");
              assertThat(i.kept())
                  .isInstanceOfSatisfying(
                      NotDone.class,
                      n -> {
                        assertThat(n.reasons()).extracting(Code::code).containsExactly("105480006");
                        assertThat(n.performed()).isEqualTo(Instant.parse("2024-04-10T08:00:00Z"));
                      });
            });
  }

  @Test
  void a_reason_given_only_as_text_is_an_ordinary_not_done() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "Procedure", "id": "op1", "status": "not-done",
                 "statusReason": {"text": "Pasienten takket nei"},
                 "subject": {"reference": "Patient/p1"},
                 "performedDateTime": "2024-03-12T11:00:00+01:00"}
                """));

    assertThat(delivery.ignored())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.reason().code()).isEqualTo("NOT_DONE");
              assertThat(((NotDone) i.kept()).reasons()).isEmpty();
            });
  }
}
