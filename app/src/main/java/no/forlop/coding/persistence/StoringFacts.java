package no.forlop.coding.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.SourceRef;
import no.forlop.coding.StoredFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Understands storing facts: each new version of a resource once (the same fact twice is stored
 * once), under the key of the fact first received with the same business identifier (an alias),
 * with its identifiers, and which patients the new versions concern (to be derived again). Works in
 * batches: a delivery of a thousand resources takes a handful of statements.
 *
 * <p>A fact that names another is stored as it came, with the name in {@code focus_key} (a task's
 * referral, an administration's medication), so that the fact that arrives second finds the first
 * by an index: a referral the tasks without a patient that name it, a Medication the patients whose
 * administrations name it (ADR 0018).
 */
final class StoringFacts {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final FactPayloads payloads;
  private final FactIdentities identities;

  StoringFacts(
      JdbcClient jdbc, JdbcTemplate batch, FactPayloads payloads, FactIdentities identities) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.payloads = payloads;
    this.identities = identities;
  }

  /**
   * Stores facts; returns the keys of the patients whose facts changed and the facts that were new.
   */
  StoredFacts store(List<ClinicalEvent> facts, @Nullable UUID delivery, Instant receivedAt) {
    var changed = new LinkedHashSet<String>();
    var added = new ArrayList<ClinicalEvent>();
    if (facts.isEmpty()) {
      return new StoredFacts(changed, added);
    }
    var at = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
    var canonical = withCanonicalKeys(facts);
    var keys = canonical.stream().map(e -> e.source().key()).distinct().toList();
    var stored = new HashSet<String>();
    var previousPatient = new HashMap<String, String>();
    for (var part : Partitions.of(keys)) {
      jdbc.sql("select source_key, checksum from clinical_event where source_key in (:keys)")
          .param("keys", part)
          .query(
              (rs, n) -> stored.add(rs.getString("source_key") + "\n" + rs.getString("checksum")))
          .list();
      jdbc.sql(
              "select distinct on (source_key) source_key, patient_key from clinical_event"
                  + " where source_key in (:keys) order by "
                  + FactVersion.CURRENT_ORDER)
          .param("keys", part)
          .query(
              (rs, n) -> {
                if (rs.getString("patient_key") != null) {
                  previousPatient.put(rs.getString("source_key"), rs.getString("patient_key"));
                }
                return null;
              })
          .list();
    }
    var referralPatients = referralPatients(canonical);
    var rows = new ArrayList<Object[]>();
    var identifiers = new ArrayList<Object[]>();
    var medications = new ArrayList<SourceRef>();
    for (var event : canonical) {
      var type = FactPayloads.typeOf(event);
      var payload = payloads.payload(event);
      var checksum = FactPayloads.checksum(type, payload);
      var source = event.source();
      if (!stored.add(source.key() + "\n" + checksum)) {
        continue;
      }
      added.add(event);
      var patient =
          event instanceof ReferralTask t && t.patient() == null
              ? referralPatients.get(t.focus())
              : event.patient();
      rows.add(
          new Object[] {
            source.key(),
            source.display(),
            type,
            patient,
            focusOf(event),
            String.join("\n", source.identifiers()),
            FactVersion.rank(source.version()),
            source.lastUpdated() == null
                ? null
                : OffsetDateTime.ofInstant(source.lastUpdated(), ZoneOffset.UTC),
            payload,
            checksum,
            at,
            delivery
          });
      for (var identifier : source.identifiers()) {
        identifiers.add(
            new Object[] {FactIdentities.identityType(event), identifier, source.key()});
      }
      if (patient != null) {
        changed.add(patient);
      }
      var previous = previousPatient.get(source.key());
      if (previous != null) {
        changed.add(previous);
      }
      if (event instanceof OrganisationRecord) {
        changed.addAll(patientsReferringTo(source.key()));
      }
      if (event instanceof MedicationRecord) {
        medications.add(source);
      }
    }
    changed.addAll(patientsNaming(medications));
    var canonicalPatients = identities.canonical(changed);
    changed.clear();
    changed.addAll(canonicalPatients.values());
    batch.batchUpdate(
        """
        insert into clinical_event (source_key, display, type, patient_key, focus_key,
            identifiers, version_rank, last_updated, payload, checksum, received_at, delivery)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (source_key, checksum) do nothing
        """,
        rows);
    batch.batchUpdate(
        """
        insert into clinical_event_identifier (type, identifier, source_key) values (?, ?, ?)
        on conflict (type, identifier) do nothing
        """,
        identifiers);
    return new StoredFacts(changed, added);
  }

  /**
   * Facts whose business identifier is already known under another key get that key; the key they
   * came with is kept as an alias of it.
   */
  private List<ClinicalEvent> withCanonicalKeys(List<ClinicalEvent> facts) {
    var identifiers = new LinkedHashSet<String>();
    for (var event : facts) {
      identifiers.addAll(event.source().identifiers());
    }
    if (identifiers.isEmpty()) {
      return facts;
    }
    var known = identities.keysOf(identifiers);
    var result = new ArrayList<ClinicalEvent>(facts.size());
    var aliases = new ArrayList<Object[]>();
    for (var event : facts) {
      var source = event.source();
      var type = FactIdentities.identityType(event);
      String alias = null;
      for (var identifier : source.identifiers()) {
        var key = known.get(type + "\n" + identifier);
        if (key != null && !key.equals(source.key())) {
          alias = key;
          break;
        }
        known.putIfAbsent(type + "\n" + identifier, source.key());
      }
      if (alias != null) {
        aliases.add(new Object[] {source.key(), alias});
      }
      result.add(
          alias == null
              ? event
              : Events.withSource(
                  event,
                  new SourceRef(
                      alias,
                      source.display(),
                      source.identifiers(),
                      source.version(),
                      source.lastUpdated())));
    }
    batch.batchUpdate(
        "insert into clinical_event_alias (alias_key, canonical_key) values (?, ?)"
            + " on conflict (alias_key) do nothing",
        aliases);
    return result;
  }

  /**
   * The column that names the fact this one needs to be understood: a task's referral, a drug
   * administration's medication; {@code null} for others.
   */
  private static @Nullable String focusOf(ClinicalEvent event) {
    if (event instanceof ReferralTask task) {
      return task.focus();
    }
    if (event instanceof DrugAdministered drug) {
      return drug.medicationReference();
    }
    return null;
  }

  /**
   * The patients of the referrals that tasks without a patient point to, by the key or business
   * identifier the tasks name them by: from referrals of the same facts, else from those stored.
   */
  private Map<String, String> referralPatients(List<ClinicalEvent> facts) {
    var patients = new HashMap<String, String>();
    var wanted = new LinkedHashSet<String>();
    for (var event : facts) {
      if (event instanceof Referral referral) {
        patients.put(referral.source().key(), referral.patient());
        referral
            .source()
            .identifiers()
            .forEach(
                id ->
                    patients.put(SourceRef.byIdentifier("ServiceRequest", id), referral.patient()));
      }
    }
    for (var event : facts) {
      if (event instanceof ReferralTask t
          && t.patient() == null
          && !patients.containsKey(t.focus())) {
        wanted.add(t.focus());
      }
    }
    if (wanted.isEmpty()) {
      return patients;
    }
    var referralOf = identities.resolved(wanted);
    var referrals = new HashMap<String, String>();
    for (var part : Partitions.of(List.copyOf(new LinkedHashSet<>(referralOf.values())))) {
      jdbc.sql(
              "select distinct on (source_key) source_key, patient_key from clinical_event"
                  + " where type = 'Referral' and source_key in (:keys) order by "
                  + FactVersion.CURRENT_ORDER)
          .param("keys", part)
          .query((rs, n) -> referrals.put(rs.getString("source_key"), rs.getString("patient_key")))
          .list();
    }
    referralOf.forEach(
        (focus, referral) -> {
          if (referrals.get(referral) != null) {
            patients.put(focus, referrals.get(referral));
          }
        });
    return patients;
  }

  /** The patients with a fact that names this organisation (whose codes may depend on it). */
  private List<String> patientsReferringTo(String organisationKey) {
    return jdbc.sql(
            """
            select distinct patient_key from clinical_event
            where patient_key is not null and position(:key in payload) > 0
            """)
        .param("key", "\"" + organisationKey + "\"")
        .query(String.class)
        .list();
  }

  /**
   * The patients whose drug administrations name one of these medications: by the key they were
   * received under, an alias of it, or one of their business identifiers. A medication that arrives
   * after the administrations changes what their codes are.
   */
  private Set<String> patientsNaming(List<SourceRef> medications) {
    var patients = new LinkedHashSet<String>();
    if (medications.isEmpty()) {
      return patients;
    }
    var keys = medications.stream().map(SourceRef::key).distinct().toList();
    var names = new LinkedHashSet<>(identities.withAliases(keys).keySet());
    medications.forEach(
        m -> m.identifiers().forEach(id -> names.add(SourceRef.byIdentifier("Medication", id))));
    names.addAll(identities.byIdentifierKeys("Medication", keys));
    for (var part : Partitions.of(List.copyOf(names))) {
      patients.addAll(
          jdbc.sql(
                  """
                  select distinct patient_key from clinical_event
                  where type = 'DrugAdministered' and focus_key in (:keys)
                    and patient_key is not null
                  """)
              .param("keys", part)
              .query(String.class)
              .list());
    }
    return patients;
  }
}
