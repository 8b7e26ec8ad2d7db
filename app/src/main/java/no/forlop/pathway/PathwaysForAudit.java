package no.forlop.pathway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.forlop.audit.PatientPathways;
import no.forlop.pathway.persistence.PathwayStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the audit module which units a patient has (or had) a pathway in. */
@Component
class PathwaysForAudit implements PatientPathways {

  private final PathwayStore store;

  PathwaysForAudit(PathwayStore store) {
    this.store = store;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<UUID, String> organisationsOf(String patient) {
    var organisations = new LinkedHashMap<UUID, String>();
    for (var header : store.headersOfPatient(patient)) {
      organisations.put(header.id(), header.organisation());
    }
    return organisations;
  }
}
