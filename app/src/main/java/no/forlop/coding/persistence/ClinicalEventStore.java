package no.forlop.coding.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.StoredFacts;
import no.forlop.coding.domain.PatientFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps every EHR fact Forløp has received, every version of it, and finds the current version of
 * each for a set of patients. The same fact twice is stored once; a resource with another id but
 * the same business identifier is the same fact. Works in batches: a delivery of a thousand
 * resources takes a handful of statements.
 *
 * <p>The coding module's one door to its facts; the work is done by {@link StoringFacts} (new
 * versions, aliases, identifiers and the patients they concern), {@link ReadingFacts} (a patient's
 * current facts, joined at reading, ADR 0018) and {@link FactIdentities} (which key a fact is known
 * by), with {@link FactPayloads} for the stored form of a fact.
 */
@Repository
public class ClinicalEventStore {

  private final StoringFacts storing;
  private final ReadingFacts reading;
  private final FactIdentities identities;

  ClinicalEventStore(JdbcClient jdbc, JdbcTemplate batch) {
    var payloads = new FactPayloads();
    this.identities = new FactIdentities(jdbc);
    this.storing = new StoringFacts(jdbc, batch, payloads, identities);
    this.reading = new ReadingFacts(jdbc, payloads, identities);
  }

  /**
   * Stores facts; returns the keys of the patients whose facts changed and the facts that were new.
   */
  public StoredFacts store(List<ClinicalEvent> facts, @Nullable UUID delivery, Instant receivedAt) {
    return storing.store(facts, delivery, receivedAt);
  }

  /**
   * Every current fact about each of these patients, every known organisation, and the medications
   * their drug administrations name. References are read as the keys of the facts they name: an
   * alias as its canonical key, a reference by identifier as the key of the fact with that
   * identifier, where one is known.
   */
  public Map<String, PatientFacts> factsOf(Collection<String> patients) {
    return reading.factsOf(patients);
  }

  /** Every current fact about one patient. */
  public PatientFacts factsOf(String patient) {
    return factsOf(List.of(patient)).get(patient);
  }

  /**
   * The displays ({@code Encounter/e1}) of the facts of a FHIR resource type that carry a business
   * identifier: {@code system|value} exactly, or {@code value} in any system.
   */
  public List<String> displaysWithIdentifier(String resourceType, String identifier) {
    return identities.displaysWithIdentifier(resourceType, identifier);
  }

  /**
   * The keys of the patients with a referral whose requester named this person by HPR number in
   * some version (issue 17, ADR 0043): their current referrals are in {@link #factsOf}.
   */
  public List<String> patientsReferredBy(String hpr) {
    return reading.patientsReferredBy(hpr);
  }

  /** Every patient key with facts, for a derivation of everything. */
  public List<String> patients() {
    return reading.patients();
  }

  public long count() {
    return reading.count();
  }
}
