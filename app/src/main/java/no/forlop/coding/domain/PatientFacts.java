package no.forlop.coding.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import org.jspecify.annotations.Nullable;

/**
 * Everything the EHR has told Forløp about one patient, as it stands now (the current version of
 * each resource), plus the organisations and medications those facts refer to.
 *
 * @param patient the patient's key ({@code Patient/p1})
 * @param organisations every known organisation by key
 * @param medications the known medications (FHIR Medication) that the patient's drug
 *     administrations name, by key
 */
public record PatientFacts(
    String patient,
    List<ClinicalEvent> events,
    Map<String, OrganisationRecord> organisations,
    Map<String, MedicationRecord> medications) {

  public PatientFacts {
    events = List.copyOf(events);
    organisations = Map.copyOf(organisations);
    medications = Map.copyOf(medications);
  }

  /** A patient's facts, none of which names a medication of its own. */
  public PatientFacts(
      String patient, List<ClinicalEvent> events, Map<String, OrganisationRecord> organisations) {
    this(patient, events, organisations, Map.of());
  }

  public Optional<PatientRecord> record() {
    return events.stream()
        .filter(PatientRecord.class::isInstance)
        .map(PatientRecord.class::cast)
        .findFirst();
  }

  public <T extends ClinicalEvent> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The organisation number behind an organisation key, if the organisation is known. */
  public @Nullable String organisationNumber(@Nullable String key) {
    if (key == null) {
      return null;
    }
    var organisation = organisations.get(key);
    return organisation == null ? null : organisation.organisationNumber();
  }

  /** The medication behind a key, if it has been received. */
  public @Nullable MedicationRecord medication(@Nullable String key) {
    return key == null ? null : medications.get(key);
  }
}
