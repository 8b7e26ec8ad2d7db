package no.forlop.referral;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The entry criteria of one pathway (by its catalogue id). A part that was not found is listed in
 * {@code unknownSections} with a note saying what was searched; a pathway with nothing found has
 * {@code unknown} set instead and no parts.
 */
public record PathwayCriteria(
    String pathway,
    @Nullable String note,
    @Nullable String unknown,
    List<Item> signs,
    List<FilterStep> filterSteps,
    Criteria criteria,
    List<Item> referralContent,
    Map<Section, String> unknownSections) {

  public PathwayCriteria {
    signs = signs == null ? List.of() : List.copyOf(signs);
    filterSteps = filterSteps == null ? List.of() : List.copyOf(filterSteps);
    criteria = criteria == null ? Criteria.none() : criteria;
    referralContent = referralContent == null ? List.of() : List.copyOf(referralContent);
    unknownSections =
        unknownSections == null || unknownSections.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new EnumMap<>(unknownSections));
  }

  /** Whether the findings that admit a patient are known for this pathway. */
  public boolean criteriaKnown() {
    return unknown == null && !criteria.isEmpty();
  }

  /** Whether a part is empty (nothing was found for it). */
  public boolean isEmpty(Section section) {
    return switch (section) {
      case SIGNS -> signs.isEmpty();
      case FILTER_STEPS -> filterSteps.isEmpty();
      case CRITERIA -> criteria.isEmpty();
      case REFERRAL_CONTENT -> referralContent.isEmpty();
    };
  }

  /** The ids of every item, in the order of the file. */
  public Stream<String> ids() {
    return Stream.of(
            signs.stream().map(Item::id),
            filterSteps.stream().map(FilterStep::id),
            criteria.requires().stream().map(Item::id),
            criteria.anyOf().stream().map(Item::id),
            referralContent.stream().map(Item::id))
        .flatMap(s -> s);
  }
}
