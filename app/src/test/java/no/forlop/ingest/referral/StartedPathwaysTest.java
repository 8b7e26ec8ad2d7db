package no.forlop.ingest.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.forlop.pathway.PathwayId;
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
}
