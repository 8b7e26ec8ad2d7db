package no.forlop.ingest.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.OrganisationNumber;
import no.forlop.pathway.PathwayDefinitionId;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegistrationId;
import no.forlop.pathway.TrackedMilestone;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * ADR 0048: a referral's pathway is the instance whose start names the referral among its source
 * events, not the earliest one after the day it was written.
 */
class StartedPathwaysTest {

  private static final String PATIENT = "01015000000";
  private static final String OTHER_PATIENT = "02025000000";
  private static final String TRUST = "910000012";
  private static final String OTHER_TRUST = "920000013";

  private final PathwayId lung = new PathwayId(UUID.randomUUID());
  private final PathwayId colorectal = new PathwayId(UUID.randomUUID());

  private StartedPathways started() {
    return new StartedPathways(
        List.of(
            new StartedPathways.Start(
                lung, PATIENT, TRUST, Set.of("ServiceRequest/first", "Task/receipt-1")),
            new StartedPathways.Start(
                colorectal, PATIENT, TRUST, Set.of("ServiceRequest/second", "Task/receipt-2"))));
  }

  @Test
  void two_referrals_of_one_patient_to_one_trust_each_get_the_pathway_they_started() {
    assertThat(started().startedBy(PATIENT, "ServiceRequest/first", TRUST)).contains(lung);
    assertThat(started().startedBy(PATIENT, "ServiceRequest/second", TRUST)).contains(colorectal);
  }

  @Test
  void a_referral_no_start_names_started_no_pathway_even_when_one_began_after_it() {
    assertThat(started().startedBy(PATIENT, "ServiceRequest/third", TRUST)).isEmpty();
    assertThat(started().startedBy(PATIENT, "Task/receipt-1", TRUST))
        .as("a receipt is a source of the start, but only the referral is asked for")
        .contains(lung);
  }

  @Test
  void the_start_must_be_the_patients_and_at_the_receiver() {
    assertThat(started().startedBy(OTHER_PATIENT, "ServiceRequest/first", TRUST)).isEmpty();
    assertThat(started().startedBy(PATIENT, "ServiceRequest/first", OTHER_TRUST)).isEmpty();
    assertThat(started().startedBy(PATIENT, "ServiceRequest/first", null))
        .as("a referral that names no receiver: any trust")
        .contains(lung);
  }

  @Test
  void no_pathways_no_start() {
    assertThat(new StartedPathways(List.of()).startedBy(PATIENT, "ServiceRequest/first", TRUST))
        .isEmpty();
  }

  private static PathwayView.Code code(Milestone milestone, String origin, List<String> sources) {
    return new PathwayView.Code(
        new RegistrationId(UUID.randomUUID()),
        null,
        milestone.name(),
        milestone,
        LocalDate.of(2024, 10, 21),
        CodeState.REGISTERED,
        origin,
        null,
        null,
        sources,
        null,
        false,
        Instant.parse("2024-10-21T10:00:00Z"),
        "forlop",
        Map.of(),
        null);
  }

  private static PathwayView view(
      PathwayId id, List<PathwayView.Code> codes, List<TrackedMilestone> milestones) {
    return new PathwayView(
        id,
        PatientIdentifier.parse(TestPatients.next()),
        new PathwayDefinitionId("colorectal"),
        "A12",
        "Pakkeforløp for tykk- og endetarmskreft",
        new OrganisationNumber(TRUST),
        null,
        null,
        PathwayState.AWAITING_FIRST_ATTENDANCE,
        Instant.parse("2024-10-21T10:00:00Z"),
        "forlop",
        LocalDate.of(2024, 12, 31),
        "2026.12.1",
        codes,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        milestones);
  }

  @Test
  void an_instance_records_its_start_by_its_start_codes_and_its_referral_milestones_sources() {
    var view =
        view(
            lung,
            List.of(
                code(Milestone.PATHWAY_START, "DERIVED", List.of("ServiceRequest/sr1", "Task/t1")),
                code(Milestone.FIRST_ATTENDANCE, "DERIVED", List.of("ServiceRequest/other"))),
            List.of(
                new TrackedMilestone(
                    TrackedMilestone.REFERRAL_WRITTEN,
                    LocalDate.of(2024, 10, 1),
                    "START-REFERRAL-RECEIVED",
                    List.of("ServiceRequest/sr0")),
                new TrackedMilestone(
                    "BIOPSY", LocalDate.of(2024, 10, 25), "BIOPSY", List.of("ServiceRequest/b"))));

    var start = StartedPathways.Start.of(view);

    assertThat(start.pathway()).isEqualTo(lung);
    assertThat(start.organisation()).isEqualTo(TRUST);
    assertThat(start.patient()).isEqualTo(view.patient().value());
    assertThat(start.sources())
        .as("the start code's and REFERRAL_WRITTEN's; not another milestone's")
        .containsExactlyInAnyOrder("ServiceRequest/sr1", "Task/t1", "ServiceRequest/sr0");
  }

  @Test
  void a_start_registered_by_hand_names_no_referral() {
    var view = view(lung, List.of(code(Milestone.PATHWAY_START, "MANUAL", List.of())), List.of());

    assertThat(StartedPathways.Start.of(view).sources()).isEmpty();
  }
}
