package no.forlop.reporting;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.database.CopyRows;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayReadModel;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics' read model ({@code report_pathway}, {@code report_code}, {@code
 * report_interval}, and the patient-level {@code report_patient_interval}) in step with the
 * pathways: every change rewrites the pathway's rows in the transaction of the change; at start-up,
 * pathways without rows (e.g. after an upgrade) are written from the pathways themselves. The
 * monthly sums ({@link MonthlyAggregates}) are kept in step by the same write.
 */
@Component
class ReportingProjection extends PathwayReadModel {

  private static final String SYSTEM_ACTOR = "system:";
  private final JdbcTemplate batch;
  private final CatalogueService catalogues;
  private final Clock clock;
  private final PatientIntervals patientIntervals;
  private final MonthlyAggregates aggregates;

  ReportingProjection(
      JdbcClient jdbc,
      JdbcTemplate batch,
      CatalogueService catalogues,
      PathwayService pathways,
      Clock clock,
      MonthlyAggregates aggregates) {
    super(jdbc, pathways, "report_pathway", "the statistics");
    this.batch = batch;
    this.catalogues = catalogues;
    this.clock = clock;
    this.patientIntervals = new PatientIntervals(batch, pathways);
    this.aggregates = aggregates;
  }

  @Override
  protected void write(List<PathwayView> views) {
    if (views.isEmpty()) {
      return;
    }
    var ids = views.stream().map(v -> v.id().value()).toArray(UUID[]::new);
    aggregates.replace(ids, () -> rewrite(views, ids));
  }

  /** Replaces the pathways' rows in {@code report_*}. */
  private void rewrite(List<PathwayView> views, UUID[] ids) {
    batch.update("delete from report_interval where pathway_id = any(?)", (Object) ids);
    batch.update("delete from report_code where pathway_id = any(?)", (Object) ids);
    var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    batch.batchUpdate(
        """
        insert into report_pathway (pathway_id, patient, organisation, pathway, code_prefix, kind,
            birth_date, sex, state, open, start_date, first_attendance, decision_date,
            decision_code, treatment_date, treatment_code, transferred_on, ended_on, problem,
            proposals, disagreement, updated_at, referral_requester, referral_requester_name,
            referral_written_on, referral_received_on, referral_content)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (pathway_id) do update set
            patient = excluded.patient, organisation = excluded.organisation,
            pathway = excluded.pathway, code_prefix = excluded.code_prefix, kind = excluded.kind,
            birth_date = excluded.birth_date, sex = excluded.sex, state = excluded.state,
            open = excluded.open, start_date = excluded.start_date,
            first_attendance = excluded.first_attendance, decision_date = excluded.decision_date,
            decision_code = excluded.decision_code, treatment_date = excluded.treatment_date,
            treatment_code = excluded.treatment_code, transferred_on = excluded.transferred_on,
            ended_on = excluded.ended_on, problem = excluded.problem,
            proposals = excluded.proposals, disagreement = excluded.disagreement,
            updated_at = excluded.updated_at, referral_requester = excluded.referral_requester,
            referral_requester_name = excluded.referral_requester_name,
            referral_written_on = excluded.referral_written_on,
            referral_received_on = excluded.referral_received_on,
            referral_content = excluded.referral_content
        """,
        views.stream().map(v -> pathwayRow(v, now)).toList());
    // the codes and intervals are plain inserts (their old rows deleted above): one COPY each
    var dataSource = java.util.Objects.requireNonNull(batch.getDataSource());
    CopyRows.copy(
        dataSource,
        "report_code",
        List.of(
            "registration_id",
            "pathway_id",
            "organisation",
            "pathway",
            "code",
            "code_key",
            "milestone",
            "code_date",
            "state",
            "origin",
            "rule_id",
            "ruleset_version"),
        views.stream().flatMap(v -> codeRows(v).stream()).toList());
    CopyRows.copy(
        dataSource,
        "report_interval",
        List.of(
            "pathway_id",
            "organisation",
            "pathway",
            "indicator",
            "treatment",
            "from_date",
            "to_date",
            "days",
            "standard_days",
            "day_type",
            "due_date",
            "status",
            "unverified_standard_days",
            "patient_delayed",
            "catalogue_version"),
        views.stream().flatMap(v -> intervalRows(v).stream()).toList());
    patientIntervals.write(views);
  }

