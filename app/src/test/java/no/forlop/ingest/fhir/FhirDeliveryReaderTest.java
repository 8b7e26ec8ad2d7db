package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.collection;
import static no.forlop.ingest.fhir.FhirJson.encounter;
import static no.forlop.ingest.fhir.FhirJson.fixture;
import static no.forlop.ingest.fhir.FhirJson.patient;
import static no.forlop.ingest.fhir.FhirJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.ingest.fhir.Delivery.Accepted;
import no.forlop.ingest.fhir.Delivery.Ignored;
import no.forlop.ingest.fhir.Delivery.Item;
import no.forlop.ingest.fhir.Delivery.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a delivery is read: a Bundle, a single resource or NDJSON, every resource on its own, and
 * what is unreadable as a whole.
 */
class FhirDeliveryReaderTest {

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  @ParameterizedTest
  @ValueSource(strings = {"collection", "transaction", "batch"})
  void a_bundle_of_any_of_the_three_types_gives_one_item_per_entry_in_input_order(String type) {
    var bundle =
        """
        {"resourceType": "Bundle", "type": "%s", "entry": [
          {"fullUrl": "https://ehr.fjordby.example/fhir/Encounter/e1", "resource": %s},
          {"fullUrl": "https://ehr.fjordby.example/fhir/Patient/p1", "resource": %s}]}
        """
            .formatted(
                type, encounter("e1", "2024-03-11T08:30:00+01:00"), patient("p1", "12036110072"));

    var delivery = reader.read(utf8(bundle));

    assertThat(delivery.items()).map(Item::source).containsExactly("Encounter/e1", "Patient/p1");
    assertThat(delivery.events()).hasExactlyElementsOfTypes(Attendance.class, PatientRecord.class);
  }

  @Test
  void a_single_resource_is_a_delivery_of_one() {
    var delivery = reader.read(utf8(patient("p1", "12036110072")));

    assertThat(delivery.items()).singleElement().isInstanceOf(Accepted.class);
    assertThat(delivery.events()).singleElement().isInstanceOf(PatientRecord.class);
  }

  @Test
  void an_accepted_item_keeps_the_resource_as_delivered() {
    var delivery = reader.read(collection(patient("p1", "12036110072")));

    var accepted = (Accepted) delivery.items().get(0);
    assertThat(accepted.json()).contains("\"resourceType\":\"Patient\"").contains("12036110072");
  }

  @Test
  void ndjson_with_a_bad_line_in_the_middle_rejects_that_line_and_accepts_the_others() {
    var delivery = reader.read(fixture("bad-line-in-middle.ndjson"));

    assertThat(delivery.items()).hasSize(3);
    assertThat(delivery.items().get(0)).isInstanceOf(Accepted.class);
    assertThat(delivery.items().get(1))
        .isInstanceOfSatisfying(
            Rejected.class,
            rejected -> {
              assertThat(rejected.source()).isEqualTo("Encounter/e5");
              assertThat(rejected.reason().english())
                  .startsWith("Line 3 (Encounter/e5) is not valid JSON")
                  .doesNotContain("\n");
              assertThat(rejected.json()).startsWith("{\"resourceType\":\"Encounter\"");
            });
    assertThat(delivery.items().get(2))
        .isInstanceOfSatisfying(
            Accepted.class, accepted -> assertThat(accepted.source()).isEqualTo("Encounter/e5b"));
  }

  @Test
  void ndjson_lines_are_resources_and_blank_lines_are_ignored() {
    var ndjson =
        patient("p1", "12036110072").replace("\n", "")
            + "\n\n"
            + encounter("e1", "2024-03-11T08:30:00+01:00").replace("\n", "")
            + "\r\n";

    var delivery = reader.read(utf8(ndjson));

    assertThat(delivery.items()).map(Item::source).containsExactly("Patient/p1", "Encounter/e1");
    assertThat(delivery.rejected()).isEmpty();
  }

