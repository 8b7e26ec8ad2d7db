package no.forlop.coding.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.domain.PatientFacts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Understands what is known about a patient now: the current version of each of their facts, with
 * the facts that name other facts joined at reading (ADR 0018) — a task without a patient to the
 * patient of its referral (by key, alias or business identifier), a drug administration to the
 * Medication it names, and every reference read as the key of the fact it names.
 */
final class ReadingFacts {

  private final JdbcClient jdbc;
  private final FactPayloads payloads;
  private final FactIdentities identities;

  ReadingFacts(JdbcClient jdbc, FactPayloads payloads, FactIdentities identities) {
    this.jdbc = jdbc;
    this.payloads = payloads;
    this.identities = identities;
  }

  /**
   * Every current fact about each of these patients, every known organisation, and the medications
   * their drug administrations name. References are read as the keys of the facts they name: an
   * alias as its canonical key, a reference by identifier as the key of the fact with that
   * identifier, where one is known.
   */
  Map<String, PatientFacts> factsOf(Collection<String> patients) {
    var aliasOf = identities.withAliases(patients);
    var wanted = new LinkedHashSet<>(aliasOf.keySet());
    var byPatient = new LinkedHashMap<String, List<ClinicalEvent>>();
    patients.forEach(p -> byPatient.put(p, new ArrayList<>()));
    var tasks = new ArrayList<ReferralTask>();
    var referralPatient = new HashMap<String, String>();
    var keys = new LinkedHashSet<String>();
    for (var part : Partitions.of(List.copyOf(wanted))) {
      keys.addAll(
          jdbc.sql(
                  "select distinct source_key from clinical_event where patient_key in (:patients)")
              .param("patients", part)
              .query(String.class)
              .list());
    }
    var referralKeys = new ArrayList<String>();
    var current = new LinkedHashMap<String, FactVersion>();
    for (var part : Partitions.of(List.copyOf(keys))) {
      jdbc.sql(
              """
              select source_key, type, payload, patient_key, version_rank, last_updated, seq
              from clinical_event where source_key in (:keys)
              """)
          .param("keys", part)
          .query(
              (rs, n) ->
                  current.merge(rs.getString("source_key"), FactVersion.of(rs), FactVersion::newer))
          .list();
    }
    current.values().stream()
        .filter(v -> v.type().equals("Referral"))
        .forEach(v -> referralKeys.add(v.key()));
    // tasks without a patient name their referral by its key (or an alias of it), or by one of
    // its business identifiers
    var foci = new LinkedHashSet<>(identities.withAliases(referralKeys).keySet());
    foci.addAll(identities.byIdentifierKeys("ServiceRequest", referralKeys));
    for (var part : Partitions.of(List.copyOf(foci))) {
      jdbc.sql(
              """
              select source_key, type, payload, patient_key, version_rank, last_updated, seq
              from clinical_event
              where type = 'ReferralTask' and patient_key is null and focus_key in (:keys)
              """)
          .param("keys", part)
          .query(
              (rs, n) ->
                  current.merge(rs.getString("source_key"), FactVersion.of(rs), FactVersion::newer))
          .list();
    }
    var loaded = new ArrayList<ClinicalEvent>();
    var referenced = new LinkedHashSet<String>();
    for (var version : current.values()) {
      var event = payloads.read(version.type(), version.payload());
      loaded.add(event);
      referenced.addAll(Events.references(event));
    }
    var canonicalOf = identities.resolved(referenced);
    var medicationKeys = new LinkedHashSet<String>();
    int i = 0;
    for (var version : current.values()) {
      var event = Events.resolved(loaded.get(i++), k -> canonicalOf.getOrDefault(k, k));
      if (event instanceof DrugAdministered drug && drug.medicationReference() != null) {
        medicationKeys.add(drug.medicationReference());
      }
      if (event instanceof ReferralTask task && task.patient() == null) {
        tasks.add(task);
        continue;
      }
      var patient = version.patient() == null ? null : aliasOf.get(version.patient());
      if (patient != null && byPatient.containsKey(patient)) {
        byPatient.get(patient).add(event);
        if (event instanceof Referral) {
          referralPatient.put(event.source().key(), patient);
        }
      }
    }
    for (var task : tasks) {
      var patient = referralPatient.get(task.focus());
      if (patient != null) {
        byPatient.get(patient).add(task);
      }
    }
    var organisations = organisations();
    var medications = medications(medicationKeys);
    var facts = new LinkedHashMap<String, PatientFacts>();
    byPatient.forEach(
        (p, events) -> facts.put(p, new PatientFacts(p, events, organisations, medications)));
    return facts;
  }

  /** Every patient key with facts, for a derivation of everything. */
  List<String> patients() {
    return jdbc.sql(
            """
            select distinct coalesce(a.canonical_key, e.patient_key) from clinical_event e
            left join clinical_event_alias a on a.alias_key = e.patient_key
            where e.patient_key is not null order by 1
            """)
        .query(String.class)
        .list();
  }

  /** The patients with a referral that named this person by HPR number (in any version). */
  List<String> patientsReferredBy(String hpr) {
    return jdbc.sql(
            """
            select distinct coalesce(a.canonical_key, e.patient_key) from clinical_event e
            left join clinical_event_alias a on a.alias_key = e.patient_key
            where e.type = 'Referral' and (e.payload::jsonb ->> 'requesterHpr') = :hpr
              and e.patient_key is not null
            order by 1
            """)
        .param("hpr", hpr)
        .query(String.class)
        .list();
  }

  /** How many versions of facts are stored. */
  long count() {
    return jdbc.sql("select count(*) from clinical_event").query(Long.class).single();
  }

  /** The current version of every organisation received, by key. */
  private Map<String, OrganisationRecord> organisations() {
    var organisations = new LinkedHashMap<String, OrganisationRecord>();
    jdbc.sql(
            "select distinct on (source_key) payload from clinical_event"
                + " where type = 'OrganisationRecord' order by "
                + FactVersion.CURRENT_ORDER)
        .query(String.class)
        .list()
        .forEach(
            payload -> {
              var record = payloads.read(payload, OrganisationRecord.class);
              organisations.put(record.source().key(), record);
            });
    return organisations;
  }

  /** The current version of each of these medications that has been received, by key. */
  private Map<String, MedicationRecord> medications(Collection<String> keys) {
    var current = new LinkedHashMap<String, FactVersion>();
    for (var part : Partitions.of(List.copyOf(keys))) {
      jdbc.sql(
              """
              select source_key, type, payload, patient_key, version_rank, last_updated, seq
              from clinical_event where type = 'MedicationRecord' and source_key in (:keys)
              """)
          .param("keys", part)
          .query(
              (rs, n) ->
                  current.merge(rs.getString("source_key"), FactVersion.of(rs), FactVersion::newer))
          .list();
    }
    var medications = new LinkedHashMap<String, MedicationRecord>();
    current.forEach(
        (key, version) ->
            medications.put(key, payloads.read(version.payload(), MedicationRecord.class)));
    return medications;
  }
}
