package no.forlop.coding.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
import no.forlop.coding.ClinicalEvent.ReferralResponse;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Understands the stored form of a fact: its type name, its JSON payload and the checksum that
 * makes the same version of the same resource the same fact, and how a stored payload reads back.
 */
final class FactPayloads {

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
          Map.entry("CareEpisode", CareEpisode.class),
          Map.entry("ReferralResponse", ReferralResponse.class));

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
        .addMixIn(NotDone.class, NotDoneAsBefore.class)
        .addMixIn(Referral.class, WithoutNoHpr.class)
        .build();
  }

  /** Leaves out a drug administration's {@code medicationReference} when it names none. */
  private abstract static class WithoutNoMedication {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract @Nullable String medicationReference();
  }

  /**
   * Leaves out a referral's {@code requesterHpr} when it names no person (issue 17), so that a
   * referral sent again is the same fact as before Forløp read the HPR number.
   */
  private abstract static class WithoutNoHpr {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract @Nullable String requesterHpr();
  }

  /**
   * Leaves out an attendance's {@code types} when the EHR coded none, so that an encounter sent
   * again is the same fact as before Forløp read its types.
   */
  private abstract static class WithoutNoTypes {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<no.forlop.coding.Code> types();
  }

  /**
   * Leaves out what a not-done resource did not give (reason, date, encounter, performers), so that
   * one sent again is the same fact as before Forløp read them.
   */
  private abstract static class NotDoneAsBefore {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<no.forlop.coding.Code> reasons();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract java.time.@Nullable Instant performed();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract @Nullable String encounter();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<String> performers();
  }

  /** The name a fact's type is stored under ({@code clinical_event.type}). */
  static String typeOf(ClinicalEvent event) {
    return event.getClass().getSimpleName();
  }

  /** The payload a fact is stored as. */
  String payload(ClinicalEvent event) {
    return json.writeValueAsString(event);
  }

  /** What makes two stored versions the same fact: the checksum of type and payload. */
  static String checksum(String type, String payload) {
    return sha256(type + "\n" + payload);
  }

  /** The fact a stored payload of this type is. */
  ClinicalEvent read(String type, String payload) {
    var cls = TYPES.get(type);
    if (cls == null) {
      throw new IllegalStateException("unknown stored event type " + type);
    }
    return json.readValue(payload, cls);
  }

  /** The fact a stored payload of a known class is. */
  <T extends ClinicalEvent> T read(String payload, Class<T> type) {
    return json.readValue(payload, type);
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
