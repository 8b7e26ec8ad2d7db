package no.forlop.coding;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.forlop.coding.persistence.ClinicalEventStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patients' names as the EHR sent them, by identity number: for people's screens (the worklist
 * shows initials until a pathway is opened). Never written to logs.
 */
@Service
public class PatientDirectory {

  private final ClinicalEventStore store;

  PatientDirectory(ClinicalEventStore store) {
    this.store = store;
  }

  @Transactional(readOnly = true)
  public Map<String, String> namesOf(Collection<String> identifiers) {
    return store.namesOf(identifiers);
  }

  @Transactional(readOnly = true)
  public Optional<String> nameOf(String identifier) {
    return Optional.ofNullable(store.namesOf(List.of(identifier)).get(identifier));
  }

  /** "Kari Nordmann" → "K. N.": what a list shows before a pathway is opened. */
  public static String initials(String name) {
    var initials = new StringBuilder();
    for (var part : name.strip().split("[\\s-]+")) {
      if (!part.isEmpty()) {
        if (!initials.isEmpty()) {
          initials.append(' ');
        }
        initials.append(Character.toUpperCase(part.charAt(0))).append('.');
      }
    }
    return initials.toString();
  }
}
