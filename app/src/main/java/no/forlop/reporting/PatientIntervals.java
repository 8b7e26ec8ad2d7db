package no.forlop.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.forlop.database.CopyRows;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.WholePathway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the patient-level lead times of the statistics ({@code report_patient_interval}) in step:
 * when any instance of a patient changes, every chain of that patient's instances linked by
 * transfers is measured again ({@link PathwayService#wholeForReadModels}) and its rows, keyed by
 * the chain's last instance, replace the rows of every instance of the patient.
 */
final class PatientIntervals {

  private final JdbcTemplate batch;
  private final PathwayService pathways;

  PatientIntervals(JdbcTemplate batch, PathwayService pathways) {
    this.batch = batch;
    this.pathways = pathways;
  }

  void write(List<PathwayView> views) {
    var patients = views.stream().map(v -> v.patient().value()).distinct().toList();
    var wholes = pathways.wholeForReadModels(patients);
    var ids =
        wholes.stream()
            .flatMap(w -> w.instances().stream())
            .map(i -> i.id().value())
            .toArray(UUID[]::new);
    batch.update("delete from report_patient_interval where pathway_id = any(?)", (Object) ids);
    var rows = new ArrayList<Object[]>();
    for (var whole : wholes) {
      rows.addAll(rows(whole));
    }
    CopyRows.copy(
        java.util.Objects.requireNonNull(batch.getDataSource()),
        "report_patient_interval",
        List.of(
            "pathway_id",
            "first_pathway_id",
            "first_organisation",
            "treating_organisation",
            "last_organisation",
            "pathway",
            "instances",
            "indicator",
            "treatment",
            "from_date",
            "to_date",
            "days",
            "standard_days",
            "day_type",
            "due_date",
            "status",
            "patient_delayed",
            "catalogue_version"),
        rows);
  }

  private static List<Object[]> rows(WholePathway whole) {
    var rows = new ArrayList<Object[]>();
    var treating = whole.treatingOrganisation();
    for (var l : whole.leadTimes()) {
      rows.add(
          new Object[] {
            whole.last().id().value(),
            whole.first().id().value(),
            whole.first().organisation().value(),
            treating == null ? null : treating.value(),
            whole.last().organisation().value(),
            whole.pathway().value(),
            whole.instances().size(),
            l.indicator(),
            l.treatment(),
            l.from(),
            l.to(),
            l.days() == null ? null : l.days().intValue(),
            l.standardDays(),
            l.dayType().name(),
            l.dueDate(),
            l.to() == null ? "RUNNING" : l.status().name(),
            l.patientDelayed(),
            l.catalogueVersion()
          });
    }
    return rows;
  }
}
