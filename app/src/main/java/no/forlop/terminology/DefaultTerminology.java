package no.forlop.terminology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import no.forlop.terminology.domain.Concept;
import no.forlop.terminology.domain.ConceptMapping;
import no.forlop.terminology.domain.Terminology;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads Forløp's default terminology ({@code terminology/default-mappings.yaml}): the code systems
 * it knows and the mappings from their codes to Forløp's concepts, each with its source and whether
 * it was verified. Refuses unknown fields, unknown concepts or systems, duplicates, and a verified
 * mapping without a value or a source.
 */
public final class DefaultTerminology {

  public static final String BUNDLED = "terminology/default-mappings.yaml";

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private DefaultTerminology() {}

  /** A code system the defaults use, with where its URI was read. */
  public record CodeSystem(
      String uri, String name, boolean verified, @Nullable String source, @Nullable String note) {}

  /** A default mapping as written in the file. */
  record MappingDocument(
      @Nullable String concept,
      @Nullable String system,
      @Nullable String code,
      @Nullable String prefix,
      @Nullable Boolean verified,
      @Nullable String source,
      @Nullable String note) {}

  record Document(
      @Nullable String version,
      @Nullable List<CodeSystem> systems,
      @Nullable List<MappingDocument> mappings) {}

  /** The defaults read: their version, code systems and mappings. */
  public record Defaults(String version, List<CodeSystem> systems, List<ConceptMapping> mappings) {
    public Terminology terminology() {
      return Terminology.defaults(version, mappings);
    }
  }

  /** The defaults shipped with this release. */
  public static Defaults bundled() {
    try (var in = new ClassPathResource(BUNDLED).getInputStream()) {
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("The default terminology " + BUNDLED + " cannot be read", e);
    }
  }

  /**
   * @throws IllegalArgumentException naming every problem
   */
  public static Defaults parse(byte[] content) {
    Document document;
    try {
      document = YAML.readValue(content, Document.class);
    } catch (UnrecognizedPropertyException e) {
      throw invalid(
          List.of(
              "unknown field '"
                  + e.getPropertyName()
                  + "' (known: "
                  + e.getKnownPropertyIds()
                  + ")"));
    } catch (JacksonException e) {
      throw invalid(List.of("cannot read the terminology: " + e.getOriginalMessage()));
    }
    var problems = new ArrayList<String>();
    if (document == null || document.version() == null || document.version().isBlank()) {
      problems.add("the terminology needs a version");
    }
    var systems =
        document == null || document.systems() == null ? List.<CodeSystem>of() : document.systems();
    var uris = new HashSet<String>();
    for (var system : systems) {
      if (system.uri() == null || system.uri().isBlank() || !uris.add(system.uri())) {
        problems.add("systems: a system without a URI, or the same URI twice: " + system.uri());
      }
      if (system.verified() && (system.source() == null || system.source().isBlank())) {
        problems.add("systems[" + system.uri() + "]: verified, but no source");
      }
    }
    var version = document == null || document.version() == null ? "" : document.version();
    var label = Terminology.defaults(version, List.of()).defaultLabel();
    var mappings = new ArrayList<ConceptMapping>();
    var seen = new HashSet<String>();
    var documents =
        document == null || document.mappings() == null
            ? List.<MappingDocument>of()
            : document.mappings();
    for (int i = 0; i < documents.size(); i++) {
      var m = documents.get(i);
      var where = "mappings[" + i + "]";
      if (m.concept() == null || !Concept.isConcept(m.concept())) {
        problems.add(
            where + ": unknown concept '" + m.concept() + "' (known: " + Concept.names() + ")");
        continue;
      }
      if (m.system() == null || !uris.contains(m.system())) {
        problems.add(where + ": the system '" + m.system() + "' is not under 'systems'");
        continue;
      }
      if (m.code() != null && m.prefix() != null) {
        problems.add(where + ": give a code or a prefix, not both");
        continue;
      }
      if (m.verified() == null) {
        problems.add(where + ": needs 'verified' (true or false)");
        continue;
      }
      var known = m.code() != null || m.prefix() != null;
      if (m.verified() && (!known || m.source() == null || m.source().isBlank())) {
        problems.add(where + ": a verified mapping needs a code or prefix and a source");
      }
      if (!m.verified() && (m.note() == null || m.note().isBlank())) {
        problems.add(where + ": an unverified or unknown mapping needs a note saying why");
      }
      var key = m.concept() + " " + m.system() + " " + m.code() + " " + m.prefix();
      if (known && !seen.add(key)) {
        problems.add(where + ": appears twice");
      }
      mappings.add(
          new ConceptMapping(
              Concept.valueOf(m.concept()),
              m.system(),
              m.code(),
              m.prefix(),
              false,
              m.verified(),
              label,
              m.source(),
              m.note()));
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return new Defaults(version, List.copyOf(systems), List.copyOf(mappings));
  }

  private static IllegalArgumentException invalid(List<String> problems) {
    return new IllegalArgumentException(
        "The default terminology is not valid:\n - " + String.join("\n - ", problems));
  }
}
