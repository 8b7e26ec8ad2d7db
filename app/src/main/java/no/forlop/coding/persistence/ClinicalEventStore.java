package no.forlop.coding.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.SourceRef;
import no.forlop.coding.domain.PatientFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every EHR fact Forløp has received, every version of it, and finds the current version of
 * each for one patient. The same fact twice is stored once; a resource with another id but the same
 * business identifier is the same fact.
 */
@Repository
public class ClinicalEventStore {

  private static final Map<String, Class<? extends ClinicalEvent>> TYPES =
      Map.of(
          "PatientRecord", PatientRecord.class,
          "OrganisationRecord", OrganisationRecord.class,
          "Referral", Referral.class,
          "ReferralTask", ReferralTask.class,
          "Attendance", Attendance.class,
          "ProcedurePerformed", ProcedurePerformed.class,
          "Assessment", Assessment.class,
          "DrugAdministered", DrugAdministered.class);

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  ClinicalEventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores facts; returns the keys of the patients whose facts changed. */
  public Set<String> store(
      List<ClinicalEvent> events, @Nullable UUID delivery, Instant receivedAt) {
    var changed = new LinkedHashSet<String>();
    var at = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
    for (var original : events) {
      var event = withCanonicalKey(original);
      var payload = json.writeValueAsString(event);
      var type = event.getClass().getSimpleName();
      var source = event.source();
      var patient = patientOf(event);
      var previousPatient = currentPatientOf(source.key());
      var inserted =
          jdbc.sql(
                  """
                  insert into clinical_event (source_key, display, type, patient_key, focus_key,
                      identifiers, version_rank, last_updated, payload, checksum, received_at,
                      delivery)
                  values (:key, :display, :type, :patient, :focus, :identifiers, :rank, :lastUpdated,
                      :payload, :checksum, :at, :delivery)
                  on conflict (source_key, checksum) do nothing
                  """)
              .param("key", source.key())
              .param("display", source.display())
              .param("type", type)
              .param("patient", patient)
              .param("focus", event instanceof ReferralTask t ? t.focus() : null)
              .param("identifiers", String.join("\n", source.identifiers()))
              .param("rank", rank(source.version()))
              .param(
                  "lastUpdated",
                  source.lastUpdated() == null
                      ? null
                      : OffsetDateTime.ofInstant(source.lastUpdated(), ZoneOffset.UTC))
              .param("payload", payload)
              .param("checksum", sha256(type + "\n" + payload))
              .param("at", at)
              .param("delivery", delivery)
              .update();
      if (inserted == 0) {
        continue;
      }
      if (patient != null) {
        changed.add(patient);
      }
      if (previousPatient != null) {
        changed.add(previousPatient);
      }
      if (event instanceof OrganisationRecord) {
        changed.addAll(patientsReferringTo(source.key()));
      }
    }
    return changed;
  }

  /** Every current fact about one patient, and every known organisation. */
  public PatientFacts factsOf(String patient) {
    var rows =
        jdbc.sql(
                """
                with keys as (
                  select distinct source_key from clinical_event
                  where patient_key = :patient
                     or (type = 'ReferralTask' and patient_key is null and focus_key in
                          (select source_key from clinical_event
                           where patient_key = :patient and type = 'Referral'))
                ),
                current as (
                  select distinct on (e.source_key) e.type, e.payload, e.patient_key, e.focus_key
                  from clinical_event e join keys k on k.source_key = e.source_key
                  order by e.source_key, e.version_rank desc nulls last,
                           e.last_updated desc nulls last, e.seq desc
                )
                select type, payload, patient_key, focus_key from current
                """)
            .param("patient", patient)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString("type"),
                        rs.getString("payload"),
                        rs.getString("patient_key"),
                        rs.getString("focus_key")))
            .list();
    var referrals = new LinkedHashSet<String>();
    var events = new ArrayList<ClinicalEvent>();
    for (var row : rows) {
      var event = read(row.type(), row.payload());
      if (patient.equals(row.patient()) || row.patient() == null) {
        events.add(event);
        if (event instanceof Referral) {
          referrals.add(event.source().key());
        }
      }
    }
    events.removeIf(
        e -> e instanceof ReferralTask t && t.patient() == null && !referrals.contains(t.focus()));
    return new PatientFacts(patient, events, organisations());
  }

  /** Every patient key with facts, for a derivation of everything. */
  public List<String> patients() {
    return jdbc.sql(
            "select distinct patient_key from clinical_event where patient_key is not null order by 1")
        .query(String.class)
        .list();
  }

  public long count() {
    return jdbc.sql("select count(*) from clinical_event").query(Long.class).single();
  }

  private Map<String, OrganisationRecord> organisations() {
    var organisations = new LinkedHashMap<String, OrganisationRecord>();
    jdbc.sql(
            """
            select distinct on (source_key) payload from clinical_event
            where type = 'OrganisationRecord'
            order by source_key, version_rank desc nulls last, last_updated desc nulls last,
                     seq desc
            """)
        .query(String.class)
        .list()
        .forEach(
            payload -> {
              var record = json.readValue(payload, OrganisationRecord.class);
              organisations.put(record.source().key(), record);
            });
    return organisations;
  }

  private record Row(
      String type, String payload, @Nullable String patient, @Nullable String focus) {}

  private ClinicalEvent read(String type, String payload) {
    var cls = TYPES.get(type);
    if (cls == null) {
      throw new IllegalStateException("unknown stored event type " + type);
    }
    return json.readValue(payload, cls);
  }

  private @Nullable String patientOf(ClinicalEvent event) {
    if (event instanceof ReferralTask task && task.patient() == null) {
      return jdbc.sql(
              """
              select patient_key from clinical_event
              where source_key = :focus and type = 'Referral' order by seq desc limit 1
              """)
          .param("focus", task.focus())
          .query(String.class)
          .optional()
          .orElse(null);
    }
    return event.patient();
  }

  private @Nullable String currentPatientOf(String key) {
    return jdbc.sql(
            """
            select patient_key from clinical_event where source_key = :key
            order by version_rank desc nulls last, last_updated desc nulls last, seq desc limit 1
            """)
        .param("key", key)
        .query(String.class)
        .optional()
        .orElse(null);
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

  /** A fact whose business identifier is already known under another key gets that key. */
  private ClinicalEvent withCanonicalKey(ClinicalEvent event) {
    var source = event.source();
    if (source.identifiers().isEmpty()) {
      return event;
    }
    var known =
        jdbc.sql("select 1 from clinical_event where source_key = :key limit 1")
            .param("key", source.key())
            .query(Integer.class)
            .optional();
    if (known.isPresent()) {
      return event;
    }
    for (var identifier : source.identifiers()) {
      var alias =
          jdbc.sql(
                  """
                  select source_key from clinical_event
                  where type = :type and position(:id in (E'\\n' || identifiers || E'\\n')) > 0
                  order by seq limit 1
                  """)
              .param("type", event.getClass().getSimpleName())
              .param("id", "\n" + identifier + "\n")
              .query(String.class)
              .optional();
      if (alias.isPresent()) {
        return Events.withSource(
            event,
            new SourceRef(
                alias.get(),
                source.display(),
                source.identifiers(),
                source.version(),
                source.lastUpdated()));
      }
    }
    return event;
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
