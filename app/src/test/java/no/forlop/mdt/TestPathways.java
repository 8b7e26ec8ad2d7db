package no.forlop.mdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.testing.TestPatients;

/**
 * Invented patients with a name from the EHR and a pathway at a chosen stage, for the MDT tests.
 */
final class TestPathways {

  static final String FJORDBY = "910000012";
  static final String NORDVIK = "910000020";
  static final Actor SETUP = new Actor("mdt-test-setup", "TESTING");

  private final PathwayService pathways;
  private final IntakeService intake;

  TestPathways(PathwayService pathways, IntakeService intake) {
    this.pathways = pathways;
    this.intake = intake;
  }

  /** A patient's pathway: its id, the patient and the name the EHR sent. */
  record Made(UUID id, String patient, String name) {}

  /** A pathway with these codes (key and date, e.g. "A", "2024-12-01"), registered by hand. */
  Made pathway(String pathway, String organisation, String... codes) {
    return named(null, pathway, organisation, codes);
  }

  /** As {@link #pathway}, for a patient with an invented name ({@code null}: a made-up one). */
  Made named(String name, String pathway, String organisation, String... codes) {
    var patient = TestPatients.next();
    if (name == null) {
      name = "Testperson " + patient.substring(0, 6) + patient.substring(9);
    }
    var ndjson =
        String.format(
            "{\"resourceType\":\"Patient\",\"id\":\"mdt-%s\",\"identifier\":[{\"system\":"
                + "\"urn:oid:2.16.578.1.12.4.1.4.1\",\"value\":\"%s\"}],\"name\":[{\"text\":\"%s\"}]}\n",
            patient, patient, name);
    intake.receive(ndjson.getBytes(StandardCharsets.UTF_8), "test", SETUP, true);
    var view = pathways.create(CreatePathway.of(patient, pathway, organisation, null), SETUP);
    for (int i = 0; i + 1 < codes.length; i += 2) {
      var result =
          pathways.register(
              view.id(), RegisterCode.manual(codes[i], LocalDate.parse(codes[i + 1])), SETUP);
      assertThat(result).isInstanceOf(ChangeResult.Changed.class);
    }
    return new Made(view.id().value(), patient, name);
  }

  /** In work-up: started and first attendance registered on {@code firstAttendance}. */
  Made inWorkup(String pathway, String organisation, String firstAttendance) {
    return inWorkup(null, pathway, organisation, firstAttendance);
  }

  /** As {@link #inWorkup(String, String, String)}, for a patient with an invented name. */
  Made inWorkup(String name, String pathway, String organisation, String firstAttendance) {
    var start = LocalDate.parse(firstAttendance).minusDays(5).toString();
    return named(name, pathway, organisation, "A", start, "S", firstAttendance);
  }
}
