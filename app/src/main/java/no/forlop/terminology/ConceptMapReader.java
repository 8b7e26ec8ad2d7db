package no.forlop.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import no.forlop.terminology.InvalidConceptMapException.Problem;
import no.forlop.terminology.InvalidConceptMapException.Reason;
import no.forlop.terminology.domain.Concept;
import no.forlop.terminology.domain.ConceptMapping;
import no.forlop.terminology.domain.Terminology;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * Understands a hospital's FHIR R4 ConceptMap from its local codes to Forløp's concepts, strictly:
 * parsed by HAPI with unknown elements refused, then checked as a whole, naming every problem (a
 * missing source system or version, a target outside Forløp's concepts, an unsupported equivalence,
 * the same code mapped twice …).
 */
final class ConceptMapReader {

  /** A version label: it becomes part of a URL. */
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The equivalences that say the local code is the concept (or is covered by it). */
  private static final Set<ConceptMapEquivalence> MAPS =
      Set.of(
          ConceptMapEquivalence.RELATEDTO,
          ConceptMapEquivalence.EQUIVALENT,
          ConceptMapEquivalence.EQUAL,
          ConceptMapEquivalence.WIDER,
          ConceptMapEquivalence.SUBSUMES,
          ConceptMapEquivalence.NARROWER,
          ConceptMapEquivalence.SPECIALIZES,
          ConceptMapEquivalence.INEXACT);

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private ConceptMapReader() {}

  /** A ConceptMap read: its version, canonical URL (if any) and mappings. */
  record Read(String version, String url, List<ConceptMapping> mappings) {}

  /**
   * @throws InvalidConceptMapException naming every problem
   */
  static Read read(byte[] content) {
    ConceptMap map;
    try {
      var parser = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
      map = parser.parseResource(ConceptMap.class, new String(content, StandardCharsets.UTF_8));
    } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
      throw new InvalidConceptMapException(
          List.of(new Problem(Reason.UNREADABLE_CONCEPT_MAP, null, List.of(), e.getMessage())));
    }
    var problems = new ArrayList<Problem>();
    var version = map.getVersion();
    if (version == null || version.isBlank()) {
      problems.add(
          new Problem(Reason.CONCEPT_MAP_VERSION_MISSING, "ConceptMap.version", List.of(), null));
      version = "";
    } else if (!VERSION.matcher(version).matches()) {
      problems.add(
          new Problem(
              Reason.CONCEPT_MAP_VERSION_INVALID, "ConceptMap.version", List.of(version), null));
    }
    var label = Terminology.conceptMapLabel(version);
    var mappings = new ArrayList<ConceptMapping>();
    var seen = new HashMap<String, String>();
    if (map.getGroup().stream().allMatch(g -> g.getElement().isEmpty())) {
      problems.add(new Problem(Reason.CONCEPT_MAP_EMPTY, "ConceptMap.group", List.of(), null));
    }
    for (int g = 0; g < map.getGroup().size(); g++) {
      var group = map.getGroup().get(g);
      var at = "ConceptMap.group[" + g + "]";
      var source = group.getSource();
      if (source == null || source.isBlank()) {
        problems.add(new Problem(Reason.SOURCE_SYSTEM_MISSING, at + ".source", List.of(), null));
      }
      if (!Concept.SYSTEM.equals(group.getTarget())) {
        problems.add(
            new Problem(
                Reason.TARGET_SYSTEM_NOT_CONCEPTS,
                at + ".target",
                List.of(group.hasTarget() ? group.getTarget() : "", Concept.SYSTEM),
                null));
      }
      if (group.hasUnmapped()) {
        problems.add(new Problem(Reason.UNMAPPED_NOT_SUPPORTED, at + ".unmapped", List.of(), null));
      }
      for (int e = 0; e < group.getElement().size(); e++) {
        var element = group.getElement().get(e);
        var where = at + ".element[" + e + "]";
        var code = element.getCode();
        if (code == null || code.isBlank()) {
          problems.add(new Problem(Reason.SOURCE_CODE_MISSING, where + ".code", List.of(), null));
          continue;
        }
        if (element.getTarget().isEmpty()) {
          problems.add(new Problem(Reason.TARGET_MISSING, where + ".target", List.of(code), null));
          continue;
        }
        for (int t = 0; t < element.getTarget().size(); t++) {
          var target = element.getTarget().get(t);
          var there = where + ".target[" + t + "]";
          var concept = target.getCode();
          if (concept == null || !Concept.isConcept(concept)) {
            problems.add(
                new Problem(
                    Reason.UNKNOWN_TARGET_CONCEPT,
                    there + ".code",
                    List.of(concept == null ? "" : concept, String.join(", ", Concept.names())),
                    null));
            continue;
          }
          var equivalence = target.getEquivalence();
          var excludes = equivalence == ConceptMapEquivalence.DISJOINT;
          if (!excludes && (equivalence == null || !MAPS.contains(equivalence))) {
            problems.add(
                new Problem(
                    Reason.EQUIVALENCE_NOT_SUPPORTED,
                    there + ".equivalence",
                    List.of(code, equivalence == null ? "" : equivalence.toCode()),
                    null));
            continue;
          }
          if (source == null || source.isBlank()) {
            continue;
          }
          var key = source + "|" + code.strip() + " " + concept;
          var first = seen.putIfAbsent(key, there);
          if (first != null) {
            problems.add(
                new Problem(
                    Reason.DUPLICATE_MAPPING,
                    there,
                    List.of(source + "|" + code.strip(), concept, first),
                    null));
            continue;
          }
          mappings.add(
              new ConceptMapping(
                  Concept.valueOf(concept),
                  source,
                  code,
                  null,
                  excludes,
                  true,
                  label,
                  map.hasUrl() ? map.getUrl() : null,
                  target.hasComment() ? target.getComment() : null));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConceptMapException(problems);
    }
    return new Read(version, map.hasUrl() ? map.getUrl() : "", List.copyOf(mappings));
  }
}
