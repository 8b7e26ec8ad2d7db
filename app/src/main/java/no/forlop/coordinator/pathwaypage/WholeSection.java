package no.forlop.coordinator.pathwaypage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.function.Function;
import no.forlop.catalog.Milestone;
import no.forlop.coordinator.pathwaypage.PathwayPage.Bar;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.WholePathway;
import org.jspecify.annotations.Nullable;

/**
 * Puts the section "Hele forløpet på tvers av helseforetak" together from the patient's whole
 * pathway (ADR 0021): the trusts in order with a link only where the user may open the page, the
 * four milestones of the lead times with the trust of each, and the lead times as bars.
 */
final class WholeSection {

  private WholeSection() {}

  static PathwayPage.Whole of(
      WholePathway whole,
      PathwayId here,
      Function<String, String> trustName,
      Function<LocalDate, String> date,
      Function<LeadTime, Bar> bar) {
    var trusts = new ArrayList<PathwayPage.Trust>();
    for (var instance : whole.instances()) {
      trusts.add(trust(instance, here, trustName, date));
    }
    var points = new ArrayList<PathwayPage.Point>();
    add(points, Milestone.PATHWAY_START, whole.start(), trustName, date);
    add(points, Milestone.FIRST_ATTENDANCE, whole.firstAttendance(), trustName, date);
    add(points, Milestone.CLINICAL_DECISION, whole.decision(), trustName, date);
    add(points, Milestone.TREATMENT_START, whole.treatment(), trustName, date);
    return new PathwayPage.Whole(
        trusts,
        whole.before(here).map(i -> trust(i, here, trustName, date)).orElse(null),
        whole.after(here).map(i -> trust(i, here, trustName, date)).orElse(null),
        points,
        whole.leadTimes().stream().map(bar).toList());
  }

  private static PathwayPage.Trust trust(
      WholePathway.Instance instance,
      PathwayId here,
      Function<String, String> trustName,
      Function<LocalDate, String> date) {
    var isHere = instance.id().equals(here);
    return new PathwayPage.Trust(
        trustName.apply(instance.organisation().value()),
        instance.visible() && !isHere ? instance.id().value() : null,
        instance.transferredOn() == null ? null : date.apply(instance.transferredOn()),
        isHere);
  }

  private static void add(
      ArrayList<PathwayPage.Point> points,
      Milestone milestone,
      WholePathway.@Nullable Point point,
      Function<String, String> trustName,
      Function<LocalDate, String> date) {
    if (point != null) {
      points.add(
          new PathwayPage.Point(
              milestone.name(),
              point.code(),
              date.apply(point.date()),
              trustName.apply(point.organisation().value())));
    }
  }
}
