package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.Milestone;
import no.forlop.coordinator.worklist.Worklist;
import no.forlop.coordinator.worklist.WorklistQuery;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A change of mental-health pathway type (ADR 0014) through the service, against the embedded
 * PostgreSQL: the open pathway closed with PATHWAY_END_TYPE_CHANGED and one of the new type started
 * at the same organisation on the same day, linked both ways, in one transaction. Today is
 * 2024-12-31.
 */
class TypeChangeIT extends ApplicationTest {

  static final Actor KARI = new Actor("kari", "PATIENT_CARE", Set.of("910000012"));
  static final Actor NINA = new Actor("nina", "PATIENT_CARE", Set.of("910000020"));
  static final String UNIT = "910000012";

  @Autowired PathwayService pathways;
  @Autowired AuditLog audit;
  @Autowired Worklist worklist;

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  /** A patient's pathway (id or prefix) at the unit, started on the date (null: not started). */
  private PathwayView started(String patient, String pathway, String start) {
    var id = pathways.create(CreatePathway.of(patient, pathway, UNIT, null), KARI).id();
    if (start != null) {
      var result = pathways.register(id, RegisterCode.manual("PATHWAY_START", date(start)), KARI);
      assertThat(result).isInstanceOf(ChangeResult.Changed.class);
    }
    return pathways.get(id, null, KARI);
  }

  private PathwayView change(PathwayId id, String to, String on) {
    var result =
        pathways.changeType(id, new ChangeType(PathwayDefinitionId.of(to), date(on), null), KARI);
    assertThat(result).as("%s", result).isInstanceOf(ChangeResult.Changed.class);
    return ((ChangeResult.Changed) result).pathway();
  }

