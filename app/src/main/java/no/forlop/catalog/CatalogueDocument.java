package no.forlop.catalog;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue exactly as it is written in {@code catalog/catalogue.yaml} (or uploaded as JSON or
 * YAML): what {@link CatalogueParser} reads and {@code GET /api/v1/catalogue} returns.
 */
public record CatalogueDocument(
    String version,
    @Nullable LocalDate published,
    @Nullable String description,
    List<TreatmentType> treatmentTypes,
    List<NormVariant> normVariants,
    List<IndicatorDefinition> indicators,
    List<CodingScheme> schemes,
    List<PathwayDefinition> pathways) {

  public CatalogueDocument {
    treatmentTypes = treatmentTypes == null ? List.of() : List.copyOf(treatmentTypes);
    normVariants = normVariants == null ? List.of() : List.copyOf(normVariants);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
    schemes = schemes == null ? List.of() : List.copyOf(schemes);
    pathways = pathways == null ? List.of() : List.copyOf(pathways);
  }
}
