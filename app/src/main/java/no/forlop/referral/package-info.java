/**
 * The GP's side of the pathways (issue 17): per pathway the signs that make a GP suspect the
 * disease, the filter steps (filterfunksjon) done first, the findings that give a well-founded
 * suspicion (begrunnet mistanke) and what the referral must contain, each item with its source. The
 * criteria are data (referral/entry-criteria.yaml), checked against the catalogue when the
 * application starts; a GP's ticked findings are judged against them without storing anything. From
 * them and the patient's details the GP gets a complete referral (FHIR, built by the intake's
 * exported {@code ingest :: referral}), which Forløp does not store unless it is posted to {@code
 * /fhir}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"catalog", "web", "patient", "ingest :: referral", "access", "calendar"})
@org.jspecify.annotations.NullMarked
package no.forlop.referral;
