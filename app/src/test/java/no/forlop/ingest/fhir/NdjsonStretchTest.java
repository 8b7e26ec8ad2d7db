package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.encounter;
import static no.forlop.ingest.fhir.FhirJson.patient;
import static no.forlop.ingest.fhir.FhirJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import no.forlop.ingest.fhir.Delivery.Accepted;
import no.forlop.ingest.fhir.Delivery.Item;
import no.forlop.ingest.fhir.Delivery.Rejected;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a stretch of a larger NDJSON file (a chunk of a bulk import) is read: every line on its own,
 * named by its line in the whole file.
 */
class NdjsonStretchTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  /** A resource on one line, as NDJSON has it. */
  private static String line(String json) {
    return JSON.readTree(json).toString();
  }

  @Test
  void a_bad_line_is_named_by_its_line_in_the_whole_file() {
    // given: lines 1001–1003 of a file
    var stretch =
        line(patient("p1", "12036110072"))
            + "\n{\"resourceType\": \"Patient\", \"id\": \"p2\",\n[]\n";

    // when
    var delivery = reader.readLines(utf8(stretch), 1001);

    // then
    assertThat(delivery.items())
        .map(Item::source)
        .containsExactly("Patient/p1", "Patient/p2", "line 1003");
    assertThat(delivery.rejected())
        .map(r -> r.reason().english())
        .containsExactly(
            "Line 1002 (Patient/p2) is not valid JSON (unexpected end-of-input within/between"
                + " Object entries at column 40)",
            "Line 1003 is a JSON array, not a FHIR resource");
  }

  @Test
  void a_stretch_of_one_line_is_still_ndjson() {
    var delivery = reader.readLines(utf8(line(encounter("e1", "2024-03-11T08:30:00+01:00"))), 7);

    assertThat(delivery.items()).singleElement().isInstanceOf(Accepted.class);
  }

  @Test
  void a_stretch_where_no_line_can_be_read_rejects_each_line_and_is_not_unreadable() {
    var delivery = reader.readLines(utf8("not json\nnor this\n"), 201);

    assertThat(delivery.rejected()).map(Rejected::source).containsExactly("line 201", "line 202");
  }

  @Test
  void a_line_that_is_not_utf8_is_rejected_and_the_others_are_read() {
    var bytes = new ByteArrayOutputStream();
    bytes.writeBytes(utf8(line(patient("p1", "12036110072")) + "\r\n"));
    bytes.writeBytes(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\r', '\n'});
    bytes.writeBytes(utf8("\n" + line(patient("p3", "09126610189"))));

    var delivery = reader.readLines(bytes.toByteArray(), 1);

    assertThat(delivery.events()).hasSize(2);
    assertThat(delivery.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.source()).isEqualTo("line 2");
              assertThat(r.reason().english()).isEqualTo("Line 2 is not UTF-8 text, so not JSON");
            });
    assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).contains("p3");
  }
}