  private Problem refusal(PathwayId id, String to, String on) {
    var patient = pathways.get(id, null, KARI).patient();
    var before = pathways.byPatient(patient, null, KARI).size();
    var thrown =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InvalidPathwayRequestException.class,
            () ->
                pathways.changeType(
                    id, new ChangeType(PathwayDefinitionId.of(to), date(on), null), KARI));
    assertThat(thrown).as("refused").isNotNull();
    // nothing stored
    assertThat(pathways.byPatient(patient, null, KARI)).hasSize(before);
    return thrown.problem();
  }

  @Test
  void a_child_in_d12_moves_to_eating_disorders_as_one_change_with_its_date() {
    var patient = TestPatients.next();
    var d12 = started(patient, "D12", "2024-03-11");
    var audited = audit.forPatient(patient).size();

    var result =
        pathways.changeType(
            d12.id(),
            new ChangeType(
                PathwayDefinitionId.of("eating-disorders-young"),
                date("2024-05-02"),
                " Spiseforstyrrelse "),
            KARI);

    assertThat(result).isInstanceOf(ChangeResult.Changed.class);
    var created = ((ChangeResult.Changed) result).pathway();
    assertThat(created.id()).isNotEqualTo(d12.id());
    assertThat(created.pathway().value()).isEqualTo("eating-disorders-young");
    assertThat(created.organisation().value()).isEqualTo(UNIT);
    assertThat(created.state()).isEqualTo(PathwayState.AWAITING_FIRST_ATTENDANCE);
    assertThat(created.firstRegistered(Milestone.PATHWAY_START).orElseThrow().date())
        .isEqualTo(date("2024-05-02"));
    assertThat(created.changedFrom().id()).isEqualTo(d12.id());
    assertThat(created.changedFrom().codePrefix()).isEqualTo("D12");
    assertThat(created.changedFrom().startedOn()).isEqualTo(date("2024-03-11"));
    assertThat(created.changedFrom().changedOn()).isEqualTo(date("2024-05-02"));
    assertThat(created.changedFrom().note()).isEqualTo("Spiseforstyrrelse");
    assertThat(created.changedTo()).isNull();
    assertThat(created.firstStartedOn()).isEqualTo(date("2024-03-11"));

    // read back from the database, both ways
    var now = pathways.get(created.id(), null, KARI);
    assertThat(now.changedFrom().id()).isEqualTo(d12.id());
    var old = pathways.get(d12.id(), null, KARI);
    assertThat(old.state()).isEqualTo(PathwayState.CLOSED);
    var end = old.firstRegistered(Milestone.PATHWAY_END).orElseThrow();
    assertThat(end.key()).isEqualTo("PATHWAY_END_TYPE_CHANGED");
    assertThat(end.date()).isEqualTo(date("2024-05-02"));
    assertThat(end.origin()).isEqualTo("MANUAL");
    assertThat(old.changedTo().id()).isEqualTo(created.id());
    assertThat(old.changedTo().pathway().value()).isEqualTo("eating-disorders-young");
    assertThat(old.changedTo().startedOn()).isEqualTo(date("2024-05-02"));
    assertThat(old.changedFrom()).isNull();
    assertThat(old.firstStartedOn()).isEqualTo(date("2024-03-11"));

    // one audit entry for the change (and the two reads above)
    var entries = audit.forPatient(patient);
    var changes =
        entries.stream().skip(audited).filter(e -> e.action() != AuditAction.READ).toList();
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).action()).isEqualTo(AuditAction.UPDATE);
    assertThat(changes.get(0).resource()).isEqualTo("pathway/" + d12.id());
    assertThat(changes.get(0).details())
        .startsWith("TYPE_CHANGED D12 -> eating-disorders-young 2024-05-02")
        .contains(created.id().toString());

    // the worklist shows the new pathway only
    var rows =
        worklist
            .read(
                new WorklistQuery(null, null, null, null, patient, WorklistQuery.Sort.DUE, 0, 50),
                KARI)
            .rows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).pathwayId()).isEqualTo(created.id().value());
    assertThat(rows.get(0).startDate()).isEqualTo(date("2024-05-02"));
  }

  @Test
  void an_adult_in_d11_moves_to_substance_use_by_its_code_prefix() {
    var d11 = started(TestPatients.next(), "D11", "2024-02-01");
    var d01 = change(d11.id(), "D01", "2024-03-01");
    assertThat(d01.pathway().value()).isEqualTo("substance-use");
    assertThat(d01.codePrefix()).isEqualTo("D01");
  }

  @Test
  void a_second_change_keeps_the_start_of_the_first_pathway() {
    var d11 = started(TestPatients.next(), "D11", "2024-02-01");
    var d01 = change(d11.id(), "D01", "2024-03-01");
    var psychosis = change(d01.id(), "psychosis", "2024-04-01");

    assertThat(psychosis.changedFrom().id()).isEqualTo(d01.id());
    assertThat(psychosis.changedFrom().startedOn()).isEqualTo(date("2024-03-01"));
    assertThat(psychosis.firstStartedOn()).isEqualTo(date("2024-02-01"));
    var middle = pathways.get(d01.id(), null, KARI);
    assertThat(middle.changedFrom().id()).isEqualTo(d11.id());
    assertThat(middle.changedTo().id()).isEqualTo(psychosis.id());
    assertThat(middle.state()).isEqualTo(PathwayState.CLOSED);
  }

  @Test
  void the_change_may_be_dated_on_the_old_start_day_but_not_the_day_before() {
    var patient = TestPatients.next();
    var d12 = started(patient, "D12", "2024-03-11");
    assertThat(refusal(d12.id(), "psychosis", "2024-03-10"))
        .isEqualTo(Problem.TYPE_CHANGE_BEFORE_START);

    var psychosis = change(d12.id(), "psychosis", "2024-03-11");
    assertThat(psychosis.firstRegistered(Milestone.PATHWAY_START).orElseThrow().date())
        .isEqualTo(date("2024-03-11"));
  }

  @Test
  void the_change_may_be_dated_today_but_not_tomorrow() {
    var d12 = started(TestPatients.next(), "D12", "2024-03-11");
    assertThat(refusal(d12.id(), "psychosis", "2025-01-01"))
        .isEqualTo(Problem.TYPE_CHANGE_IN_FUTURE);

    var psychosis = change(d12.id(), "psychosis", "2024-12-31");
    assertThat(psychosis.changedFrom().changedOn()).isEqualTo(date("2024-12-31"));
  }

  @Test
  void the_new_pathway_must_be_in_use_on_the_date() {
    // pregnant women and substances: in use from 2019-10-02
    var d01 = started(TestPatients.next(), "D01", "2019-09-02");
    assertThat(refusal(d01.id(), "pregnant-substances", "2019-10-01"))
        .isEqualTo(Problem.TYPE_CHANGE_PATHWAY_NOT_VALID);

    var pregnant = change(d01.id(), "pregnant-substances", "2019-10-02");
    assertThat(pregnant.pathway().value()).isEqualTo("pregnant-substances");
  }

  @Test
  void only_an_open_mental_health_pathway_changes_type() {
    var patient = TestPatients.next();
    var cancer = started(patient, "colorectal", null);
    assertThat(refusal(cancer.id(), "D01", "2024-05-02"))
        .isEqualTo(Problem.TYPE_CHANGE_NOT_MENTAL_HEALTH);

    var d11 = started(TestPatients.next(), "D11", "2024-02-01");
    pathways.register(d11.id(), RegisterCode.manual("PATHWAY_END", date("2024-03-01")), KARI);
    assertThat(refusal(d11.id(), "D01", "2024-03-01")).isEqualTo(Problem.TYPE_CHANGE_NOT_OPEN);
  }

  @Test
  void a_pathway_changed_once_cannot_be_changed_again() {
    var d12 = started(TestPatients.next(), "D12", "2024-03-11");
    change(d12.id(), "psychosis", "2024-04-01");
    assertThat(refusal(d12.id(), "eating-disorders-young", "2024-04-01"))
        .isEqualTo(Problem.TYPE_CHANGE_NOT_OPEN);
  }

  @Test
  void a_pathway_without_a_start_has_no_type_to_change_from() {
    var d12 = started(TestPatients.next(), "D12", null);
    assertThat(refusal(d12.id(), "psychosis", "2024-04-01"))
        .isEqualTo(Problem.TYPE_CHANGE_NOT_STARTED);
  }

  @Test
  void the_new_type_is_another_mental_health_or_substance_use_pathway() {
    var d12 = started(TestPatients.next(), "D12", "2024-03-11");
    assertThat(refusal(d12.id(), "D12", "2024-04-01")).isEqualTo(Problem.TYPE_CHANGE_SAME_TYPE);
    assertThat(refusal(d12.id(), "mh-children-young", "2024-04-01"))
        .isEqualTo(Problem.TYPE_CHANGE_SAME_TYPE);
    assertThat(refusal(d12.id(), "colorectal", "2024-04-01"))
        .isEqualTo(Problem.TYPE_CHANGE_TO_NOT_MENTAL_HEALTH);
    assertThat(refusal(d12.id(), "no-such-pathway", "2024-04-01"))
        .isEqualTo(Problem.UNKNOWN_PATHWAY);
  }

  @Test
  void a_closure_the_coding_rules_refuse_leaves_everything_as_it_was() {
    var patient = TestPatients.next();
    var d11 = started(patient, "D11", "2024-02-01");
    pathways.register(d11.id(), RegisterCode.manual("FIRST_ATTENDANCE", date("2024-03-15")), KARI);

    // the closure would come before the first attendance already registered
    var result =
        pathways.changeType(
            d11.id(),
            new ChangeType(PathwayDefinitionId.of("D01"), date("2024-03-01"), null),
            KARI);

    assertThat(result).isInstanceOf(ChangeResult.Refused.class);
    assertThat(((ChangeResult.Refused) result).rejection().reason())
        .isEqualTo(Rejection.Reason.AFTER_CLOSING);
    assertThat(pathways.byPatient(PatientIdentifier.parse(patient), null, KARI)).hasSize(1);
    var old = pathways.get(d11.id(), null, KARI);
    assertThat(old.state()).isEqualTo(PathwayState.IN_WORKUP);
    assertThat(old.changedTo()).isNull();
    assertThat(old.firstRegistered(Milestone.PATHWAY_END)).isEmpty();
  }

  @Test
  void a_user_outside_the_unit_cannot_change_the_type() {
    var d12 = started(TestPatients.next(), "D12", "2024-03-11");
    assertThatThrownBy(
            () ->
                pathways.changeType(
                    d12.id(),
                    new ChangeType(PathwayDefinitionId.of("psychosis"), date("2024-04-01"), null),
                    NINA))
        .isInstanceOf(OutsideUnitsException.class);
    assertThat(pathways.get(d12.id(), null, KARI).state().isOpen()).isTrue();
  }
}
