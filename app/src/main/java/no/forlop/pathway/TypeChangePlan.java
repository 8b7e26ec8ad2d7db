package no.forlop.pathway;

import java.time.LocalDate;
import java.util.UUID;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import no.forlop.pathway.domain.CodingRules;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.Registration;
import org.jspecify.annotations.Nullable;

/**
 * A change of pathway type that the rules allow (ADR 0014), worked out before anything changes: an
 * open, started mental-health or substance-use pathway becomes one of another such type, on a day
 * from its start to today on which the new pathway is valid, closed with the catalogue's closing
 * code for a change of type ({@code PATHWAY_END}, reason {@code TYPE_CHANGED}) and followed by the
 * new type's start code. {@link PathwayWork#changeType} carries it out.
 *
 * @param from the old pathway's definition
 * @param to the new pathway's definition
 * @param toRules the coding rules of the new pathway
 * @param start the old pathway's registered start (its date and basis carry over)
 * @param closing the old pathway's closing code for a change of type
 * @param opening the new pathway's start code
 */
record TypeChangePlan(
    PathwayDefinition from,
    PathwayDefinition to,
    CodingRules toRules,
    Registration start,
    CodeDefinition closing,
    CodeDefinition opening) {

  private static final String TYPE_CHANGED = "TYPE_CHANGED";

  /**
   * Checks a requested change of type of a loaded pathway.
   *
   * @throws InvalidPathwayRequestException when the change is not one the rules allow
   */
  static TypeChangePlan of(
      PatientPathway old,
      CodingRules oldRules,
      Catalogue catalogue,
      ChangeType request,
      LocalDate today) {
    var oldDefinition = oldRules.pathway();
    if (!OpeningRules.isMentalHealth(oldDefinition)) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_NOT_MENTAL_HEALTH, oldDefinition.names());
    }
    var state = old.state(oldRules);
    if (!state.isOpen()) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_NOT_OPEN, oldDefinition.names(), state.name());
    }
    var newDefinition =
        PathwayWork.definition(catalogue, request.pathway().value())
            .orElseThrow(
                () ->
                    new InvalidPathwayRequestException(
                        Problem.UNKNOWN_PATHWAY,
                        "The catalogue (version "
                            + catalogue.version()
                            + ") has no pathway '"
                            + request.pathway().value()
                            + "'."));
    if (newDefinition.id().equals(oldDefinition.id())) {
      throw InvalidPathwayRequestException.of(Problem.TYPE_CHANGE_SAME_TYPE, newDefinition.names());
    }
    if (!OpeningRules.isMentalHealth(newDefinition)) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_TO_NOT_MENTAL_HEALTH, newDefinition.names());
    }
    var date = request.date();
    var start =
        old.registeredCodes(oldRules).stream()
            .filter(r -> r.code().milestone() == Milestone.PATHWAY_START)
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidPathwayRequestException.of(
                        Problem.TYPE_CHANGE_NOT_STARTED, oldDefinition.names()));
    if (date.isAfter(today)) {
      throw InvalidPathwayRequestException.of(Problem.TYPE_CHANGE_IN_FUTURE, date, today);
    }
    if (date.isBefore(start.date())) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_BEFORE_START, date, oldDefinition.names(), start.date());
    }
    if (!newDefinition.validOn(date)) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_PATHWAY_NOT_VALID,
          newDefinition.names(),
          date,
          orDash(newDefinition.validFrom().value()),
          orDash(newDefinition.validTo().value()));
    }
    var closing =
        oldRules.codes().stream()
            .filter(c -> c.milestone() == Milestone.PATHWAY_END)
            .filter(c -> TYPE_CHANGED.equals(c.reason()))
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidPathwayRequestException.of(
                        Problem.TYPE_CHANGE_NO_CLOSING_CODE, oldDefinition.names()));
    var newRules =
        new CodingRules(
            newDefinition, catalogue.schemeOf(newDefinition), catalogue.codesOf(newDefinition));
    var opening =
        newRules.codes().stream()
            .filter(c -> c.milestone() == Milestone.PATHWAY_START)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(newDefinition.id() + " has no start"));
    return new TypeChangePlan(oldDefinition, newDefinition, newRules, start, closing, opening);
  }

  /** The new pathway's start code on the day of the change, with the old start's basis. */
  PatientPathway.NewCode startCode(LocalDate date) {
    return new PatientPathway.NewCode(
        opening, date, CodeState.REGISTERED, Origin.MANUAL, start.startBasis(), null, null, null);
  }

  /** What the audit log says about the change (no patient data). */
  String auditDetail(LocalDate date, UUID replacement) {
    return "TYPE_CHANGED "
        + display(from)
        + " -> "
        + display(to)
        + " "
        + date
        + " pathway/"
        + replacement;
  }

  private static String display(PathwayDefinition definition) {
    return definition.codePrefix().value() != null
        ? definition.codePrefix().value()
        : definition.id();
  }

  private static Object orDash(@Nullable Object value) {
    return value == null ? "–" : value;
  }
}
