/**
 * Shared kernel for who a patient is: the Norwegian national identity numbers (fødselsnummer and
 * D-nummer) with their checksums. Plain Java; every module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package no.forlop.patient;
