package no.forlop.terminology.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Understands which concept a code means: Forløp's default mappings (SNOMED CT, NCSP/NCMP) and,
 * when a hospital has loaded one, its ConceptMap of local codes. The hospital's map comes first:
 * its mapping of a code wins, and its exclusion of a code ({@code disjoint}) overrides a default.
 * Among the codes of one resource, a verified mapping wins over an unverified one; a derivation
 * through an unverified default is only proposed.
 */
public final class Terminology {

  private final String defaultsVersion;
  private final @Nullable String conceptMapVersion;
  private final List<ConceptMapping> local;
  private final List<ConceptMapping> defaults;

  private Terminology(
      String defaultsVersion,
      List<ConceptMapping> defaults,
      @Nullable String conceptMapVersion,
      List<ConceptMapping> local) {
    this.defaultsVersion = defaultsVersion;
    this.defaults = List.copyOf(defaults);
    this.conceptMapVersion = conceptMapVersion;
    this.local = List.copyOf(local);
  }

  /** The default mappings alone (no hospital ConceptMap in force). */
  public static Terminology defaults(String version, List<ConceptMapping> defaults) {
    return new Terminology(version, defaults, null, List.of());
  }

  /** The defaults with a hospital's ConceptMap, of that version, in force on top of them. */
  public Terminology with(String conceptMapVersion, List<ConceptMapping> conceptMap) {
    return new Terminology(defaultsVersion, defaults, conceptMapVersion, conceptMap);
  }

  public String defaultsVersion() {
    return defaultsVersion;
  }

  /** The version of the hospital's ConceptMap in force, if any. */
  public Optional<String> conceptMapVersion() {
    return Optional.ofNullable(conceptMapVersion);
  }

  public List<ConceptMapping> defaultMappings() {
    return defaults;
  }

  public List<ConceptMapping> conceptMapMappings() {
    return local;
  }

  /**
   * The best match of any of the codes to any of the concepts: the hospital's own before a default,
   * a verified before an unverified mapping, an exact code before a group, else the first code.
   */
  public Optional<ConceptMatch> match(Collection<Coding> codes, Set<Concept> concepts) {
    var found = new ArrayList<Candidate>();
    int position = 0;
    for (var coding : codes) {
      for (var concept : concepts) {
        var match = match(coding, concept);
        if (match != null) {
          found.add(new Candidate(match, position));
        }
      }
      position++;
    }
    return found.stream()
        .min(
            Comparator.comparing((Candidate c) -> !local.contains(c.match.mapping()))
                .thenComparing(c -> !c.match.verified())
                .thenComparing(c -> -c.match.mapping().specificity())
                .thenComparing(c -> c.position)
                .thenComparing(c -> c.match.concept().ordinal()))
        .map(Candidate::match);
  }

  /**
   * Whether the hospital's map says that one of the codes is not this concept ({@code disjoint}):
   * then the resource does not mean it, whatever its other codes mean (a visit of class AMB whose
   * local type is a telephone consultation is no first attendance).
   */
  public boolean excludes(Collection<Coding> codes, Concept concept) {
    return codes.stream()
        .anyMatch(
            coding ->
                local.stream()
                    .anyMatch(m -> m.excludes() && m.concept() == concept && m.covers(coding)));
  }

  /** Whether any of the codes means one of the concepts (through any mapping). */
  public boolean means(Collection<Coding> codes, Set<Concept> concepts) {
    return match(codes, concepts).isPresent();
  }

  private record Candidate(ConceptMatch match, int position) {}

  private @Nullable ConceptMatch match(Coding coding, Concept concept) {
    var exclusion =
        local.stream().anyMatch(m -> m.excludes() && m.concept() == concept && m.covers(coding));
    if (exclusion) {
      return null;
    }
    var own =
        local.stream()
            .filter(m -> !m.excludes() && m.concept() == concept && m.covers(coding))
            .findFirst();
    if (own.isPresent()) {
      return new ConceptMatch(concept, coding, own.get());
    }
    return defaults.stream()
        .filter(m -> !m.excludes() && m.known() && m.concept() == concept && m.covers(coding))
        .max(
            Comparator.comparing(ConceptMapping::verified)
                .thenComparing(ConceptMapping::specificity))
        .map(m -> new ConceptMatch(concept, coding, m))
        .orElse(null);
  }

  /** The label of the default mappings in a trace: {@code default <version>}. */
  public String defaultLabel() {
    return "default " + defaultsVersion;
  }

  /** The label of a ConceptMap version in a trace: {@code ConceptMap <version>}. */
  public static String conceptMapLabel(String version) {
    return "ConceptMap " + version;
  }
}
