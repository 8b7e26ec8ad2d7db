/**
 * A GP's referral to a pathway as FHIR R4 (issue 17): the transaction Bundle a GP's system can post
 * to {@code /fhir}, built from plain values, so that the module that helps the GP ({@code
 * referral}) never sees FHIR. The Bundle is shaped as the intake reads a pathway referral: a
 * ServiceRequest (intent {@code order}) with the pathway's start code (kodeverk 8480) where known,
 * priority PK (kodeverk 8306) and the ICD-10 reason, from the GP's practice to the receiving
 * organisation; the GP's answers as a QuestionnaireResponse.
 */
@org.springframework.modulith.NamedInterface("referral")
@org.jspecify.annotations.NullMarked
package no.forlop.ingest.referral;
