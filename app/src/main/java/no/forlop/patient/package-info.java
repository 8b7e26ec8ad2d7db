/**
 * Shared kernel for who a patient is: the Norwegian national identity numbers (fødselsnummer and
 * D-nummer) with their checksums (plain Java), and the patients' names as the EHR sent them ({@link
 * no.forlop.patient.PatientDirectory}, which owns table {@code patient_name} and is fed by the
 * intake). Every module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package no.forlop.patient;
