package no.forlop.ingest.fhir;

import no.forlop.coding.ClinicalEvent;
import org.hl7.fhir.r4.model.Resource;

/**
 * Understands how one kind of FHIR resource becomes a clinical event: what it must have, and what
 * each element means for Forløp (CONTRACT.md §3). Throws {@link NotTranslated} (through {@link
 * Reading}) for a resource to reject or ignore.
 */
interface ResourceTranslator<R extends Resource> {

  Class<R> resourceClass();

  ClinicalEvent translate(R resource, Reading reading);
}
