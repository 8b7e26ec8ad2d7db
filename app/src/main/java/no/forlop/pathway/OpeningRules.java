package no.forlop.pathway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.PathwayKind;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import no.forlop.pathway.domain.CodingRules;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.Registration;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Whether a pathway instance may be opened for a patient, judged against the patient's loaded
 * pathways: the pathway must be in the catalogue, the organisation well-formed and the norm variant
 * known; the same pathway must not be open at the same organisation, and a patient has at most one
 * open mental-health or substance-use pathway. A refusal is a value ({@link
 * PathwayWork.Opening.Refused}) whose arguments describe the open pathway in the way, never the
 * patient.
 */
final class OpeningRules {

  private final Catalogue catalogue;
  private final Function<PatientPathway, CodingRules> rules;

  /**
   * @param rules the coding rules each loaded pathway is judged by
   */
  OpeningRules(Catalogue catalogue, Function<PatientPathway, CodingRules> rules) {
    this.catalogue = catalogue;
    this.rules = rules;
  }

  /** Why the request may not open a pathway now, or null if it may. */
  PathwayWork.Opening.@Nullable Refused refusal(
      CreatePathway request,
      PatientIdentifier patient,
      Collection<PatientPathway> loaded,
      @Nullable LocalDate startsOn) {
    var found = PathwayWork.definition(catalogue, request.pathway().value());
    if (found.isEmpty()) {
      return refused(Problem.UNKNOWN_PATHWAY, request.pathway().value(), catalogue.version());
    }
    var definition = found.get();
    // a given organisation is well-formed (an OrganisationNumber); only a missing one is refused
    if (request.organisation() == null) {
      return refused(Problem.INVALID_ORGANISATION, "null");
    }
    var variant = request.variant();
    var variants = catalogue.document().normVariants();
    if (variant != null && variants.stream().noneMatch(v -> v.id().equals(variant))) {
      return refused(
          Problem.UNKNOWN_VARIANT,
          variant,
          String.join(", ", variants.stream().map(v -> v.id()).toList()));
    }
    var open =
        loaded.stream()
            .filter(p -> p.header().patient().equals(patient.value()))
            .filter(p -> p.header().pathway().equals(definition.id()))
            .filter(p -> p.header().organisation().equals(request.organisation().value()))
            .filter(p -> p.state(rules.apply(p)).isOpen())
            .findFirst();
    if (open.isPresent()) {
      return new PathwayWork.Opening.Refused(
          Problem.PATHWAY_ALREADY_OPEN, openPathwayArgs(open.get()));
    }
    if (isMentalHealth(definition)) {
      var openMentalHealth =
          loaded.stream()
              .filter(p -> p.header().patient().equals(patient.value()))
              .filter(
                  p ->
                      PathwayWork.definition(catalogue, p.header().pathway())
                          .map(OpeningRules::isMentalHealth)
                          .orElse(false))
              .filter(p -> p.state(rules.apply(p)).isOpen() || openOn(p, startsOn))
              .findFirst();
      if (openMentalHealth.isPresent()) {
        var other = openMentalHealth.get().header();
        var args = new ArrayList<>(openPathwayArgs(openMentalHealth.get()));
        args.add(definition.prefix().orElse(definition.id()));
        // at the same organisation a change of pathway type is the way on; elsewhere it is not
        args.add(other.id().toString());
        args.add(other.organisation().equals(request.organisation().value()) ? 1 : 0);
        return new PathwayWork.Opening.Refused(Problem.MENTAL_HEALTH_PATHWAY_OPEN, args);
      }
    }
    return null;
  }

  /**
   * Whether the pathway was open on the day (started on or before it, and not closed before the end
   * of it): a pathway closed since still held the patient then. A pathway closing that very day
   * leaves room for the next (as a change of type does).
   */
  private boolean openOn(PatientPathway pathway, @Nullable LocalDate day) {
    if (day == null) {
      return false;
    }
    var codes = pathway.registeredCodes(rules.apply(pathway));
    var started =
        codes.stream()
            .filter(r -> r.code().milestone() == Milestone.PATHWAY_START)
            .map(Registration::date)
            .findFirst();
    if (started.isEmpty() || started.get().isAfter(day)) {
      return false;
    }
    var definitions = rules.apply(pathway);
    var closed =
        codes.stream()
            .filter(
                r ->
                    r.code().milestone() == Milestone.TRANSFERRED
                        || r.code().milestone() == Milestone.PATHWAY_END
                        || definitions
                            .definitionOf(r.code())
                            .map(d -> d.closesPathway())
                            .orElse(false))
            .map(Registration::date)
            .findFirst();
    return closed.isEmpty() || closed.get().isAfter(day);
  }

  private static PathwayWork.Opening.Refused refused(Problem problem, Object... args) {
    return new PathwayWork.Opening.Refused(problem, List.of(args));
  }

  /**
   * The arguments that describe an open pathway in a refusal: code prefix (or id), Norwegian and
   * English name, organisation, the date it started (or was opened, if it has not) and 1 if it has
   * started, else 0. Never the patient.
   */
  private List<Object> openPathwayArgs(PatientPathway pathway) {
    var header = pathway.header();
    var definition = PathwayWork.definition(catalogue, header.pathway());
    var start =
        pathway.registeredCodes(rules.apply(pathway)).stream()
            .filter(r -> r.code().milestone() == Milestone.PATHWAY_START)
            .map(Registration::date)
            .findFirst();
    return List.of(
        definition.flatMap(PathwayDefinition::prefix).orElse(header.pathway()),
        definition.map(d -> d.names().nb()).orElse(header.pathway()),
        definition.map(d -> d.names().in("en")).orElse(header.pathway()),
        header.organisation(),
        start.orElse(OsloTime.dateOf(header.createdAt())).toString(),
        start.isPresent() ? 1 : 0);
  }

  static boolean isMentalHealth(PathwayDefinition definition) {
    return definition.kind() == PathwayKind.MENTAL_HEALTH
        || definition.kind() == PathwayKind.SUBSTANCE_USE;
  }
}
