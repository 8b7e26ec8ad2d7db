package no.forlop.ingest.fhir;

import static no.forlop.patient.PatientIdentifier.DNR_SYSTEM;
import static no.forlop.patient.PatientIdentifier.FNR_SYSTEM;

import java.util.Comparator;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.patient.InvalidPatientIdentifierException;
import no.forlop.patient.PatientIdentifier;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * Understands a FHIR Patient as a person with a national identity number (a fødselsnummer is
 * preferred to a D-nummer) and, if given, the time of death. The number never appears in a reason.
 */
final class PatientTranslator implements ResourceTranslator<Patient> {

  @Override
  public Class<Patient> resourceClass() {
    return Patient.class;
  }

  @Override
  public ClinicalEvent translate(Patient patient, Reading reading) {
    var identifier = identityNumber(patient, reading);
    // deceasedBoolean says that, not when: it is no instant of death
    var deceased =
        patient.hasDeceasedDateTimeType()
            ? reading.optionalInstant(patient.getDeceasedDateTimeType(), "deceasedDateTime")
            : null;
    return new PatientRecord(reading.source(), identifier, nameOf(patient), deceased);
  }

  /** The official (or first) name as "given family", or null when the EHR sends none. */
  static @org.jspecify.annotations.Nullable String nameOf(Patient patient) {
    if (!patient.hasName()) {
      return null;
    }
    var name =
        patient.getName().stream()
            .filter(n -> n.getUse() == org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL)
            .findFirst()
            .orElse(patient.getNameFirstRep());
    var text =
        name.hasText()
            ? name.getText()
            : (name.getGivenAsSingleString() + " " + (name.hasFamily() ? name.getFamily() : ""));
    text = text.strip().replaceAll("\\s+", " ");
    return text.isEmpty() ? null : text;
  }

  private static String identityNumber(Patient patient, Reading reading) {
    var candidates =
        patient.getIdentifier().stream()
            .filter(id -> FNR_SYSTEM.equals(id.getSystem()) || DNR_SYSTEM.equals(id.getSystem()))
            .filter(id -> id.hasValue() && !id.getValue().isBlank())
            .sorted(Comparator.comparing(id -> DNR_SYSTEM.equals(id.getSystem())))
            .toList();
    if (candidates.isEmpty()) {
      throw reading.missing(
          IntakeReason.Phrase.of("element.identityNumber", FNR_SYSTEM, DNR_SYSTEM), "patientWho");
    }
    var valid =
        candidates.stream()
            .map(Identifier::getValue)
            .filter(PatientIdentifier::isValid)
            .findFirst();
    if (valid.isPresent()) {
      return PatientIdentifier.parse(valid.get()).value();
    }
    var first = candidates.get(0);
    throw NotTranslated.rejected(
        IntakeReason.variant(
            "INVALID_IDENTITY_NUMBER",
            problemWith(first.getValue()),
            reading.source().display(),
            IntakeReason.Phrase.of(
                FNR_SYSTEM.equals(first.getSystem()) ? "element.fodselsnummer" : "element.dnummer"),
            first.getSystem()));
  }

  /** What is wrong with an invalid number (a variant of the text), never repeating it. */
  private static String problemWith(String invalid) {
    try {
      PatientIdentifier.parse(invalid);
      return "INVALID";
    } catch (InvalidPatientIdentifierException e) {
      return e.problem().name();
    }
  }
}
