package no.forlop.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.stream.Collectors;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.PathwayDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Holds the entry criteria bundled with the release. They are read and validated against the
 * catalogue in force when the application starts: a file that is not valid stops the start, with
 * every problem in the message.
 */
@Service
public class EntryCriteriaService {

  static final String BUNDLED = "referral/entry-criteria.yaml";
  private static final Logger log = LoggerFactory.getLogger(EntryCriteriaService.class);

  private final EntryCriteria criteria;

  EntryCriteriaService(CatalogueService catalogues) {
    byte[] content;
    try (var in = new ClassPathResource(BUNDLED).getInputStream()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The entry criteria " + BUNDLED + " cannot be read", e);
    }
    var pathways =
        catalogues.current().pathways().stream()
            .map(PathwayDefinition::id)
            .collect(Collectors.toSet());
    this.criteria = EntryCriteriaParser.parse(content, pathways);
    log.info(
        "Loaded the entry criteria, version {}, for {} pathways",
        criteria.version(),
        criteria.pathways().size());
  }

  public EntryCriteria current() {
    return criteria;
  }

  public Optional<PathwayCriteria> pathway(String id) {
    return criteria.pathway(id);
  }
}
