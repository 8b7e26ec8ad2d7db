package no.forlop.pathway;

import java.time.LocalDate;
import java.util.UUID;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.domain.LeadTimes;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.Registration;
import no.forlop.patient.PatientIdentifier;

/**
 * Understands how a pathway instance looks to other modules and the API: its codes as they stand,
 * its history, its lead times as of a date, its links to changes of type and its tracked
 * milestones.
 */
final class PathwayViews {

  private PathwayViews() {}

  static PathwayView view(
      PatientPathway pathway, Catalogue catalogue, CatalogueService catalogues, LocalDate asOf) {
    return view(pathway, catalogue, catalogues, asOf, false);
  }

  /**
   * The pathway as of a date.
   *
   * @param onlyUntilAsOf whether the pathway is shown as it stood on {@code asOf} (an {@code asOf}
   *     the caller asked for): codes and tracked milestones dated after it, and their facts, are
   *     left out, and the state and lead times are those the codes up to it give; otherwise every
   *     code counts and {@code asOf} only sets the date running intervals are measured to
   */
  static PathwayView view(
      PatientPathway pathway,
      Catalogue catalogue,
      CatalogueService catalogues,
      LocalDate asOf,
      boolean onlyUntilAsOf) {
    var rules = PathwayWork.rules(catalogue, catalogues, pathway);
    var registrations =
        onlyUntilAsOf
            ? pathway.registrations().stream().filter(r -> !r.date().isAfter(asOf)).toList()
            : pathway.registrations();
    var later =
        pathway.registrations().stream()
            .filter(r -> !registrations.contains(r))
            .map(Registration::id)
            .collect(java.util.stream.Collectors.toSet());
    var decidedElsewhere = pathway.decidedElsewhere();
    if (onlyUntilAsOf && decidedElsewhere != null && decidedElsewhere.isAfter(asOf)) {
      decidedElsewhere = null;
    }
    var walk = rules.walk(registrations, decidedElsewhere);
    var header = pathway.header();
    var definition = rules.pathway();
    var leadTimes =
        new LeadTimes(catalogue, rules)
            .measure(walk.inClinicalOrder(), walk.state(), asOf, pathway.measuringBasis());
    return new PathwayView(
        new PathwayId(header.id()),
        PatientIdentifier.parse(header.patient()),
        PathwayDefinitionId.of(definition.id()),
        definition.codePrefix().value(),
        definition.names().nb(),
        OrganisationNumber.of(header.organisation()),
        header.variant(),
        header.coordinator(),
        walk.state(),
        header.createdAt(),
        header.createdBy(),
        asOf,
        catalogue.version(),
        registrations.stream()
            .filter(r -> r.status() == Registration.Status.ACTIVE)
            .map(
                r ->
                    PathwayView.Code.of(
                        r,
                        official(r, rules),
                        r.isProposed() ? pathway.confirmRefused(r.id(), rules) : null))
            .toList(),
        pathway.history().stream()
            .filter(f -> !later.contains(f.registration()))
            .map(PathwayView.Fact::of)
            .toList(),
        leadTimes,
        walk.rejection(),
        header.changedFrom() == null
            ? null
            : link(
                header.changedFrom(),
                header.changedFrom().from(),
                header.changedFrom().fromPathway(),
                header.changedFrom().fromStartedOn(),
                catalogue),
        header.changedTo() == null
            ? null
            : link(
                header.changedTo(),
                header.changedTo().to(),
                header.changedTo().toPathway(),
                header.changedTo().changedOn(),
                catalogue),
        header.changedFrom() != null
            ? header.changedFrom().firstStartedOn()
            : walk.inClinicalOrder().stream()
                .filter(r -> r.code().milestone() == Milestone.PATHWAY_START)
                .map(Registration::date)
                .findFirst()
                .orElse(null),
        onlyUntilAsOf
            ? pathway.milestones().stream().filter(m -> !m.date().isAfter(asOf)).toList()
            : pathway.milestones());
  }

  private static PathwayView.TypeChange link(
      PatientPathway.TypeChange change,
      UUID other,
      String otherPathway,
      LocalDate startedOn,
      Catalogue catalogue) {
    var definition = catalogue.pathway(otherPathway);
    return new PathwayView.TypeChange(
        new PathwayId(other),
        PathwayDefinitionId.of(otherPathway),
        definition.map(d -> d.codePrefix().value()).orElse(null),
        definition.map(d -> d.names().nb()).orElse(otherPathway),
        change.changedOn(),
        startedOn,
        change.note(),
        change.changedBy(),
        change.changedAt());
  }

  /**
   * The official code: as stored, or, for a code registered while the catalogue did not know the
   * pathway's prefix, the prefix of the catalogue in force with the code's suffix (the code is the
   * same; only its prefix was not known then).
   */
  private static @org.jspecify.annotations.Nullable String official(
      Registration r, no.forlop.pathway.domain.CodingRules rules) {
    if (r.code().official() != null) {
      return r.code().official();
    }
    return rules.definitionOf(r.code()).map(rules::ref).map(CodeRef::official).orElse(null);
  }
}
