/**
 * Automatic registration: facts from the EHR ({@link no.forlop.coding.ClinicalEvent}s, translated
 * from FHIR by {@code ingest}) in, pathway codes out. The derivation rules are data a clinician can
 * review ({@code coding/derivation-rules.yaml}); every derived code keeps its trace (rule, rule-set
 * version, catalogue version, source events, inputs) and still passes the pathway engine's coding
 * rules, or becomes a proposal with the reason.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "pathway",
      "catalog",
      "calendar",
      "patient",
      "audit",
      "terminology",
      "terminology :: domain",
      "access",
      "database"
    })
@org.jspecify.annotations.NullMarked
package no.forlop.coding;
