package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayService;
import no.forlop.patient.PatientIdentifier;
import no.forlop.reporting.IndicatorReport.Count;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import no.forlop.testing.TestUnits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The patient-level lead times in the statistics (issue 13, item 3): the own acceptance scenario
 * {@code transfer-for-surgery} at two trusts of this test's own, through the intake. The chain is
 * counted once, by first trust and treating trust: OF4 surgical from the first trust's A (4 March)
 * to the second trust's FK (10 April), 37 days against 35. Counts under 3 are suppressed when the
 * numbers leave the unit.
 */
class PatientLeadTimeIndicatorsIT extends ApplicationTest {

  private static final Actor EHR = new Actor("ehr-test", "INTEGRATION");
  private static final Actor SYSTEM = new Actor("statistics-test", "TESTING");
  private static final IndicatorQuery APRIL =
      IndicatorQuery.period(LocalDate.parse("2024-04-01"), LocalDate.parse("2024-04-30"));

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;
  @Autowired PatientLeadTimeIndicators indicators;
  @Autowired JdbcClient jdbc;

  private String first;
  private String second;

  @BeforeEach
  void trustsOfOurOwn() {
    first = TestUnits.next();
    second = TestUnits.next();
  }

  /** The scenario for a new patient at this test's two trusts; returns the patient. */
  private String transferredForSurgery() throws IOException {
    var patient = TestPatients.next();
    try (var in = getClass().getResourceAsStream("/acceptance/transfer-for-surgery/events.json")) {
      var events =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("14055210013", patient)
              .replace("910000012", first)
              .replace("910000020", second);
      intake.receive(events.getBytes(StandardCharsets.UTF_8), "test", EHR, true);
    }
    return patient;
  }

  private static PatientLeadTimeIndicators.Row row(
      List<PatientLeadTimeIndicators.Row> rows, String indicator, String treatment) {
    return rows.stream()
        .filter(r -> r.indicator().equals(indicator))
        .filter(r -> java.util.Objects.equals(r.treatment(), treatment))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + indicator + "/" + treatment + " in " + rows));
  }

  @Test
  void the_projection_keeps_one_row_set_per_chain_keyed_by_the_treating_instance()
      throws IOException {
    var patient = transferredForSurgery();
    var views = pathways.byPatient(PatientIdentifier.parse(patient), null, SYSTEM);
    var receiver =
        views.stream().filter(v -> v.organisation().value().equals(second)).findFirst().get();

    var rows =
        jdbc.sql(
                """
                select pathway_id, first_organisation, treating_organisation, instances, days,
                  standard_days, status
                from report_patient_interval
                where first_organisation = :first and indicator = 'OF4'
                """)
            .param("first", first)
            .query(
                (rs, n) ->
                    List.of(
                        rs.getObject("pathway_id", UUID.class).toString(),
                        rs.getString("treating_organisation"),
                        rs.getString("instances"),
                        rs.getString("days"),
                        rs.getString("standard_days"),
                        rs.getString("status")))
            .list();

    assertThat(rows)
        .containsExactly(List.of(receiver.id().toString(), second, "2", "37", "35", "BREACHED"));
  }

  @Test
  void the_indicators_by_first_and_treating_trust_count_the_chain_once_and_suppress_small_counts()
      throws IOException {
    transferredForSurgery();
    var reader = new Actor("lise", "STATISTICS", Set.of(second));

    var inUnit = indicators.byTrusts(APRIL, reader, false);
    var leaving = indicators.byTrusts(APRIL, reader, true);

    var of4 = row(inUnit, "OF4", null);
    assertThat(of4.firstOrganisation()).isEqualTo(first);
    assertThat(of4.treatingOrganisation()).isEqualTo(second);
    assertThat(of4.measured()).isEqualTo(new Count(1L, false));
    assertThat(of4.linked()).isEqualTo(new Count(1L, false));
    assertThat(of4.within()).isEqualTo(new Count(0L, false));
    assertThat(of4.sharePercent()).isEqualTo(0.0);
    assertThat(of4.median()).isEqualTo(37.0);
    assertThat(row(inUnit, "OF4", "SURGICAL").measured().value()).isEqualTo(1L);
    assertThat(row(inUnit, "OF3", "SURGICAL").measured().value()).isEqualTo(1L);
    // finished in March: OF1 and OF2 are not in April's numbers
    assertThat(inUnit).noneMatch(r -> r.indicator().equals("OF1"));
    assertThat(row(leaving, "OF4", null).measured().suppressed()).isTrue();
    assertThat(row(leaving, "OF4", null).sharePercent()).isNull();
    assertThat(row(leaving, "OF4", null).median()).isNull();
  }

  @Test
  void three_chains_are_not_suppressed_and_other_units_see_none_of_them() throws IOException {
    transferredForSurgery();
    transferredForSurgery();
    transferredForSurgery();
    var reader = new Actor("lise", "STATISTICS", Set.of(first));
    var stranger = new Actor("per", "STATISTICS", Set.of(TestUnits.next()));

    var leaving = indicators.byTrusts(APRIL, reader, true);

    assertThat(row(leaving, "OF4", null).measured()).isEqualTo(new Count(3L, false));
    assertThat(row(leaving, "OF4", null).median()).isEqualTo(37.0);
    assertThat(indicators.byTrusts(APRIL, stranger, true)).isEmpty();
  }

  @Test
  void the_api_answers_for_the_readers_units_and_refuses_a_reversed_period() throws IOException {
    transferredForSurgery();

    // Lise's units are the demo trusts, not this test's: the chain is not hers to count, and
    // asking for a unit outside hers is a 400 naming it (issue 16, ADR 0038), not an empty answer
    var theirs =
        get(
            "/api/v1/indicators/patient-level?from=2024-04-01&to=2024-04-30&organisation=" + first,
            AS,
            "lise");
    var reversed =
        get("/api/v1/indicators/patient-level?from=2024-04-30&to=2024-04-01", AS, "lise");

    assertThat(theirs.status()).isEqualTo(400);
    assertThat(theirs.json().toString()).contains(first);
    assertThat(reversed.status()).isEqualTo(400);
  }
}
