package no.forlop.coding.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.CareEpisode;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.coding.ClinicalEvent.PlannedAppointment;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.SourceRef;
import no.forlop.coding.StoredFacts;
import no.forlop.coding.domain.PatientFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every EHR fact Forløp has received, every version of it, and finds the current version of
 * each for a set of patients. The same fact twice is stored once; a resource with another id but
 * the same business identifier is the same fact. Works in batches: a delivery of a thousand
 * resources takes a handful of statements.
 *
 * <p>Facts that name other facts are stored as they came and joined when a patient is derived (ADR
 * 0018), so that they may arrive in any order: a task and its referral (by key, or by the
 * referral's business identifier), a drug administration and the Medication it names. The name is
 * kept in {@code focus_key} (a task's referral, an administration's medication), so that the fact
 * that arrives second finds the first by an index: a referral the tasks without a patient that name
 * it, a Medication the patients whose administrations name it, who are then derived again.
 */
@Repository
public class ClinicalEventStore {

  private static final Map<String, Class<? extends ClinicalEvent>> TYPES =
      Map.ofEntries(
          Map.entry("PatientRecord", PatientRecord.class),
          Map.entry("OrganisationRecord", OrganisationRecord.class),
          Map.entry("Referral", Referral.class),
          Map.entry("ReferralTask", ReferralTask.class),
          Map.entry("Attendance", Attendance.class),
          Map.entry("ProcedurePerformed", ProcedurePerformed.class),
          Map.entry("Assessment", Assessment.class),
          Map.entry("DrugAdministered", DrugAdministered.class),
          Map.entry("MedicationRecord", MedicationRecord.class),
          Map.entry("NotDone", NotDone.class),
          Map.entry("PlannedAppointment", PlannedAppointment.class),
          Map.entry("CareEpisode", CareEpisode.class));

  /**
   * The fact type whose business identifiers a reference by identifier to a FHIR type is looked up
   * among ({@code clinical_event_identifier.type}).
   */
  private static final Map<String, String> BY_IDENTIFIER =
      Map.of("ServiceRequest", "Referral", "Medication", "MedicationRecord");

  /**
   * The fact type a not-done resource would have been, whose business identifiers it shares: a
   * procedure corrected to not-done under another id is still the same fact.
   */
  private static final Map<String, String> NOT_DONE_AS =
      Map.of("Procedure", "ProcedurePerformed", "MedicationAdministration", "DrugAdministered");

  private static final String CURRENT_ORDER =
      "source_key, version_rank desc nulls last, last_updated desc nulls last, seq desc";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final JsonMapper json = mapper();

  /**
   * Writes and reads the facts' payloads. A drug given as a code is written as before its
   * administration could name a Medication (no {@code medicationReference}), and an attendance
   * without coded types as before Forløp read them, so that the same resource sent again is still
   * the same fact (same checksum), and nobody is derived again for it.
   */
  static JsonMapper mapper() {
    return JsonMapper.builder()
        .addMixIn(DrugAdministered.class, WithoutNoMedication.class)
        .addMixIn(Attendance.class, WithoutNoTypes.class)
        .build();
  }

  /** Leaves out a drug administration's {@code medicationReference} when it names none. */
  private abstract static class WithoutNoMedication {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract @Nullable String medicationReference();
  }

  /**
   * Leaves out an attendance's {@code types} when the EHR coded none, so that an encounter sent
   * again is the same fact as before Forløp read its types.
   */
  private abstract static class WithoutNoTypes {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<no.forlop.coding.Code> types();
  }

  ClinicalEventStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  private record Prepared(
      ClinicalEvent event,
      String type,
      String payload,
      String checksum,
      @Nullable String patient) {}

  /**
   * Stores facts; returns the keys of the patients whose facts changed and the facts that were new.
   */
  public StoredFacts store(List<ClinicalEvent> facts, @Nullable UUID delivery, Instant receivedAt) {
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
    for (var part : partitions(keys)) {
      jdbc.sql("select source_key, checksum from clinical_event where source_key in (:keys)")
          .param("keys", part)
          .query(
              (rs, n) -> stored.add(rs.getString("source_key") + "\n" + rs.getString("checksum")))
          .list();
      jdbc.sql(
              "select distinct on (source_key) source_key, patient_key from clinical_event"
                  + " where source_key in (:keys) order by "
                  + CURRENT_ORDER)
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
      var type = event.getClass().getSimpleName();
      var payload = json.writeValueAsString(event);
      var checksum = sha256(type + "\n" + payload);
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
            rank(source.version()),
            source.lastUpdated() == null
                ? null
                : OffsetDateTime.ofInstant(source.lastUpdated(), ZoneOffset.UTC),
            payload,
            checksum,
            at,
            delivery
          });
      for (var identifier : source.identifiers()) {
        identifiers.add(new Object[] {identityType(event), identifier, source.key()});
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
    var canonicalPatients = canonical(changed);
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
   * Every current fact about each of these patients, every known organisation, and the medications
   * their drug administrations name. References are read as the keys of the facts they name: an
   * alias as its canonical key, a reference by identifier as the key of the fact with that
   * identifier, where one is known.
   */
  public Map<String, PatientFacts> factsOf(Collection<String> patients) {
    var aliasOf = withAliases(patients);
    var wanted = new LinkedHashSet<>(aliasOf.keySet());
    var byPatient = new LinkedHashMap<String, List<ClinicalEvent>>();
    patients.forEach(p -> byPatient.put(p, new ArrayList<>()));
    var tasks = new ArrayList<ReferralTask>();
    var referralPatient = new HashMap<String, String>();
    var keys = new LinkedHashSet<String>();
    for (var part : partitions(List.copyOf(wanted))) {
      keys.addAll(
          jdbc.sql(
                  "select distinct source_key from clinical_event where patient_key in (:patients)")
              .param("patients", part)
              .query(String.class)
              .list());
    }
    var referralKeys = new ArrayList<String>();
    var current = new LinkedHashMap<String, Version>();
    for (var part : partitions(List.copyOf(keys))) {
      jdbc.sql(
              """
              select source_key, type, payload, patient_key, version_rank, last_updated, seq
              from clinical_event where source_key in (:keys)
              """)
          .param("keys", part)
          .query((rs, n) -> current.merge(rs.getString("source_key"), version(rs), Version::newer))
          .list();
    }
    current.values().stream()
        .filter(v -> v.type().equals("Referral"))
        .forEach(v -> referralKeys.add(v.key()));
    // tasks without a patient name their referral by its key (or an alias of it), or by one of
    // its business identifiers
    var foci = new LinkedHashSet<>(withAliases(referralKeys).keySet());
    foci.addAll(byIdentifierKeys("ServiceRequest", referralKeys));
    for (var part : partitions(List.copyOf(foci))) {
      jdbc.sql(
              """
              select source_key, type, payload, patient_key, version_rank, last_updated, seq
              from clinical_event
              where type = 'ReferralTask' and patient_key is null and focus_key in (:keys)
              """)
          .param("keys", part)
          .query((rs, n) -> current.merge(rs.getString("source_key"), version(rs), Version::newer))
          .list();
    }
    var loaded = new ArrayList<ClinicalEvent>();
    var referenced = new LinkedHashSet<String>();
    for (var version : current.values()) {
      var event = read(version.type(), version.payload());
      loaded.add(event);
      referenced.addAll(Events.references(event));
    }
    var canonicalOf = resolved(referenced);
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

  /** Every current fact about one patient. */
  public PatientFacts factsOf(String patient) {
    return factsOf(List.of(patient)).get(patient);
  }

  /**
   * The displays ({@code Encounter/e1}) of the facts of a FHIR resource type that carry a business
   * identifier: {@code system|value} exactly, or {@code value} in any system.
   */
  public List<String> displaysWithIdentifier(String resourceType, String identifier) {
    var exact = identifier.contains("|");
    return jdbc.sql(
            """
            select distinct e.display from clinical_event_identifier i
            join clinical_event e on e.source_key = i.source_key
            where (i.identifier = :identifier
                   or (not :exact and substr(i.identifier, strpos(i.identifier, '|') + 1) = :identifier))
              and e.display like :type
            order by 1
            """)
        .param("identifier", identifier)
        .param("exact", exact)
        .param("type", resourceType + "/%")
        .query(String.class)
        .list();
  }

  /** Every patient key with facts, for a derivation of everything. */
  public List<String> patients() {
    return jdbc.sql(
            """
            select distinct coalesce(a.canonical_key, e.patient_key) from clinical_event e
            left join clinical_event_alias a on a.alias_key = e.patient_key
            where e.patient_key is not null order by 1
            """)
        .query(String.class)
        .list();
  }

  public long count() {
    return jdbc.sql("select count(*) from clinical_event").query(Long.class).single();
  }

  private Map<String, OrganisationRecord> organisations() {
    var organisations = new LinkedHashMap<String, OrganisationRecord>();
    jdbc.sql(
            "select distinct on (source_key) payload from clinical_event"
                + " where type = 'OrganisationRecord' order by "
                + CURRENT_ORDER)
        .query(String.class)
        .list()
        .forEach(
            payload -> {
              var record = json.readValue(payload, OrganisationRecord.class);
              organisations.put(record.source().key(), record);
            });
    return organisations;
  }

  /** The current version of each of these medications that has been received, by key. */
  private Map<String, MedicationRecord> medications(Collection<String> keys) {
    var current = new LinkedHashMap<String, Version>();
    for (var part : partitions(List.copyOf(keys))) {
      jdbc.sql(
              """
              select source_key, type, payload, patient_key, version_rank, last_updated, seq
              from clinical_event where type = 'MedicationRecord' and source_key in (:keys)
              """)
          .param("keys", part)
          .query((rs, n) -> current.merge(rs.getString("source_key"), version(rs), Version::newer))
          .list();
    }
    var medications = new LinkedHashMap<String, MedicationRecord>();
    current.forEach(
        (key, version) ->
            medications.put(key, json.readValue(version.payload(), MedicationRecord.class)));
    return medications;
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
   * The type under which a fact's business identifiers are kept: its own, except for a not-done
   * resource, which shares those of the fact it would have been.
   */
  private static String identityType(ClinicalEvent event) {
    if (event instanceof NotDone notDone) {
      return NOT_DONE_AS.getOrDefault(notDone.source().type(), "NotDone");
    }
    return event.getClass().getSimpleName();
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
    var names = new LinkedHashSet<>(withAliases(keys).keySet());
    medications.forEach(
        m -> m.identifiers().forEach(id -> names.add(SourceRef.byIdentifier("Medication", id))));
    names.addAll(byIdentifierKeys("Medication", keys));
    for (var part : partitions(List.copyOf(names))) {
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

  /**
   * The references by identifier ({@code ServiceRequest?identifier=system|value}) that name these
   * facts of a FHIR type, one for each business identifier known for them.
   */
  private List<String> byIdentifierKeys(String fhirType, Collection<String> keys) {
    var names = new ArrayList<String>();
    for (var part : partitions(List.copyOf(keys))) {
      jdbc.sql(
              "select identifier from clinical_event_identifier"
                  + " where type = :type and source_key in (:keys)")
          .param("type", BY_IDENTIFIER.get(fhirType))
          .param("keys", part)
          .query(String.class)
          .list()
          .forEach(identifier -> names.add(SourceRef.byIdentifier(fhirType, identifier)));
    }
    return names;
  }

  /**
   * The key each of these keys stands for: a reference by identifier the key of the fact that has
   * the identifier (when one is known, else itself), and then an alias its canonical key.
   */
  private Map<String, String> resolved(Collection<String> keys) {
    var target = new HashMap<String, String>();
    var byType = new HashMap<String, List<String>>();
    for (var key : keys) {
      target.put(key, key);
      var byIdentifier = SourceRef.ByIdentifier.of(key);
      var factType = byIdentifier == null ? null : BY_IDENTIFIER.get(byIdentifier.type());
      if (factType != null) {
        byType.computeIfAbsent(factType, t -> new ArrayList<>()).add(byIdentifier.identifier());
      }
    }
    var fhirTypes = new HashMap<String, String>();
    BY_IDENTIFIER.forEach((fhirType, factType) -> fhirTypes.put(factType, fhirType));
    byType.forEach(
        (factType, identifiers) -> {
          for (var part : partitions(identifiers)) {
            jdbc.sql(
                    "select identifier, source_key from clinical_event_identifier"
                        + " where type = :type and identifier in (:ids)")
                .param("type", factType)
                .param("ids", part)
                .query(
                    (rs, n) ->
                        target.put(
                            SourceRef.byIdentifier(
                                fhirTypes.get(factType), rs.getString("identifier")),
                            rs.getString("source_key")))
                .list();
          }
        });
    var canonicalOf = canonical(target.values());
    var resolved = new HashMap<String, String>();
    target.forEach((key, to) -> resolved.put(key, canonicalOf.getOrDefault(to, to)));
    return resolved;
  }

  private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Version(
        rs.getString("source_key"),
        rs.getString("type"),
        rs.getString("payload"),
        rs.getString("patient_key"),
        (Long) rs.getObject("version_rank"),
        rs.getObject("last_updated", OffsetDateTime.class),
        rs.getLong("seq"));
  }

  /** One stored version of a fact. */
  private record Version(
      String key,
      String type,
      String payload,
      @Nullable String patient,
      @Nullable Long rank,
      @Nullable OffsetDateTime lastUpdated,
      long seq) {

    /**
     * The current of two versions: higher version id, then later lastUpdated, then received later.
     */
    static Version newer(Version a, Version b) {
      int byRank = compareNullsFirst(a.rank, b.rank);
      if (byRank != 0) {
        return byRank > 0 ? a : b;
      }
      int byUpdate = compareNullsFirst(a.lastUpdated, b.lastUpdated);
      if (byUpdate != 0) {
        return byUpdate > 0 ? a : b;
      }
      return a.seq >= b.seq ? a : b;
    }

    private static <T extends Comparable<T>> int compareNullsFirst(@Nullable T a, @Nullable T b) {
      if (a == null && b == null) return 0;
      if (a == null) return -1;
      if (b == null) return 1;
      return a.compareTo(b);
    }
  }

  private ClinicalEvent read(String type, String payload) {
    var cls = TYPES.get(type);
    if (cls == null) {
      throw new IllegalStateException("unknown stored event type " + type);
    }
    return json.readValue(payload, cls);
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
    var referralOf = resolved(wanted);
    var referrals = new HashMap<String, String>();
    for (var part : partitions(List.copyOf(new LinkedHashSet<>(referralOf.values())))) {
      jdbc.sql(
              "select distinct on (source_key) source_key, patient_key from clinical_event"
                  + " where type = 'Referral' and source_key in (:keys) order by "
                  + CURRENT_ORDER)
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

  /** Facts whose business identifier is already known under another key get that key. */
  private List<ClinicalEvent> withCanonicalKeys(List<ClinicalEvent> facts) {
    var identifiers = new LinkedHashSet<String>();
    for (var event : facts) {
      identifiers.addAll(event.source().identifiers());
    }
    if (identifiers.isEmpty()) {
      return facts;
    }
    var known = new HashMap<String, String>();
    for (var part : partitions(List.copyOf(identifiers))) {
      jdbc.sql(
              "select type, identifier, source_key from clinical_event_identifier"
                  + " where identifier in (:ids)")
          .param("ids", part)
          .query(
              (rs, n) ->
                  known.put(
                      rs.getString("type") + "\n" + rs.getString("identifier"),
                      rs.getString("source_key")))
          .list();
    }
    var result = new ArrayList<ClinicalEvent>(facts.size());
    var aliases = new ArrayList<Object[]>();
    for (var event : facts) {
      var source = event.source();
      var type = identityType(event);
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

  /** The canonical key of each key (itself unless it is an alias). */
  private Map<String, String> canonical(Collection<String> keys) {
    var canonical = new HashMap<String, String>();
    keys.forEach(k -> canonical.put(k, k));
    for (var part : partitions(List.copyOf(keys))) {
      jdbc.sql("select alias_key, canonical_key from clinical_event_alias where alias_key in (:k)")
          .param("k", part)
          .query((rs, n) -> canonical.put(rs.getString("alias_key"), rs.getString("canonical_key")))
          .list();
    }
    return canonical;
  }

  /** Each key with the aliases that name the same fact. */
  private Map<String, String> withAliases(Collection<String> canonicalKeys) {
    var all = new HashMap<String, String>();
    canonicalKeys.forEach(k -> all.put(k, k));
    for (var part : partitions(List.copyOf(canonicalKeys))) {
      jdbc.sql(
              "select alias_key, canonical_key from clinical_event_alias where canonical_key in (:k)")
          .param("k", part)
          .query((rs, n) -> all.put(rs.getString("alias_key"), rs.getString("canonical_key")))
          .list();
    }
    return all;
  }

  private static <T> List<List<T>> partitions(List<T> all) {
    var parts = new ArrayList<List<T>>();
    for (int from = 0; from < all.size(); from += 1000) {
      parts.add(all.subList(from, Math.min(all.size(), from + 1000)));
    }
    return parts;
  }

  private static @Nullable Long rank(@Nullable String version) {
    if (version == null) {
      return null;
    }
    try {
      return Long.parseLong(version.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