  private Object[] pathwayRow(PathwayView view, OffsetDateTime now) {
    var patient = view.patient();
    var decision = view.firstRegistered(Milestone.CLINICAL_DECISION);
    var treatment = view.firstRegistered(Milestone.TREATMENT_START);
    var referral = StartingReferral.of(view.milestones());
    return new Object[] {
      view.id().value(),
      view.patient().value(),
      view.organisation().value(),
      view.pathway().value(),
      view.codePrefix(),
      kind(view.pathway().value()),
      birthDate(patient).orElse(null),
      patient.sex().name(),
      view.state().name(),
      view.state().isOpen(),
      view.firstRegistered(Milestone.PATHWAY_START).map(PathwayView.Code::date).orElse(null),
      view.firstRegistered(Milestone.FIRST_ATTENDANCE).map(PathwayView.Code::date).orElse(null),
      decision.map(PathwayView.Code::date).orElse(null),
      decision.map(ReportingProjection::codeOf).orElse(null),
      treatment.map(PathwayView.Code::date).orElse(null),
      treatment.map(ReportingProjection::codeOf).orElse(null),
      view.firstRegistered(Milestone.TRANSFERRED).map(PathwayView.Code::date).orElse(null),
      view.firstRegistered(Milestone.PATHWAY_END).map(PathwayView.Code::date).orElse(null),
      view.problem() == null ? null : view.problem().reason().name(),
      view.proposals(),
      view.hasDisagreement(),
      now,
      referral.requester(),
      referral.requesterName(),
      referral.writtenOn(),
      referral.receivedOn(),
      referral.content()
    };
  }

  private List<Object[]> codeRows(PathwayView view) {
    var rows = new ArrayList<Object[]>();
    for (var code : view.codes()) {
      rows.add(
          new Object[] {
            code.registration().value(),
            view.id().value(),
            view.organisation().value(),
            view.pathway().value(),
            code.code(),
            code.key(),
            code.milestone().name(),
            code.date(),
            code.state().name(),
            how(view, code).name(),
            code.rule(),
            code.rulesetVersion()
          });
    }
    return rows;
  }

  private static List<Object[]> intervalRows(PathwayView view) {
    var rows = new ArrayList<Object[]>();
    for (var l : view.leadTimes()) {
      if (l.status() == LeadTime.Status.EXCLUDED) {
        // NPR leaves the pathway out of this indicator (e.g. the right to treatment was given
        // directly at the referral assessment): no row, so it is in no count, median or
        // denominator of the indicator (docs/indicators.md); the pathway page still shows it
        continue;
      }
      rows.add(
          new Object[] {
            view.id().value(),
            view.organisation().value(),
            view.pathway().value(),
            l.indicator(),
            l.treatment(),
            l.from(),
            l.to(),
            l.days() == null ? null : l.days().intValue(),
            l.standardDays(),
            l.dayType().name(),
            l.dueDate(),
            l.to() == null ? "RUNNING" : l.status().name(),
            l.unverifiedStandardDays(),
            l.patientDelayed(),
            l.catalogueVersion()
          });
    }
    return rows;
  }

  /**
   * How a code came about (column {@code report_code.origin}): typed by a person, or derived and
   * either registered by its rule or proposed and confirmed by a person.
   */
  enum How {
    MANUAL,
    AUTOMATIC,
    CONFIRMED
  }

  /**
   * How a code came about: typed by a person, or derived and either registered by its rule or
   * proposed and confirmed by a person. A derived code a person corrected counts as typed.
   */
  static How how(PathwayView view, PathwayView.Code code) {
    if (Origin.Kind.valueOf(code.origin()) != Origin.Kind.DERIVED) {
      return How.MANUAL;
    }
    var facts = view.history().stream().filter(f -> f.registration().equals(code.registration()));
    var byPerson =
        facts.filter(f -> !f.actor().startsWith(SYSTEM_ACTOR)).map(PathwayView.Fact::kind).toList();
    if (byPerson.contains(CodeFact.Kind.CORRECTED)) {
      return How.MANUAL;
    }
    return byPerson.contains(CodeFact.Kind.CONFIRMED) ? How.CONFIRMED : How.AUTOMATIC;
  }

  private static String codeOf(PathwayView.Code code) {
    return code.code() != null ? code.code() : code.key();
  }

  private String kind(String pathway) {
    return catalogues
        .current()
        .pathway(pathway)
        .map(PathwayDefinition::kind)
        .map(Enum::name)
        .orElse("UNKNOWN");
  }

  private static Optional<LocalDate> birthDate(PatientIdentifier id) {
    try {
      return Optional.of(id.birthDate());
    } catch (DateTimeException e) {
      return Optional.empty(); // 29 February of a year that has none: no age group
    }
  }
}
