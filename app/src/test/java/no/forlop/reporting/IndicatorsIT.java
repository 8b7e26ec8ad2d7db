package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.coding.DerivingCodes;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.OrganisationNumber;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.Remark;
import no.forlop.patient.PatientIdentifier.Sex;
import no.forlop.reporting.IndicatorReport.Count;
import no.forlop.reporting.IndicatorReport.Interval;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indicators on small hand-computed data sets. Each test works in an organisation of its own,
 * so the other tests' pathways do not count. Today is 2024-12-31. Colorectal (A12) norms, calendar
 * days: OF1 9, OF2 12, OF3 surgical 14 / drug 14 / radiotherapy 18, OF4 35 / 35 / 39.
 */
class IndicatorsIT extends ApplicationTest {

  private static final LocalDate FROM = LocalDate.parse("2024-01-01");
  private static final LocalDate TO = LocalDate.parse("2024-12-31");

  @Autowired PathwayService pathways;
  @Autowired Indicators indicators;

  private String unit;
  private Actor reader;

  @BeforeEach
  void ownUnit() {
    unit = no.forlop.testing.TestUnits.next();
    reader = new Actor("lise", "STATISTICS", Set.of(unit));
  }

  private PathwayId pathway(String patient, String pathway, String... codesAndDates) {
    var id = pathways.create(CreatePathway.of(patient, pathway, unit, null), reader).id();
    for (var entry : codesAndDates) {
      var parts = entry.split(" ");
      var result =
          pathways.register(id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), reader);
      assertThat(result).as(entry).isInstanceOf(ChangeResult.Changed.class);
    }
    return id;
  }

  private PathwayId colorectal(String... codesAndDates) {
    return pathway(TestPatients.next(), "colorectal", codesAndDates);
  }

  private IndicatorReport report(IndicatorQuery query) {
    return indicators.compute(query.withOrganisations(Set.of(unit)), reader, false);
  }

  private IndicatorReport year() {
    return report(IndicatorQuery.period(FROM, TO));
  }

  private static Interval interval(IndicatorReport report, String indicator, String treatment) {
    return report.intervals().stream()
        .filter(i -> i.indicator().equals(indicator))
        .filter(i -> java.util.Objects.equals(i.treatment(), treatment))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + indicator + "/" + treatment));
  }

  private static Long value(Count count) {
    return count.value();
  }

  /** Three treated pathways: OF4 of 35 days (the norm: within), 36 (breached), 35 with drugs. */
  private void threeTreated() {
    colorectal("A12A 2024-03-01", "A12S 2024-03-05", "A12CK 2024-03-15", "A12FK 2024-04-05");
    colorectal("A12A 2024-03-01", "A12S 2024-03-05", "A12CK 2024-03-15", "A12FK 2024-04-06");
    colorectal("A12A 2024-03-01", "A12S 2024-03-05", "A12CK 2024-03-15", "A12FM 2024-04-05");
  }

  @Test
  void of4_on_the_norm_is_within_and_one_day_over_is_a_breach() {
    threeTreated();
    var report = year();

    var all = interval(report, "OF4", null);
    assertThat(value(all.measured())).isEqualTo(3);
    assertThat(value(all.within())).isEqualTo(2);
    assertThat(value(all.breached())).isEqualTo(1);
    assertThat(all.sharePercent()).isEqualTo(66.7);
    assertThat(all.medianDays()).isEqualTo(35.0);
    assertThat(all.p25Days()).isEqualTo(35.0);
    assertThat(all.p75Days()).isEqualTo(35.5);

    var surgical = interval(report, "OF4", "SURGICAL");
    assertThat(value(surgical.measured())).isEqualTo(2);
    assertThat(surgical.sharePercent()).isEqualTo(50.0);
    var drug = interval(report, "OF4", "DRUG");
    assertThat(value(drug.within())).isEqualTo(1);
    assertThat(drug.sharePercent()).isEqualTo(100.0);

    // OF1 4 days, OF2 10 days: all within; OF3 21 days: every one over 14
    assertThat(interval(report, "OF1", null).sharePercent()).isEqualTo(100.0);
    assertThat(interval(report, "OF2", null).medianDays()).isEqualTo(10.0);
    assertThat(value(interval(report, "OF3", null).breached())).isEqualTo(3);
    // indicators not measured per treatment type have only the row for all
    assertThat(report.intervals()).filteredOn(i -> i.indicator().equals("OF1")).hasSize(1);
  }

  @Test
  void the_national_target_of_70_percent_is_met_or_not() {
    threeTreated();
    var target = year().targets().stream().filter(t -> t.indicator().equals("OF4")).findFirst();
    assertThat(target).get().satisfies(t -> assertThat(t.percent()).isEqualTo(70));
    assertThat(target.get().actualPercent()).isEqualTo(66.7);
    assertThat(target.get().met()).isFalse();

    // a fourth pathway within the norm: 3 of 4 = 75 %
    colorectal("A12A 2024-05-01", "A12S 2024-05-02", "A12CK 2024-05-10", "A12FK 2024-05-20");
    var again = year().targets().stream().filter(t -> t.indicator().equals("OF4")).findFirst();
    assertThat(again.get().actualPercent()).isEqualTo(75.0);
    assertThat(again.get().met()).isTrue();
    // no mental-health pathway: nothing to judge
    var mh = year().targets().stream().filter(t -> t.indicator().equals("MH_ASSESSMENT"));
    assertThat(mh).singleElement().satisfies(t -> assertThat(t.met()).isNull());
  }

  @Test
  void a_finished_interval_counts_in_the_period_it_ended_in() {
    threeTreated();
    // the breach ended on 2024-04-06, the others on 2024-04-05
    var early = report(IndicatorQuery.period(FROM, LocalDate.parse("2024-04-05")));
    var late = report(IndicatorQuery.period(LocalDate.parse("2024-04-06"), TO));
    assertThat(value(interval(early, "OF4", null).measured())).isEqualTo(2);
    assertThat(value(interval(early, "OF4", null).breached())).isZero();
    assertThat(value(interval(late, "OF4", null).measured())).isEqualTo(1);
    assertThat(value(interval(late, "OF4", null).breached())).isEqualTo(1);
    // OF1 ended 2024-03-05, in neither of the later period
    assertThat(late.intervals()).noneMatch(i -> i.indicator().equals("OF1"));
  }

  @Test
  void activity_counts_each_milestone_in_its_period_and_work_up_at_the_end() {
    threeTreated();
    colorectal("A12A 2024-12-01", "A12S 2024-12-05"); // in work-up
    colorectal("A12A 2023-12-20", "A12S 2024-01-02", "A12CK 2024-01-10"); // started last year
    colorectal("A12A 2024-06-01", "A12O 2024-06-10"); // transferred
    colorectal("A12A 2024-02-01", "A12S 2024-02-02", "A12X 2024-02-20"); // ended

    var a = year().activity();
    assertThat(value(a.started())).isEqualTo(6);
    assertThat(value(a.decided())).isEqualTo(4);
    assertThat(value(a.treated())).isEqualTo(3);
    assertThat(value(a.transferred())).isEqualTo(1);
    assertThat(value(a.closed())).isEqualTo(1);
    // the December one and the one decided but not treated are not in work-up; only December's
    assertThat(value(a.inWorkUp())).isEqualTo(1);

    // at the end of February, the three March pathways had not started; the ended one had
    var february =
        report(IndicatorQuery.period(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29")))
            .activity();
    assertThat(value(february.started())).isEqualTo(1);
    assertThat(value(february.closed())).isEqualTo(1);
    assertThat(value(february.inWorkUp())).isZero();
  }

  @Test
  void a_mental_health_interval_is_measured_and_judged_against_the_80_percent_target() {
    // OCD: assessment (first attendance → clinical decision) within 56 calendar days
    pathway(
        TestPatients.next(),
        "ocd",
        "PATHWAY_START 2024-01-10",
        "FIRST_ATTENDANCE 2024-02-01",
        "CP 2024-03-28"); // 56 days: within
    pathway(
        TestPatients.next(),
        "ocd",
        "PATHWAY_START 2024-01-10",
        "FIRST_ATTENDANCE 2024-02-01",
        "CP 2024-03-29"); // 57 days: breached
    var report = year();
    var assessment = interval(report, "MH_ASSESSMENT", null);
    assertThat(value(assessment.within())).isEqualTo(1);
    assertThat(value(assessment.breached())).isEqualTo(1);
    assertThat(assessment.sharePercent()).isEqualTo(50.0);
    assertThat(assessment.medianDays()).isEqualTo(56.5);
    var target =
        report.targets().stream().filter(t -> t.indicator().equals("MH_ASSESSMENT")).findFirst();
    assertThat(target.get().percent()).isEqualTo(80);
    assertThat(target.get().met()).isFalse();
    assertThat(target.get().verified()).isFalse();
    // no cancer indicator in a mental-health-only unit
    assertThat(report.intervals()).noneMatch(i -> i.indicator().startsWith("OF"));
  }

  @Test
  void a_running_interval_past_its_due_date_is_overdue_now_but_not_a_breach() {
    colorectal("A12A 2024-12-21"); // OF1 due 2024-12-30: overdue on 2024-12-31
    colorectal("A12A 2024-12-22"); // due 2024-12-31: not yet
    var of1 = interval(year(), "OF1", null);
    assertThat(value(of1.overdueNow())).isEqualTo(1);
    assertThat(value(of1.measured())).isZero();
    assertThat(value(of1.breached())).isZero();
  }

  @Test
  void a_pathway_without_a_verified_norm_is_measured_but_not_judged() {
    // prostate (A16) has no verified lead times
    pathway(TestPatients.next(), "prostate", "A16A 2024-03-01", "A16S 2024-03-11");
    var of1 = interval(year(), "OF1", null);
    assertThat(value(of1.measured())).isEqualTo(1);
    assertThat(value(of1.withoutNorm())).isEqualTo(1);
    assertThat(value(of1.withNorm())).isZero();
    assertThat(of1.sharePercent()).isNull();
    assertThat(of1.medianDays()).isEqualTo(10.0);
  }

  @Test
  void the_indicators_agree_with_the_lead_time_engine() {
    threeTreated();
    colorectal("A12A 2024-06-01", "A12S 2024-06-20", "A12CK 2024-07-20", "A12FS 2024-08-01");
    pathway(TestPatients.next(), "prostate", "A16A 2024-03-01", "A16S 2024-03-11");
    var measured =
        pathways.byOrganisation(OrganisationNumber.of(unit), null, reader).stream()
            .flatMap(p -> p.leadTimes().stream())
            .filter(l -> l.to() != null)
            .toList();
    var report = year();
    for (var indicator : List.of("OF1", "OF2", "OF3", "OF4")) {
      var row = interval(report, indicator, null);
      assertThat(value(row.within()))
          .as(indicator)
          .isEqualTo(count(measured, indicator, LeadTime.Status.MET));
      assertThat(value(row.breached()))
          .as(indicator)
          .isEqualTo(count(measured, indicator, LeadTime.Status.BREACHED));
      assertThat(value(row.withoutNorm()))
          .as(indicator)
          .isEqualTo(count(measured, indicator, LeadTime.Status.UNKNOWN_NORM));
    }
  }

  private static long count(List<LeadTime> all, String indicator, LeadTime.Status status) {
    return all.stream()
        .filter(l -> l.indicator().equals(indicator) && l.status() == status)
        .count();
  }

  @Test
  void small_numbers_are_suppressed_when_the_view_leaves_the_unit() {
    colorectal("A12A 2024-03-01", "A12S 2024-03-05");
    colorectal("A12A 2024-03-01", "A12S 2024-03-06");
    var query = IndicatorQuery.period(FROM, TO).withOrganisations(Set.of(unit));

    var inside = indicators.compute(query, reader, false);
    assertThat(value(interval(inside, "OF1", null).measured())).isEqualTo(2);

    var leaving = indicators.compute(query, reader, true);
    var of1 = interval(leaving, "OF1", null);
    assertThat(of1.measured().suppressed()).isTrue();
    assertThat(of1.measured().value()).isNull();
    assertThat(of1.measured().display(3)).isEqualTo("<3");
    assertThat(of1.sharePercent()).isNull();
    assertThat(of1.medianDays()).isNull();
    assertThat(leaving.activity().started().suppressed()).isTrue();
    // zero is not a small number
    assertThat(leaving.activity().treated()).isEqualTo(new Count(0L, false));

    // a third: 3 is shown
    colorectal("A12A 2024-03-01", "A12S 2024-03-07");
    var three = indicators.compute(query, reader, true);
    assertThat(value(interval(three, "OF1", null).measured())).isEqualTo(3);
    assertThat(interval(three, "OF1", null).sharePercent()).isEqualTo(100.0);
  }

  @Test
  void a_reader_sees_only_their_units_whatever_the_query_asks() {
    threeTreated();
    var stranger = new Actor("nina", "STATISTICS", Set.of("910000020"));
    var asked = IndicatorQuery.period(FROM, TO).withOrganisations(Set.of(unit));
    var report = indicators.compute(asked, stranger, false);
    assertThat(value(report.activity().started())).isZero();
    assertThat(report.intervals()).isEmpty();
  }

  @Test
  void the_patient_group_filters_use_age_at_start_and_sex() {
    // 70 on the day the pathway started, and one day short of 70
    pathway(
        TestPatients.bornOn(LocalDate.parse("1954-03-01"), false), "colorectal", "A12A 2024-03-01");
    pathway(
        TestPatients.bornOn(LocalDate.parse("1954-03-02"), true), "colorectal", "A12A 2024-03-01");

    var base = IndicatorQuery.period(FROM, TO);
    assertThat(value(report(base.withAgeBand(AgeBand.AGE_70_79)).activity().started()))
        .isEqualTo(1);
    assertThat(value(report(base.withAgeBand(AgeBand.AGE_60_69)).activity().started()))
        .isEqualTo(1);
    assertThat(value(report(base.withSex(Sex.MALE)).activity().started())).isEqualTo(1);
    assertThat(
            value(
                report(base.withSex(Sex.FEMALE).withAgeBand(AgeBand.AGE_70_79))
                    .activity()
                    .started()))
        .isEqualTo(1);
    assertThat(
            value(
                report(base.withSex(Sex.MALE).withAgeBand(AgeBand.AGE_70_79)).activity().started()))
        .isZero();
  }

  @Test
  void the_registration_burden_counts_automatic_confirmed_and_typed_codes() {
    var id = colorectal("A12A 2024-03-01"); // typed
    var derived = Origin.derived("test-rule", "1", List.of("Encounter/e1"), Map.of());
    pathways.register(
        id,
        new RegisterCode(
            "A12S",
            LocalDate.parse("2024-03-05"),
            CodeState.REGISTERED,
            derived,
            null,
            null,
            null,
            null),
        DerivingCodes.DERIVATION);
    var proposal =
        pathways.register(
            id,
            new RegisterCode(
                "A12CK",
                LocalDate.parse("2024-03-15"),
                CodeState.PROPOSED,
                derived,
                null,
                null,
                null,
                Remark.written("test")),
            DerivingCodes.DERIVATION);
    var proposed =
        pathways.get(id, null, reader).codes().stream()
            .filter(c -> c.state() == CodeState.PROPOSED)
            .findFirst()
            .orElseThrow();

    var before = year();
    assertThat(value(before.burden().total())).isEqualTo(2);
    assertThat(value(before.quality().proposals())).isEqualTo(1);
    assertThat(value(before.quality().withProposals())).isEqualTo(1);

    pathways.confirm(id, proposed.registration(), reader);
    var burden = year().burden();
    assertThat(value(burden.automatic())).isEqualTo(1);
    assertThat(value(burden.confirmed())).isEqualTo(1);
    assertThat(value(burden.manual())).isEqualTo(1);
    assertThat(value(burden.total())).isEqualTo(3);
    assertThat(burden.automaticPercent()).isEqualTo(33.3);
    assertThat(year().quality().proposals()).isEqualTo(new Count(0L, false));
    assertThat(proposal).isInstanceOf(ChangeResult.Changed.class);
  }

  @Test
  void the_api_returns_the_indicators_and_refuses_a_period_that_ends_before_it_starts() {
    var ok = get("/api/v1/indicators?from=2024-01-01&to=2024-12-31", AS, "lise");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().has("activity")).isTrue();
    assertThat(ok.json().get("targets").size()).isEqualTo(2);

    var bad = get("/api/v1/indicators?from=2024-12-31&to=2024-01-01", AS, "lise");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.reason()).isEqualTo("INVALID_QUERY");
    assertThat(bad.text())
        .isEqualTo(
            "Perioden slutter (2024-01-01) før den begynner (2024-12-31). Bytt om «from» og «to».");
    var badEnglish =
        get("/api/v1/indicators?from=2024-12-31&to=2024-01-01", AS, "lise", ENGLISH[0], ENGLISH[1]);
    assertThat(badEnglish.reason()).isEqualTo("INVALID_QUERY");
    assertThat(badEnglish.text())
        .isEqualTo(
            "The period ends (2024-01-01) before it begins (2024-12-31). Swap \"from\" and \"to\".");

    var pdf = get("/api/v1/indicators?from=2024-01-01&to=2024-12-31&format=pdf", AS, "lise");
    assertThat(pdf.status()).isEqualTo(400);
    assertThat(pdf.reason()).isEqualTo("UNSUPPORTED_FORMAT");
    assertThat(pdf.text())
        .isEqualTo("Parameteren «format» må være json, csv eller xlsx, ikke «pdf».");
    assertThat(
            get(
                    "/api/v1/indicators?from=2024-01-01&to=2024-12-31&format=pdf",
                    AS,
                    "lise",
                    ENGLISH[0],
                    ENGLISH[1])
                .text())
        .isEqualTo("The parameter \"format\" must be json, csv or xlsx, not \"pdf\".");
    var csv = get("/api/v1/indicators?from=2024-01-01&to=2024-12-31&format=csv", AS, "lise");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");

    var noDates = get("/api/v1/indicators", AS, "lise");
    assertThat(noDates.status()).isEqualTo(400);
    assertThat(noDates.outcome().getIssueFirstRep().getSeverity()).isNotNull();
  }
}
