package no.forlop.coding;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import no.forlop.coding.domain.PatientFacts;
import no.forlop.coding.persistence.ClinicalEventStore;
import org.springframework.stereotype.Service;

/**
 * The facts behind a GP's referrals (issue 17, ADR 0043): the patients a GP referred, found by the
 * HPR number the referral's requester named, and their current facts, for the intake's GP status.
 */
@Service
public class GpReferralFacts {

  private final ClinicalEventStore store;

  GpReferralFacts(ClinicalEventStore store) {
    this.store = store;
  }

  /** The keys of the patients with a referral whose requester named this HPR number. */
  public List<String> patientsReferredBy(String hpr) {
    return store.patientsReferredBy(hpr);
  }

  /** Every current fact about each of these patients (keys as {@link #patientsReferredBy}). */
  public Map<String, PatientFacts> factsOf(Collection<String> patients) {
    return store.factsOf(patients);
  }
}
