package no.forlop.coding;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What storing a delivery's facts changed.
 *
 * @param patients the keys of the patients whose facts changed, to be derived again (in the order
 *     their facts came)
 * @param added the facts that were new, in the order given; a fact stored before (the same version
 *     of the same resource) is not among them
 */
public record StoredFacts(Set<String> patients, List<ClinicalEvent> added) {

  public StoredFacts {
    patients = Collections.unmodifiableSet(new LinkedHashSet<>(patients));
    added = List.copyOf(added);
  }
}
