package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.ChangeType;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayDefinitionId;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.RegistrationId;
import no.forlop.pathway.Remark;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import no.forlop.testing.TestUnits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly sums move with every change a pathway goes through the application (the projection
 * writes them in the change's transaction): a code registered, withdrawn, corrected to another
 * month, a transfer, an end, a change of pathway type. After each, the sums' numbers equal the
 * direct ones, and the moved count is where it should be. Today is 2024-12-31.
 */
class MonthlySumsInStepIT extends ApplicationTest {

  @Autowired PathwayService pathways;
  @Autowired Indicators indicators;
  @Autowired DirectIndicators direct;
  @Autowired MonthlyAggregates aggregates;

  private String unit;
  private Actor reader;

  @BeforeEach
  void ownUnit() {
    unit = TestUnits.next();
    reader = new Actor("lise", "STATISTICS", Set.of(unit));
  }

  private PathwayId pathway(String pathway, String... codesAndDates) {
    var id =
        pathways.create(CreatePathway.of(TestPatients.next(), pathway, unit, null), reader).id();
    for (var entry : codesAndDates) {
      register(id, entry);
    }
    return id;
  }

  private RegistrationId register(PathwayId id, String codeAndDate) {
    var parts = codeAndDate.split(" ");
    var result =
        pathways.register(id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), reader);
    assertThat(result).as(codeAndDate).isInstanceOf(ChangeResult.Changed.class);
    return new RegistrationId(((ChangeResult.Changed) result).fact().registration());
  }

  private static IndicatorQuery period(String from, String to) {
    return IndicatorQuery.period(LocalDate.parse(from), LocalDate.parse(to));
  }

  /** The sums equal the direct numbers for the year, March, April, a part month and a day. */
  private IndicatorReport inStep() {
    var queries =
        List.of(
            period("2024-01-01", "2024-12-31"),
            period("2024-03-01", "2024-03-31"),
            period("2024-04-01", "2024-04-30"),
            period("2024-03-10", "2024-04-20"),
            period("2024-03-15", "2024-03-15"),
            period("2024-01-01", "2024-06-15"));
    for (var query : queries) {
      var mine = query.withOrganisations(Set.of(unit));
      assertThat(indicators.compute(mine, reader, false))
          .as(query.toString())
          .isEqualTo(direct.compute(mine, reader, false));
    }
    return indicators.compute(queries.get(0).withOrganisations(Set.of(unit)), reader, false);
  }

  private IndicatorReport month(String from, String to) {
    return indicators.compute(period(from, to).withOrganisations(Set.of(unit)), reader, false);
  }

  @Test
  void a_pathway_moves_its_counts_with_every_change() {
    var id = pathway("colorectal", "A12A 2024-03-01", "A12S 2024-03-05");
    var decision = register(id, "A12CK 2024-03-15");
    assertThat(inStep().activity().decided().value()).isEqualTo(1);
    assertThat(month("2024-03-01", "2024-03-31").activity().decided().value()).isEqualTo(1);

    // treated: OF4 surgical measured; then withdrawn: not measured any more
    var treatment = register(id, "A12FK 2024-04-05");
    var treated = inStep();
    assertThat(treated.activity().treated().value()).isEqualTo(1);
    assertThat(
            treated.intervals().stream()
                .filter(i -> i.indicator().equals("OF4") && "SURGICAL".equals(i.treatment()))
                .findFirst()
                .orElseThrow()
                .measured()
                .value())
        .isEqualTo(1);
    var withdrawal = pathways.withdraw(id, treatment, Remark.written("Feilregistrert"), reader);
    assertThat(withdrawal).as(withdrawal.toString()).isInstanceOf(ChangeResult.Changed.class);
    var withdrawn = inStep();
    assertThat(withdrawn.activity().treated().value()).isZero();
    assertThat(withdrawn.intervals())
        .noneMatch(i -> i.indicator().equals("OF4") && "SURGICAL".equals(i.treatment()));

    // the decision corrected into April: March's count moves to April
    var correction =
        pathways.correct(
            id, decision, null, LocalDate.parse("2024-04-15"), Remark.written("Feil dato"), reader);
    assertThat(correction).as(correction.toString()).isInstanceOf(ChangeResult.Changed.class);
    inStep();
    assertThat(month("2024-03-01", "2024-03-31").activity().decided().value()).isZero();
    assertThat(month("2024-04-01", "2024-04-30").activity().decided().value()).isEqualTo(1);

    // the drug treatment instead, then the end
    register(id, "A12FM 2024-05-02");
    register(id, "A12X 2024-06-01");
    var ended = inStep();
    assertThat(ended.activity().closed().value()).isEqualTo(1);
    assertThat(ended.activity().treated().value()).isEqualTo(1);
  }

  @Test
  void a_transfer_and_a_running_interval_overdue_now() {
    pathway("colorectal", "A12A 2024-06-01", "A12O 2024-06-10");
    pathway("colorectal", "A12A 2024-11-01"); // OF1 running since 1 November, overdue today
    var report = inStep();
    assertThat(report.activity().transferred().value()).isEqualTo(1);
    assertThat(report.activity().inWorkUp().value()).isEqualTo(1);
    assertThat(
            report.intervals().stream()
                .filter(i -> i.indicator().equals("OF1") && i.treatment() == null)
                .findFirst()
                .orElseThrow()
                .overdueNow()
                .value())
        .isEqualTo(1);
  }

  @Test
  void a_change_of_pathway_type_moves_the_counts_to_the_new_pathway() {
    var old = pathway("mh-children-young", "PATHWAY_START 2024-03-11");
    var changed =
        pathways.changeType(
            old,
            new ChangeType(
                PathwayDefinitionId.of("eating-disorders-young"),
                LocalDate.parse("2024-05-02"),
                null),
            reader);
    assertThat(changed).isInstanceOf(ChangeResult.Changed.class);
    var report = inStep();
    assertThat(report.activity().closed().value()).isEqualTo(1);
    var young =
        indicators.compute(
            period("2024-01-01", "2024-12-31")
                .withOrganisations(Set.of(unit))
                .withPathway("eating-disorders-young"),
            reader,
            false);
    assertThat(young)
        .isEqualTo(
            direct.compute(
                period("2024-01-01", "2024-12-31")
                    .withOrganisations(Set.of(unit))
                    .withPathway("eating-disorders-young"),
                reader,
                false));
  }

  @Test
  void folding_the_deltas_changes_no_number() {
    pathway("colorectal", "A12A 2024-03-01", "A12S 2024-03-05", "A12CK 2024-03-15");
    var before = inStep();
    aggregates.compact();
    assertThat(inStep()).isEqualTo(before);
  }
}
