package no.forlop.catalog.web;

import java.util.List;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.PathwayDefinition;
import org.jspecify.annotations.Nullable;

/** A pathway as the catalogue page shows it: with its codes spelled out. */
record PathwayRow(PathwayDefinition pathway, List<CodeRow> codes) {

  static PathwayRow of(Catalogue catalogue, PathwayDefinition pathway) {
    return new PathwayRow(
        pathway,
        catalogue.codesOf(pathway).stream()
            .map(c -> new CodeRow(pathway.fullCode(c.suffix()).orElse(null), c))
            .toList());
  }

  /** A code with its official form, where prefix and suffix are both known. */
  record CodeRow(@Nullable String official, CodeDefinition code) {}
}
