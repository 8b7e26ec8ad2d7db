package no.forlop.terminology.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of a resource's codes gave a concept, through which mapping: the part of a derived code's
 * trace that says which terminology (the defaults' version, or the hospital's ConceptMap version)
 * made the code count.
 */
public record ConceptMatch(Concept concept, Coding coding, ConceptMapping mapping) {

  public boolean verified() {
    return mapping.verified();
  }

  /** The trace's inputs: the concept, the code that matched, the terminology and its version. */
  public Map<String, String> inputs() {
    var inputs = new LinkedHashMap<String, String>();
    inputs.put("concept", concept.name());
    inputs.put("coding", coding.display());
    inputs.put("terminology", mapping.terminology());
    if (!mapping.verified()) {
      inputs.put("mappingVerified", "false");
    }
    return inputs;
  }
}
