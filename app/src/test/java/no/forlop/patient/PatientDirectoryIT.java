package no.forlop.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.ingest.IntakeService.Storing;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The intake feeds the patient directory when it stores a Patient resource, and only then. */
class PatientDirectoryIT extends ApplicationTest {

  private static final Actor EHR = new Actor("test", "TEST");

  @Autowired IntakeService intake;
  @Autowired PatientDirectory directory;

  private static String patient(String id, String number, String version, String given) {
    return """
        {"resourceType":"Patient","id":"%s","meta":{"versionId":"%s"},"identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"%s"}],"name":[{"family":"Strandvik","given":["%s"]}]}"""
        .formatted(id, version, number, given);
  }

  private void receive(String... ndjsonLines) {
    intake.receive(
        String.join("\n", ndjsonLines).getBytes(StandardCharsets.UTF_8), "test", EHR, false);
  }

  @Test
  void a_stored_patient_is_found_by_name_and_a_newer_version_renames_them() {
    var number = TestPatients.next();
    var id = "dir-" + number;

    receive(patient(id, number, "1", "Astrid"));
    assertThat(directory.nameOf(number)).contains("Astrid Strandvik");
    assertThat(directory.namesOf(List.of(number, "00000000000")))
        .isEqualTo(Map.of(number, "Astrid Strandvik"));

    receive(patient(id, number, "2", "Astri"));
    assertThat(directory.nameOf(number)).contains("Astri Strandvik");
  }

  @Test
  void a_version_the_intake_already_has_renames_nobody() {
    var number = TestPatients.next();
    var id = "dir-" + number;
    receive(patient(id, number, "1", "Sigrid"));
    receive(patient(id, number, "2", "Siri"));

    receive(patient(id, number, "1", "Sigrid"));

    assertThat(directory.nameOf(number)).contains("Siri Strandvik");
  }

  @Test
  void a_delivery_refused_as_a_whole_keeps_no_name() {
    var number = TestPatients.next();
    var invalid = "12036110073"; // the second check digit is wrong
    var delivery =
        String.join(
            "\n",
            patient("dir-" + number, number, "1", "Turid"),
            patient("dir-bad-" + number, invalid, "1", "Tone"));

    var report =
        intake.receive(
            delivery.getBytes(StandardCharsets.UTF_8),
            "test",
            EHR,
            Map.of(),
            Storing.ALL_OR_NOTHING);

    assertThat(report.rejected()).isNotEmpty();
    assertThat(directory.nameOf(number)).isEmpty();
  }

  @Test
  void a_list_shows_initials() {
    assertThat(PatientDirectory.initials(" kari  Nordmann-Hansen ")).isEqualTo("K. N. H.");
  }
}
