package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The automatic registration's way into the pathways, through the service against the embedded
 * PostgreSQL: derived instances in, the pathways brought in line, refusals out as values. Today is
 * 2024-12-31.
 */
class ApplyingDerivationIT extends ApplicationTest {

  static final Actor KARI = new Actor("kari", "PATIENT_CARE", Set.of("910000012"));
  static final Actor DERIVATION = new Actor("system:derivation", "AUTOMATIC_REGISTRATION");
  static final String UNIT = "910000012";

  @Autowired PathwayService pathways;

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  private static DerivedCode code(String key, Milestone milestone, String date) {
    return new DerivedCode(
        key,
        milestone,
        date(date),
        CodeState.REGISTERED,
        null,
        null,
        "RULE-" + key,
        "test",
        List.of("Encounter/" + key),
        Map.of("catalogueVersion", "test"));
  }

  @Test
  void a_second_mental_health_pathway_is_refused_as_a_value_and_the_rest_of_the_chunk_goes_on() {
    var inTreatment = TestPatients.next();
    var id = pathways.create(CreatePathway.of(inTreatment, "mh-adults", UNIT, null), KARI).id();
    pathways.register(id, RegisterCode.manual("PATHWAY_START", date("2024-03-11")), KARI);
    var other = TestPatients.next();
    var substanceUse =
        new DerivedInstance(
            PathwayDefinitionId.of("substance-use"),
            OrganisationNumber.of(UNIT),
            date("2024-04-02"),
            List.of(code("PATHWAY_START", Milestone.PATHWAY_START, "2024-04-02")),
            List.of());
    var colorectal =
        new DerivedInstance(
            PathwayDefinitionId.of("colorectal"),
            OrganisationNumber.of(UNIT),
            date("2024-03-04"),
            List.of(code("A", Milestone.PATHWAY_START, "2024-03-04")),
            List.of());

    var refusals =
        pathways.applyDerivations(
            List.of(
                new PatientDerivation(PatientIdentifier.parse(inTreatment), List.of(substanceUse)),
                new PatientDerivation(PatientIdentifier.parse(other), List.of(colorectal))),
            DERIVATION);

    assertThat(refusals).hasSize(2);
    assertThat(refusals.get(0)).hasSize(1).first().isInstanceOf(DerivationRefusal.NotOpened.class);
    var refused = (DerivationRefusal.NotOpened) refusals.get(0).get(0);
    assertThat(refused.problem()).isEqualTo(Problem.MENTAL_HEALTH_PATHWAY_OPEN);
    assertThat(refused.instance()).isEqualTo(substanceUse);
    assertThat(refused.englishText())
        .startsWith("The patient is already in a mental-health or substance-use pathway");
    assertThat(pathways.byPatient(PatientIdentifier.parse(inTreatment), null, KARI))
        .as("nothing opened, the open pathway untouched")
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.codes())
                    .singleElement()
                    .extracting(c -> c.origin())
                    .isEqualTo("MANUAL"));
    assertThat(refusals.get(1)).isEmpty();
    assertThat(pathways.byPatient(PatientIdentifier.parse(other), null, KARI))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.codes())
                    .extracting(c -> c.code() + " " + c.date() + " " + c.rule())
                    .containsExactly("A12A 2024-03-04 RULE-A"));
  }

  @Test
  void tracked_milestones_travel_with_the_instance_and_go_when_it_is_no_longer_derived() {
    var patient = PatientIdentifier.parse(TestPatients.next());
    var biopsy =
        new TrackedMilestone(
            "BIOPSY", date("2024-03-08"), "BIOPSY-PROCEDURE", List.of("Procedure/b1"));
    var instance =
        new DerivedInstance(
            PathwayDefinitionId.of("colorectal"),
            OrganisationNumber.of(UNIT),
            date("2024-03-04"),
            List.of(
                code("A", Milestone.PATHWAY_START, "2024-03-04"),
                code("S", Milestone.FIRST_ATTENDANCE, "2024-03-12")),
            List.of(biopsy));

    pathways.applyDerivations(
        List.of(new PatientDerivation(patient, List.of(instance))), DERIVATION);

    var pathway = pathways.byPatient(patient, null, KARI).get(0);
    assertThat(pathway.milestones()).containsExactly(biopsy);
    assertThat(pathways.get(pathway.id(), null, KARI).milestones()).containsExactly(biopsy);

    // the same instance again is the same pathway; then nothing derived any more
    pathways.applyDerivations(
        List.of(new PatientDerivation(patient, List.of(instance))), DERIVATION);
    assertThat(pathways.byPatient(patient, null, KARI)).hasSize(1);
    var refusals =
        pathways.applyDerivations(List.of(new PatientDerivation(patient, List.of())), DERIVATION);

    assertThat(refusals).containsExactly(List.of());
    var after = pathways.get(pathway.id(), null, KARI);
    assertThat(after.milestones()).isEmpty();
    assertThat(after.codes()).isEmpty();
  }
}
