package no.forlop.coding.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.Code;
import no.forlop.coding.SourceRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The stored form of the facts: what it says, and that it reads back as the same fact. */
class PayloadTest {

  private static final JsonMapper JSON = FactPayloads.mapper();
  private static final SourceRef SOURCE =
      new SourceRef(
          "MedicationAdministration/ma1", "MedicationAdministration/ma1", List.of(), null, null);

  private static DrugAdministered drug(String medicationReference) {
    return new DrugAdministered(
        SOURCE,
        "Patient/p1",
        "completed",
        medicationReference == null ? List.of(new Code(Code.ATC, "L01BC02")) : List.of(),
        Instant.parse("2024-04-10T08:00:00Z"),
        null,
        List.of(),
        medicationReference);
  }

  @Test
  void a_drug_given_as_a_code_is_stored_as_it_was_before_drugs_could_name_a_medication() {
    var payload = JSON.writeValueAsString(drug(null));

    assertThat(payload)
        .isEqualTo(
            "{\"source\":{\"key\":\"MedicationAdministration/ma1\",\"display\":"
                + "\"MedicationAdministration/ma1\",\"identifiers\":[],\"version\":null,"
                + "\"lastUpdated\":null},\"patient\":\"Patient/p1\",\"status\":\"completed\","
                + "\"medication\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"L01BC02\"}],"
                + "\"effective\":\"2024-04-10T08:00:00Z\",\"context\":null,\"performers\":[]}");
    assertThat(JSON.readValue(payload, DrugAdministered.class)).isEqualTo(drug(null));
  }

  @Test
  void a_drug_naming_its_medication_keeps_the_name() {
    var payload = JSON.writeValueAsString(drug("Medication/m1"));

    assertThat(payload).contains("\"medicationReference\":\"Medication/m1\"");
    assertThat(JSON.readValue(payload, DrugAdministered.class)).isEqualTo(drug("Medication/m1"));
  }

  @Test
  void a_medication_and_what_was_not_done_read_back_as_the_same_facts() {
    var medication =
        new MedicationRecord(
            new SourceRef("Medication/m1", "Medication/m1", List.of("urn:ehr|1"), "2", null),
            "active",
            List.of(new Code(Code.ATC, "L01BC02")));
    var notDone = new NotDone(SOURCE, "Patient/p1", "not-done");

    assertThat(JSON.readValue(JSON.writeValueAsString(medication), MedicationRecord.class))
        .isEqualTo(medication);
    assertThat(JSON.readValue(JSON.writeValueAsString(notDone), NotDone.class)).isEqualTo(notDone);
  }

  private static no.forlop.coding.ClinicalEvent.Attendance visit(List<Code> types) {
    return new no.forlop.coding.ClinicalEvent.Attendance(
        new SourceRef("Encounter/e1", "Encounter/e1", List.of(), null, null),
        "Patient/p1",
        no.forlop.coding.ClinicalEvent.Attendance.Kind.ENCOUNTER,
        "finished",
        "AMB",
        List.of("Organization/hf1"),
        Instant.parse("2024-03-11T08:00:00Z"),
        types);
  }

  @Test
  void an_encounter_without_coded_types_is_stored_as_it_was_before_types_were_read() {
    var payload = JSON.writeValueAsString(visit(List.of()));

    assertThat(payload)
        .isEqualTo(
            "{\"source\":{\"key\":\"Encounter/e1\",\"display\":\"Encounter/e1\","
                + "\"identifiers\":[],\"version\":null,\"lastUpdated\":null},"
                + "\"patient\":\"Patient/p1\",\"kind\":\"ENCOUNTER\",\"status\":\"finished\","
                + "\"attendanceClass\":\"AMB\",\"organisations\":[\"Organization/hf1\"],"
                + "\"start\":\"2024-03-11T08:00:00Z\"}");
    assertThat(JSON.readValue(payload, no.forlop.coding.ClinicalEvent.Attendance.class))
        .isEqualTo(visit(List.of()));
  }

  @Test
  void an_encounter_with_coded_types_keeps_them() {
    var typed = visit(List.of(new Code("urn:ehr:visit", "TLF")));
    var payload = JSON.writeValueAsString(typed);

    assertThat(payload).contains("\"types\":[{\"system\":\"urn:ehr:visit\",\"code\":\"TLF\"}]");
    assertThat(JSON.readValue(payload, no.forlop.coding.ClinicalEvent.Attendance.class))
        .isEqualTo(typed);
  }
}
