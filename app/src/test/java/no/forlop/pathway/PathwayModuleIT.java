package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.catalog.Milestone;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code pathway} module on its own (Spring Modulith's module test): only {@code pathway} and
 * the modules it may use ({@code catalog}, {@code calendar}, {@code patient}, {@code audit}, {@code
 * web}, {@code access}) are started, with {@code database} for a temporary embedded PostgreSQL (the
 * one the other integration tests use); intake, coding, the coordinator's pages and the read models
 * are not. It shows that the pathway rules and their storage work without the rest of Forløp.
 *
 * <p>This is the one integration test allowed a context of its own: a module test boots a smaller
 * application than {@link no.forlop.testing.ApplicationTest}'s by definition, so it cannot share
 * that context. It is a single class, so it costs one extra start-up; today is 2024-12-31.
 */
@ApplicationModuleTest(
    mode = BootstrapMode.DIRECT_DEPENDENCIES,
    extraIncludes = {"calendar", "database"})
@TestPropertySource(
    properties = {
      "forlop.database.embedded.temporary=true",
      "forlop.clock.fixed=2024-12-31T10:00:00Z"
    })
class PathwayModuleIT {

  static final String UNIT = "910000012";
  static final Actor KARI = new Actor("kari", "PATIENT_CARE", Set.of(UNIT));

  @Autowired PathwayService pathways;
  @Autowired ApplicationContext context;

  @Test
  void only_the_pathway_module_and_what_it_uses_are_started() {
    assertThat(context.getBeanNamesForType(PathwayService.class)).hasSize(1);
    assertThat(context.getBeanNamesForType(no.forlop.coordinator.worklist.Worklist.class))
        .isEmpty();
    assertThat(context.getBeanNamesForType(no.forlop.ingest.IntakeService.class)).isEmpty();
    assertThat(context.getBeanNamesForType(no.forlop.reporting.Indicators.class)).isEmpty();
  }

  @Test
  void a_pathway_is_opened_its_codes_registered_and_a_refusal_comes_back_as_a_value() {
    var patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "colorectal", UNIT, null), KARI).id();

    var start =
        pathways.register(
            id, RegisterCode.manual("PATHWAY_START", LocalDate.parse("2024-03-01")), KARI);
    assertThat(start).isInstanceOf(ChangeResult.Changed.class);

    // a first attendance before the start: refused, as a value, and nothing stored
    var early =
        pathways.register(
            id, RegisterCode.manual("FIRST_ATTENDANCE", LocalDate.parse("2024-02-20")), KARI);
    assertThat(early)
        .isInstanceOfSatisfying(
            ChangeResult.Refused.class,
            refused ->
                assertThat(refused.rejection().reason()).isEqualTo(Rejection.Reason.BEFORE_START));
    var afterRefusal = pathways.get(id, null, KARI);
    assertThat(afterRefusal.state()).isEqualTo(PathwayState.AWAITING_FIRST_ATTENDANCE);
    assertThat(afterRefusal.codes())
        .extracting(PathwayView.Code::milestone)
        .containsExactly(Milestone.PATHWAY_START);
    assertThat(afterRefusal.history()).hasSize(1);

    var attendance =
        pathways.register(
            id, RegisterCode.manual("FIRST_ATTENDANCE", LocalDate.parse("2024-03-08")), KARI);
    assertThat(attendance).isInstanceOf(ChangeResult.Changed.class);

    var view = pathways.get(id, null, KARI);
    assertThat(view.patient()).isEqualTo(PatientIdentifier.parse(patient));
    assertThat(view.codePrefix()).isEqualTo("A12");
    assertThat(view.state()).isEqualTo(PathwayState.IN_WORKUP);
    assertThat(view.codes())
        .extracting(PathwayView.Code::milestone, PathwayView.Code::date)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                Milestone.PATHWAY_START, LocalDate.parse("2024-03-01")),
            org.assertj.core.groups.Tuple.tuple(
                Milestone.FIRST_ATTENDANCE, LocalDate.parse("2024-03-08")));
    assertThat(view.history()).hasSize(2);
    assertThat(view.leadTimes())
        .filteredOn(l -> l.to() != null)
        .extracting(LeadTime::from, LeadTime::to)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-08")));
  }
}
