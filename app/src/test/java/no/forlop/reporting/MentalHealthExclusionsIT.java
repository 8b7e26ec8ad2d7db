package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.catalog.Milestone;
import no.forlop.coordinator.worklist.Worklist;
import no.forlop.coordinator.worklist.WorklistQuery;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.DerivedCode;
import no.forlop.pathway.DerivedInstance;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.OrganisationNumber;
import no.forlop.pathway.PathwayDefinitionId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PatientDerivation;
import no.forlop.pathway.TrackedMilestone;
import no.forlop.patient.PatientIdentifier;
import no.forlop.reporting.IndicatorReport.Interval;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Substance use (TSB) assessments in the statistics and the worklist: a pathway given the right to
 * treatment directly is left out of the assessment indicator altogether and never flagged; one
 * whose care setting is known neither on the pathway nor from its first attendance is counted as
 * without norm, never judged by the shortest norm. Today is 2024-12-31; each test has its own unit.
 */
class MentalHealthExclusionsIT extends ApplicationTest {

  private static final Actor DERIVATION = new Actor("system:derivation", "AUTOMATIC_REGISTRATION");

  @Autowired PathwayService pathways;
  @Autowired Indicators indicators;
  @Autowired Worklist worklist;

  private String unit;
  private Actor reader;

  @BeforeEach
  void ownUnit() {
    unit = no.forlop.testing.TestUnits.next();
    reader = new Actor("lise", "STATISTICS", Set.of(unit));
  }

  private static DerivedCode code(String key, Milestone milestone, String date) {
    return new DerivedCode(
        key,
        milestone,
        LocalDate.parse(date),
        CodeState.REGISTERED,
        null,
        null,
        "RULE-" + key,
        "test",
        List.of("Encounter/" + key),
        Map.of("catalogueVersion", "test"));
  }

  /** A derived TSB pathway: start, first attendance, a decision (CT) if given, and milestones. */
  private String tsb(String firstAttendance, String decision, String... tracked) {
    return tsbAt(unit, firstAttendance, decision, tracked);
  }

  /** As {@link #tsb}, at the given organisation. */
  private String tsbAt(
      String organisation, String firstAttendance, String decision, String... tracked) {
    var patient = TestPatients.next();
    var codes = new ArrayList<DerivedCode>();
    codes.add(code("PATHWAY_START", Milestone.PATHWAY_START, "2024-05-01"));
    codes.add(code("FIRST_ATTENDANCE", Milestone.FIRST_ATTENDANCE, firstAttendance));
    if (decision != null) {
      codes.add(code("CT", Milestone.CLINICAL_DECISION, decision));
    }
    var milestones =
        java.util.Arrays.stream(tracked)
            .map(
                type ->
                    new TrackedMilestone(
                        type, LocalDate.parse("2024-05-01"), "RULE-" + type, List.of("Task/t1")))
            .toList();
    var instance =
        new DerivedInstance(
            PathwayDefinitionId.of("substance-use"),
            OrganisationNumber.of(organisation),
            LocalDate.parse("2024-05-01"),
            codes,
            milestones);
    var refusals =
        pathways.applyDerivations(
            List.of(new PatientDerivation(PatientIdentifier.parse(patient), List.of(instance))),
            DERIVATION);
    assertThat(refusals).containsExactly(List.of());
    return patient;
  }

  private Interval assessment() {
    return indicators
        .compute(
            IndicatorQuery.period(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"))
                .withOrganisations(Set.of(unit)),
            reader,
            false)
        .intervals()
        .stream()
        .filter(i -> i.indicator().equals("MH_ASSESSMENT"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_direct_right_to_treatment_is_in_no_count_of_the_assessment_indicator() {
    // 39 days: breached against the outpatient norm (21) without the exclusion
    tsb("2024-05-06", "2024-06-14", TrackedMilestone.DIRECT_TREATMENT_RIGHT);
    tsb("2024-05-06", "2024-06-14", TrackedMilestone.FIRST_ATTENDANCE_OUTPATIENT);
    tsb("2024-05-06", "2024-05-20", TrackedMilestone.FIRST_ATTENDANCE_OUTPATIENT);
    tsb("2024-05-06", "2024-05-20"); // no setting anywhere: measured, not judged

    var row = assessment();

    assertThat(row.measured().value()).isEqualTo(3);
    assertThat(row.within().value()).isEqualTo(1);
    assertThat(row.breached().value()).isEqualTo(1);
    assertThat(row.withoutNorm().value()).isEqualTo(1);
    assertThat(row.sharePercent()).isEqualTo(50.0);
  }

  @Test
  void a_running_assessment_with_a_direct_right_is_not_overdue_in_the_statistics() {
    tsb("2024-11-01", null, TrackedMilestone.DIRECT_TREATMENT_RIGHT);
    tsb("2024-11-01", null, TrackedMilestone.FIRST_ATTENDANCE_OUTPATIENT);
    tsb("2024-11-01", null);

    assertThat(assessment().overdueNow().value()).isEqualTo(1);
  }

  @Test
  void a_running_assessment_with_a_direct_right_or_no_setting_is_not_flagged_in_the_worklist() {
    // the worklist reads the units the application knows
    var known = "910000012";
    var excluded = tsbAt(known, "2024-11-01", null, TrackedMilestone.DIRECT_TREATMENT_RIGHT);
    var overdue = tsbAt(known, "2024-11-01", null, TrackedMilestone.FIRST_ATTENDANCE_OUTPATIENT);
    var unknown = tsbAt(known, "2024-11-01", null);
    var coordinator = new Actor("kari", "PATIENT_CARE", Set.of(known));

    assertThat(due(excluded, coordinator)).isNull();
    assertThat(due(unknown, coordinator)).isNull();
    assertThat(due(overdue, coordinator)).isEqualTo(LocalDate.parse("2024-11-22"));
    var view = pathways.byPatient(PatientIdentifier.parse(excluded), null, coordinator).get(0);
    assertThat(view.leadTimes())
        .filteredOn(l -> l.indicator().equals("MH_ASSESSMENT"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.status()).isEqualTo(LeadTime.Status.EXCLUDED);
              assertThat(l.notJudged()).isEqualTo(LeadTime.NotJudged.DIRECT_TREATMENT_RIGHT);
            });
  }

  private LocalDate due(String patient, Actor coordinator) {
    var rows =
        worklist
            .read(
                new WorklistQuery(null, null, null, null, patient, WorklistQuery.Sort.DUE, 0, 50),
                coordinator)
            .rows();
    assertThat(rows).hasSize(1);
    return rows.get(0).dueDate();
  }
}
