package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.coding.DerivingCodes;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.reporting.IndicatorReport.Count;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The registration burden per unit and month, for mental health apart from cancer. */
class BurdensIT extends ApplicationTest {

  private static final Origin DERIVED =
      Origin.derived("test-rule", "1", List.of("Encounter/e1"), Map.of());

  @Autowired PathwayService pathways;
  @Autowired Burdens burdens;

  private final String unit = no.forlop.testing.TestUnits.next();
  private final Actor reader = new Actor("lise", "STATISTICS", Set.of(unit));

  private PathwayId open(String pathway) {
    return pathways.create(CreatePathway.of(TestPatients.next(), pathway, unit, null), reader).id();
  }

  private void typed(PathwayId id, String code, String date) {
    pathways.register(id, RegisterCode.manual(code, LocalDate.parse(date)), reader);
  }

  private void derived(PathwayId id, String code, String date) {
    pathways.register(
        id,
        new RegisterCode(
            code, LocalDate.parse(date), CodeState.REGISTERED, DERIVED, null, null, null, null),
        DerivingCodes.DERIVATION);
  }

  private List<Burdens.Row> rows(Burdens.Group group, boolean leavesUnit) {
    var query =
        IndicatorQuery.period(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"))
            .withOrganisations(Set.of(unit));
    return burdens.byUnitAndMonth(query, group, reader, leavesUnit);
  }

  @Test
  void each_month_counts_automatic_confirmed_and_typed_codes_of_its_unit() {
    // mental health: January 2 automatic + 1 typed; March 1 automatic
    var mh = open("D11");
    derived(mh, "PATHWAY_START", "2024-01-10");
    derived(mh, "FIRST_ATTENDANCE", "2024-01-20");
    typed(mh, "CU", "2024-01-31");
    derived(mh, "CP", "2024-03-01");
    // cancer: January 1 typed
    var cancer = open("colorectal");
    typed(cancer, "A12A", "2024-01-05");

    var mental = rows(Burdens.Group.MENTAL_HEALTH, false);
    assertThat(mental).hasSize(2);
    var january = mental.get(0);
    assertThat(january.organisation()).isEqualTo(unit);
    assertThat(january.month()).isEqualTo(LocalDate.parse("2024-01-01"));
    assertThat(january.automatic()).isEqualTo(new Count(2L, false));
    assertThat(january.manual()).isEqualTo(new Count(1L, false));
    assertThat(january.total()).isEqualTo(new Count(3L, false));
    assertThat(january.automaticPercent()).isEqualTo(66.7);
    assertThat(mental.get(1).month()).isEqualTo(LocalDate.parse("2024-03-01"));
    assertThat(mental.get(1).automaticPercent()).isEqualTo(100.0);

    var all = rows(Burdens.Group.ALL, false);
    assertThat(all.get(0).total()).isEqualTo(new Count(4L, false));
    assertThat(rows(Burdens.Group.CANCER, false))
        .singleElement()
        .satisfies(r -> assertThat(r.manual()).isEqualTo(new Count(1L, false)));

    // leaving the unit: March's single code is suppressed, January's three are not
    var exported = rows(Burdens.Group.MENTAL_HEALTH, true);
    assertThat(exported.get(0).total()).isEqualTo(new Count(3L, false));
    assertThat(exported.get(0).manual().suppressed()).isTrue();
    assertThat(exported.get(1).total().suppressed()).isTrue();
    assertThat(exported.get(1).automaticPercent()).isNull();

    // another unit's reader sees nothing
    var stranger = new Actor("nina", "STATISTICS", Set.of("910000020"));
    var query =
        IndicatorQuery.period(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"))
            .withOrganisations(Set.of(unit));
    assertThat(burdens.byUnitAndMonth(query, Burdens.Group.ALL, stranger, false)).isEmpty();
  }

  @Test
  void the_api_gives_the_burden_per_unit_and_month() {
    var response =
        get(
            "/api/v1/indicators/burden?from=2024-01-01&to=2024-12-31&group=MENTAL_HEALTH",
            AS,
            "lise");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().isArray()).isTrue();
    assertThat(
            get("/api/v1/indicators/burden?from=2024-01-01&to=2024-12-31&group=X", AS, "lise")
                .status())
        .isEqualTo(400);
  }
}