  @Test
  void an_ndjson_line_that_is_no_object_is_rejected_by_its_line_number() {
    var ndjson = patient("p1", "12036110072").replace("\n", "") + "\n[1, 2]\n";

    var delivery = reader.read(utf8(ndjson));

    assertThat(delivery.rejected())
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.source()).isEqualTo("line 2");
              assertThat(rejected.reason().english())
                  .isEqualTo("Line 2 is a JSON array, not a FHIR resource");
            });
  }

  @Test
  void text_that_is_not_json_is_unreadable() {
    assertThatThrownBy(
            () -> reader.read(utf8("MSH|^~\\&|EPIC|FJORDBY|||20240304||ADT^A04|1|P|2.5.1")))
        .isInstanceOf(UnreadableDeliveryException.class)
        .hasMessageStartingWith("the delivery is neither JSON nor NDJSON")
        .hasMessageNotContaining("\n")
        .hasMessageNotContaining("EPIC");
  }

  @Test
  void a_json_document_cut_short_is_unreadable_rather_than_read_line_by_line() {
    var bundle = new String(fixture("every-type.json"), java.nio.charset.StandardCharsets.UTF_8);
    var cut = bundle.substring(0, bundle.length() / 2);

    assertThatThrownBy(() -> reader.read(utf8(cut)))
        .isInstanceOf(UnreadableDeliveryException.class)
        .hasMessageContaining("line ");
  }

  @Test
  void bytes_that_are_not_utf8_text_are_unreadable() {
    assertThatThrownBy(() -> reader.read(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}))
        .isInstanceOf(UnreadableDeliveryException.class)
        .hasMessage("the delivery is not UTF-8 text, so not JSON");
  }

  @Test
  void an_empty_delivery_is_unreadable() {
    assertThatThrownBy(() -> reader.read(utf8("  \n")))
        .isInstanceOf(UnreadableDeliveryException.class)
        .hasMessage("the delivery is empty");
  }

  @Test
  void a_json_array_is_unreadable() {
    assertThatThrownBy(() -> reader.read(utf8("[" + patient("p1", "12036110072") + "]")))
        .isInstanceOf(UnreadableDeliveryException.class)
        .hasMessage("the delivery is a JSON array, not a FHIR Bundle or resource");
  }

  @Test
  void a_json_number_is_unreadable() {
    assertThatThrownBy(() -> reader.read(utf8("42")))
        .isInstanceOf(UnreadableDeliveryException.class)
        .hasMessage("the delivery is a JSON number, not a FHIR Bundle or resource");
  }

  @Test
  void a_json_object_without_resource_type_is_unreadable() {
    assertThatThrownBy(() -> reader.read(utf8("{\"entry\": []}")))
        .isInstanceOf(UnreadableDeliveryException.class)
        .hasMessage(
            "the delivery is a JSON object without resourceType, not a FHIR Bundle or resource");
  }

  @Test
  void a_bundle_without_entries_is_an_empty_delivery() {
    var delivery = reader.read(utf8("{\"resourceType\": \"Bundle\", \"type\": \"collection\"}"));

    assertThat(delivery.items()).isEmpty();
  }

  @Test
  void resource_types_that_forlop_does_not_read_are_ignored_with_the_reason() {
    var delivery =
        reader.read(
            collection(
                "{\"resourceType\": \"Practitioner\", \"id\": \"lege1\"}",
                "{\"resourceType\": \"Observation\", \"id\": \"obs1\", \"status\": \"final\"}"));

    assertThat(delivery.ignored())
        .extracting(Ignored::source, i -> i.reason().english())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Practitioner/lege1",
                "Practitioner/lege1 is not read: Forløp does not use resources of type Practitioner"),
            org.assertj.core.groups.Tuple.tuple(
                "Observation/obs1",
                "Observation/obs1 is not read: Forløp does not use resources of type Observation"));
    assertThat(delivery.rejected()).isEmpty();
  }

  @Test
  void a_resource_type_unknown_to_fhir_r4_is_rejected() {
    var delivery = reader.read(collection("{\"resourceType\": \"Henvisning\", \"id\": \"h1\"}"));

    assertThat(delivery.rejected())
        .singleElement()
        .extracting(r -> r.reason().english())
        .isEqualTo("Henvisning/h1: Henvisning is not a FHIR R4 resource type");
  }

  @Test
  void a_resource_known_only_by_a_urn_uuid_full_url_has_the_urn_as_key() {
    var delivery = reader.read(fixture("urn-uuid-transaction.json"));

    var patient = (PatientRecord) delivery.events().get(0);
    assertThat(patient.source().key()).isEqualTo("urn:uuid:9d3e6a40-1c2b-4f5e-8a7d-1b2c3d4e5f60");
    assertThat(patient.source().display())
        .isEqualTo("Patient/urn:uuid:9d3e6a40-1c2b-4f5e-8a7d-1b2c3d4e5f60");
    var encounter = (Attendance) delivery.events().get(2);
    assertThat(encounter.source().key()).isEqualTo("urn:uuid:c4d5e6f7-0a1b-4c2d-8e3f-405162738495");
    assertThat(encounter.patient()).isEqualTo(patient.source().key());
  }

  @Test
  void a_urn_uuid_reference_to_a_resource_with_an_id_finds_it_by_its_id() {
    var delivery = reader.read(fixture("urn-uuid-transaction.json"));

    var organisation = (OrganisationRecord) delivery.events().get(1);
    var encounter = (Attendance) delivery.events().get(2);
    assertThat(organisation.source().key()).isEqualTo("Organization/org-hf1");
    assertThat(encounter.organisations()).containsExactly("Organization/org-hf1");
  }

  @Test
  void a_delete_entry_in_a_transaction_is_ignored_with_the_reason() {
    var delivery = reader.read(fixture("urn-uuid-transaction.json"));

    assertThat(delivery.items()).hasSize(4);
    assertThat(delivery.ignored())
        .singleElement()
        .satisfies(
            ignored -> {
              assertThat(ignored.source()).isEqualTo("Encounter/old1");
              assertThat(ignored.reason().english())
                  .startsWith("Entry 4 asks to delete Encounter/old1");
            });
  }

  @Test
  void an_entry_without_a_resource_is_rejected() {
    var delivery =
        reader.read(
            utf8(
                """
                {"resourceType": "Bundle", "type": "collection",
                 "entry": [{"fullUrl": "https://ehr.fjordby.example/fhir/Patient/p1"}]}
                """));

    assertThat(delivery.rejected())
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.source()).isEqualTo("entry 1");
              assertThat(rejected.reason().english())
                  .isEqualTo("Entry 1 of the bundle has no resource");
            });
  }

  @Test
  void a_resource_without_an_id_takes_it_from_an_absolute_full_url() {
    var delivery =
        reader.read(
            utf8(
                """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"fullUrl": "https://ehr.fjordby.example/fhir/Patient/p1",
                   "resource": {"resourceType": "Patient",
                     "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.1",
                                     "value": "12036110072"}]}}]}
                """));

    assertThat(delivery.events())
        .singleElement()
        .satisfies(event -> assertThat(event.source().key()).isEqualTo("Patient/p1"));
  }

  @Test
  void a_resource_with_no_id_at_all_is_rejected() {
    var ndjson = patient("p1", "12036110072").replace("\n", "").replace("\"id\": \"p1\", ", "");

    var delivery = reader.read(utf8(ndjson));

    assertThat(delivery.rejected())
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.source()).isEqualTo("Patient in the delivery");
              assertThat(rejected.reason().english())
                  .startsWith("Patient in the delivery has no id");
              // the position in the text's language, as the rest of the text
              assertThat(rejected.reason().norwegian())
                  .startsWith("Patient i leveransen har ingen id");
            });
  }

  @Test
  void one_malformed_resource_never_stops_the_others() {
    var delivery =
        reader.read(
            collection(
                patient("p1", "12036110072"),
                encounter("e1", "not-a-date"),
                encounter("e2", "2024-03-11T08:30:00+01:00").replace("\"finished\"", "42"),
                encounter("e3", "2024-03-12T08:30:00+01:00")));

    assertThat(delivery.items())
        .map(item -> item.getClass().getSimpleName() + " " + item.source())
        .containsExactly(
            "Accepted Patient/p1",
            "Rejected Encounter/e1",
            "Rejected Encounter/e2",
            "Accepted Encounter/e3");
  }
}
