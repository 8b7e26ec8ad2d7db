package no.forlop.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Understands one validated version of the national catalogue: which pathways exist, which codes
 * each may use on a given day, which ICD-10 codes belong to them and which lead-time norms apply.
 *
 * <p>Instances come from {@link CatalogueParser}, which refuses an invalid document.
 */
public final class Catalogue {

  private final CatalogueDocument document;
  private final String checksum;
  private final Map<String, PathwayDefinition> pathways;
  private final Map<String, CodingScheme> schemes;
  private final Map<String, IndicatorDefinition> indicators;
  private final Map<String, TreatmentType> treatmentTypes;
  private final Map<String, List<CodeDefinition>> codesByPathway = new LinkedHashMap<>();

  Catalogue(CatalogueDocument document, String checksum) {
    this.document = document;
    this.checksum = checksum;
    this.pathways = index(document.pathways(), PathwayDefinition::id);
    this.schemes = index(document.schemes(), CodingScheme::id);
    this.indicators = index(document.indicators(), IndicatorDefinition::id);
    this.treatmentTypes = index(document.treatmentTypes(), TreatmentType::id);
    for (var pathway : document.pathways()) {
      codesByPathway.put(pathway.id(), effectiveCodes(pathway));
    }
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    return items.stream()
        .collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  private List<CodeDefinition> effectiveCodes(PathwayDefinition pathway) {
    var scheme = schemes.get(pathway.scheme());
    var codes = new ArrayList<CodeDefinition>();
    for (var code : scheme.codes()) {
      var change =
          pathway.codeChanges().stream().filter(c -> c.code().equals(code.key())).findFirst();
      codes.add(change.map(c -> code.withValidity(c.validFrom(), c.validTo())).orElse(code));
    }
    return List.copyOf(codes);
  }

  public String version() {
    return document.version();
  }

  /** SHA-256 of the document's bytes as loaded. */
  public String checksum() {
    return checksum;
  }

  public CatalogueDocument document() {
    return document;
  }

  public List<PathwayDefinition> pathways() {
    return document.pathways();
  }

  public Optional<PathwayDefinition> pathway(String id) {
    return Optional.ofNullable(pathways.get(id));
  }

  /** The pathway with this code prefix (e.g. {@code A12}) that is valid on {@code date}. */
  public Optional<PathwayDefinition> pathwayByPrefix(String prefix, LocalDate date) {
    return pathways.values().stream()
        .filter(p -> prefix.equals(p.codePrefix().value()))
        .min(Comparator.comparing(p -> p.validOn(date) ? 0 : 1));
  }

  public CodingScheme schemeOf(PathwayDefinition pathway) {
    return schemes.get(pathway.scheme());
  }

  public Optional<IndicatorDefinition> indicator(String id) {
    return Optional.ofNullable(indicators.get(id));
  }

  public Optional<TreatmentType> treatmentType(String id) {
    return Optional.ofNullable(treatmentTypes.get(id));
  }

  /** The indicators measured in a pathway, in the order its scheme lists them. */
  public List<IndicatorDefinition> indicatorsOf(PathwayDefinition pathway) {
    return schemeOf(pathway).indicators().stream().map(indicators::get).toList();
  }

  /** The pathway's codes, with its own changes to the scheme applied (validity not yet applied). */
  public List<CodeDefinition> codesOf(PathwayDefinition pathway) {
    return codesByPathway.get(pathway.id());
  }

  /** A code of the pathway by key: its suffix (e.g. {@code CK}) or, without one, its milestone. */
  public Optional<CodeDefinition> code(PathwayDefinition pathway, String key) {
    return codesOf(pathway).stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /**
   * Splits an official code into its pathway and code (e.g. {@code A12CK}, or {@code D11CU} in the
   * encoding without a pathway module).
   */
  public Optional<ResolvedCode> resolve(String officialCode, LocalDate date) {
    if (officialCode.length() < 4) {
      return Optional.empty();
    }
    var prefix = officialCode.substring(0, 3);
    var suffix = officialCode.substring(3);
    return pathwayByPrefix(prefix, date)
        .flatMap(p -> code(p, suffix).map(c -> new ResolvedCode(p, c)));
  }

  /** Pathways whose ICD-10 groups contain the code and that are valid on {@code date}. */
  public List<PathwayDefinition> pathwaysForIcd10(String icd10Code, LocalDate date) {
    return pathways.values().stream()
        .filter(p -> p.validOn(date) && p.hasIcd10(icd10Code))
        .toList();
  }

  /** The norms of one indicator in one pathway that are in force on {@code date}. */
  public List<LeadTimeNorm> normsFor(PathwayDefinition pathway, String indicator, LocalDate date) {
    return pathway.leadTimes().stream()
        .filter(n -> n.indicator().equals(indicator) && n.validOn(date))
        .toList();
  }

  /**
   * The official code of a code definition in a pathway, where both prefix and suffix are known.
   */
  public Optional<String> officialCode(PathwayDefinition pathway, CodeDefinition code) {
    return pathway.fullCode(code.suffix());
  }

  /** A pathway and one of its codes. */
  public record ResolvedCode(PathwayDefinition pathway, CodeDefinition code) {}

  @Override
  public String toString() {
    return "Catalogue " + version() + " (" + pathways.size() + " pathways)";
  }
}
