package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import no.forlop.coordinator.InventedPatient;
import no.forlop.coordinator.PageSupport;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 2: nothing derivable is dropped. A surgery dated before the clinical decision (own
 * acceptance scenario {@code treatment-dated-before-the-decision-is-reported}) cannot be coded; the
 * pathway page says so, with the resource and the reason, in the reader's language. Once the EHR's
 * date is corrected (the surgery after the decision), FK is coded and the note is gone.
 */
class UnusedFactsPageIT extends PageSupport {

  private static final String SCENARIO =
      "/acceptance/treatment-dated-before-the-decision-is-reported";

  private String patient;

  private PathwayView deliver(String surgeryOn) throws IOException {
    String events;
    try (var in = getClass().getResourceAsStream(SCENARIO + "/events.json")) {
      events =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("18055220022", patient)
              .replace("2024-03-18T08:00:00+01:00", surgeryOn)
              // resource ids of this test's own (the shared context holds other tests' "p", "r" …)
              .replaceAll("\"id\": \"([a-z0-9]+)\"", "\"id\": \"unused-$1\"")
              .replaceAll(
                  "\"(Patient|Organization|ServiceRequest|Encounter)/([a-z0-9]+)\"",
                  "\"$1/unused-$2\"");
    }
    intake.receive(events.getBytes(StandardCharsets.UTF_8), "test", InventedPatient.EHR, true);
    var views = pathways.byPatient(PatientIdentifier.parse(patient), null, InventedPatient.SYSTEM);
    assertThat(views).hasSize(1);
    return views.get(0);
  }

  @Test
  void a_treatment_before_the_decision_is_shown_with_its_reason_and_gone_once_the_date_is_right()
      throws Exception {
    patient = TestPatients.next();
    var before = deliver("2024-03-18T08:00:00+01:00");

    var page = open(page(before.id()), "kari");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Fra journalen, ikke kodet", "Må følges opp", "Procedure/unused-s")
        .contains("datert før den kliniske beslutningen (A12CK den 20.03.2024)");
    var english = open(page(before.id()) + "?lang=en", "kari");
    assertThat(english.body())
        .contains("From the EHR, not coded", "dated before the clinical decision (A12CK on");

    var corrected = deliver("2024-03-21T08:00:00+01:00");
    assertThat(corrected.codes()).anyMatch(c -> "A12FK".equals(c.code()));
    assertThat(open(page(corrected.id()), "kari").body())
        .doesNotContain("Fra journalen, ikke kodet");
  }
}
