package no.forlop.referral;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A validated entry-criteria document: look a pathway up, judge a GP's findings against it. */
public final class EntryCriteria {

  private final EntryCriteriaDocument document;
  private final String checksum;

  EntryCriteria(EntryCriteriaDocument document, String checksum) {
    this.document = document;
    this.checksum = checksum;
  }

  public String version() {
    return document.version();
  }

  /** SHA-256 of the file, for an ETag. */
  public String checksum() {
    return checksum;
  }

  public EntryCriteriaDocument document() {
    return document;
  }

  public List<PathwayCriteria> pathways() {
    return document.pathways();
  }

  public Optional<PathwayCriteria> pathway(String id) {
    return document.pathways().stream().filter(p -> p.pathway().equals(id)).findFirst();
  }

  /**
   * Judges the findings and filter steps a GP has ticked (by item id) against a pathway's criteria.
   * Ids that are not this pathway's are ignored; nothing is stored.
   */
  public static Assessment assess(PathwayCriteria pathway, Set<String> ticked) {
    if (!pathway.criteriaKnown()) {
      return new Assessment(
          Assessment.Outcome.UNKNOWN,
          List.of(),
          List.of(),
          missingSteps(pathway, ticked),
          specialistSteps(pathway));
    }
    var criteria = pathway.criteria();
    var present =
        java.util.stream.Stream.concat(criteria.requires().stream(), criteria.anyOf().stream())
            .filter(item -> ticked.contains(item.id()))
            .toList();
    var missingRequired =
        criteria.requires().stream().filter(item -> !ticked.contains(item.id())).toList();
    var anyOfMet =
        criteria.anyOf().isEmpty()
            || criteria.anyOf().stream().anyMatch(item -> ticked.contains(item.id()));
    var outcome =
        missingRequired.isEmpty() && anyOfMet ? Assessment.Outcome.MET : Assessment.Outcome.NOT_MET;
    return new Assessment(
        outcome, present, missingRequired, missingSteps(pathway, ticked), specialistSteps(pathway));
  }

  private static List<FilterStep> missingSteps(PathwayCriteria pathway, Set<String> ticked) {
    return pathway.filterSteps().stream()
        .filter(step -> step.doneBy() == Performer.GP && !ticked.contains(step.id()))
        .toList();
  }

  private static List<FilterStep> specialistSteps(PathwayCriteria pathway) {
    return pathway.filterSteps().stream()
        .filter(step -> step.doneBy() == Performer.SPECIALIST)
        .toList();
  }
}
